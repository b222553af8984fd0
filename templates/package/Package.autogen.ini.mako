## The Package.autogen.ini that `autogen init -t package` writes next to Package.swift: the code
## settings, as Alembic's pyproject template writes them to pyproject.toml's [tool.alembic].
## Variables: script_location (the environment target's folder, as the ini spells it),
## environment_product (the target's name).
# autogen's code settings for this package: commit this file with Package.swift. autogen reads
# it from the folder it runs in, under autogen.ini (the deployment settings, such as the
# database URL): a key set in autogen.ini wins over the same key here, and autogen.ini's
# [post_write_hooks], when it has one, replaces this file's. %(here)s is the folder of this file.
[autogen]
# The migration environment: an executable target of this package (env.swift, model.swift,
# script.swift.mako, versions/).
script_location = ${script_location}

# The package that holds the environment, and its executable product that autogen builds
# (swift build --product) and runs for upgrade, downgrade, current, stamp, check and
# revision --autogenerate.
environment_package = %(here)s
environment_product = ${environment_product}

# New revision files are named <rev>_<slug>.swift (%% is a literal percent sign).
file_template = %%(rev)s_%%(slug)s

# The slug's length in file names; the time zone of revision dates (local time unless set).
# truncate_slug_length = 40
# timezone = UTC

# Where revision files are (script_location's versions/ unless set; their subfolders too).
# version_locations = ${script_location}/versions

[post_write_hooks]
# Run on every new revision file: the toolchain's swift-format, with .swift-format in the
# migration environment's folder.
hooks = swift_format
swift_format.type = exec
swift_format.executable = swift-format
swift_format.options = format --in-place REVISION_SCRIPT_FILENAME
