## The autogen.ini that `autogen init -t package` writes next to Package.swift: the deployment
## settings, as Alembic's pyproject template writes alembic.ini. The code settings
## (script_location, file_template, hooks, ...) are in Package.autogen.ini.
## Variables: none used here.
# autogen's deployment settings: which database to migrate, and how to build the migration
# environment on this machine. The code settings (where the environment target is, how revision
# files are named and formatted) are in Package.autogen.ini next to this file; a key set here
# wins over the same key there. Run autogen in this folder: it reads both from here.
[autogen]
# The database. sqlite:///app.db is relative to the folder autogen runs in;
# postgresql://user:password@host:5432/dbname for PostgreSQL.
url = sqlite:///app.db

# The table that records the database's revision.
# version_table = autogen_version

# How autogen compiles the migration environment: release (commands start in milliseconds;
# the first build takes about a minute and a half) or debug (quicker rebuilds after editing
# the model or a revision, slower commands).
# environment_build = release
