## The autogen.ini that `autogen init -t multidb` writes in the current folder.
## Variables: script_location (the migration environment's folder, as the ini spells it).
# autogen's configuration: where the migration environment is, which databases it migrates.
[autogen]
# The migration environment: a SwiftPM package (Package.swift, env.swift, model.swift,
# script.swift.mako, versions/). %(here)s is the folder of this file.
script_location = ${script_location}

# The databases, in the order every command runs on them. Each name has a section below with
# its url, and env.swift gives each name its model.
databases = main, audit

# New revision files are named <rev>_<slug>.swift (%% is a literal percent sign).
file_template = %%(rev)s_%%(slug)s

# The table that records each database's revision; a database's section may set its own.
# version_table = autogen_version

# How autogen compiles the migration environment: release (commands start in milliseconds;
# the first build takes about a minute and a half) or debug (quicker rebuilds after editing
# the model or a revision, slower commands).
# environment_build = release

# One section per database in `databases`. sqlite:///main.db is relative to the folder
# autogen runs in; postgresql://user:password@host:5432/dbname for PostgreSQL.
[main]
url = sqlite:///main.db

[audit]
url = sqlite:///audit.db
# version_table = autogen_version

[post_write_hooks]
# Run on every new revision file: the toolchain's swift-format, with .swift-format in the
# migration environment's folder.
hooks = swift_format
swift_format.type = exec
swift_format.executable = swift-format
swift_format.options = format --in-place REVISION_SCRIPT_FILENAME
