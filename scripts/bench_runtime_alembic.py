#!/usr/bin/env python3
"""Runtime benchmark: `alembic upgrade head` against `autogen-bench runtime`, in one run.

Generates the same chain of N trivial revisions for Alembic (one create_table with an integer
primary key and a text column each) in a temporary folder, then, for SQLite (a new file) and,
with --url, for PostgreSQL (a new database on that server, dropped afterwards):
  * times `alembic upgrade head` as a whole process (Python start-up included), and
    Alembic's `command.upgrade` alone, in-process, on a second fresh database;
  * runs `autogen-bench runtime --count N` (release binary) for the same figures from autogen:
    total, time in the SQL, overhead per revision.
Prints one JSON line per measurement.

    scripts/bench_runtime_alembic.py [--count 1000] [--url postgresql://...] \
        [--alembic /tmp/autogen-bench/.venv/bin/alembic] [--bench .build/release/autogen-bench]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ENV_PY = '''
from alembic import context
from sqlalchemy import create_engine

config = context.config
engine = create_engine(config.get_main_option("sqlalchemy.url"))
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
'''

REVISION = '''"""create t{n}"""
from alembic import op
import sqlalchemy as sa

revision = "{rev}"
down_revision = {down}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("t{n}", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.Text))


def downgrade():
    op.drop_table("t{n}")
'''


def rev_id(n):
    return "r%04d" % n


def write_env(folder, count):
    os.makedirs(os.path.join(folder, "versions"))
    with open(os.path.join(folder, "env.py"), "w") as f:
        f.write(ENV_PY)
    with open(os.path.join(folder, "script.py.mako"), "w") as f:
        f.write("")
    for n in range(count):
        down = "None" if n == 0 else '"%s"' % rev_id(n - 1)
        with open(os.path.join(folder, "versions", "%s_t%d.py" % (rev_id(n), n)), "w") as f:
            f.write(REVISION.format(n=n, rev=rev_id(n), down=down))


def write_ini(path, folder, url):
    with open(path, "w") as f:
        f.write("[alembic]\nscript_location = %s\nsqlalchemy.url = %s\n" % (folder, url.replace("%", "%%")))


def time_cli(alembic, ini):
    t0 = time.perf_counter()
    p = subprocess.run([alembic, "-c", ini, "upgrade", "head"], capture_output=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit("alembic upgrade failed: " + p.stderr.decode()[-2000:])
    return wall


def time_in_process(python, ini):
    code = (
        "import time, sys\nfrom alembic.config import Config\nfrom alembic import command\n"
        "cfg = Config(sys.argv[1])\nt0 = time.perf_counter()\ncommand.upgrade(cfg, 'head')\n"
        "print(time.perf_counter() - t0)\n"
    )
    p = subprocess.run([python, "-c", code, ini], capture_output=True)
    if p.returncode != 0:
        sys.exit("alembic command.upgrade failed: " + p.stderr.decode()[-2000:])
    return float(p.stdout.decode().strip().splitlines()[-1])


def postgres_database(python, server_url, action, name):
    """Creates or drops database `name` on the server, with the venv's SQLAlchemy."""
    code = (
        "import sys\nfrom sqlalchemy import create_engine, text\n"
        "e = create_engine(sys.argv[1], isolation_level='AUTOCOMMIT')\n"
        "with e.connect() as c:\n"
        "    c.execute(text(sys.argv[2]))\n"
    )
    sql = 'CREATE DATABASE "%s"' % name if action == "create" else 'DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % name
    p = subprocess.run([python, "-c", code, server_url, sql], capture_output=True)
    if p.returncode != 0:
        sys.exit("cannot %s database %s: %s" % (action, name, p.stderr.decode()[-1000:]))


def with_database(url, name):
    base, _, _ = url.rpartition("/")
    query = ""
    if "?" in url.rpartition("/")[2]:
        query = "?" + url.rpartition("/")[2].split("?", 1)[1]
    return "%s/%s%s" % (base, name, query)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--url", help="PostgreSQL server URL (a new database is created on it)")
    parser.add_argument("--alembic", default="/tmp/autogen-bench/.venv/bin/alembic")
    parser.add_argument("--bench", default=".build/release/autogen-bench")
    args = parser.parse_args()
    python = os.path.join(os.path.dirname(args.alembic), "python")

    with tempfile.TemporaryDirectory(prefix="autogen-runtime-alembic-") as tmp:
        folder = os.path.join(tmp, "migrations")
        write_env(folder, args.count)
        targets = [("sqlite", lambda i: "sqlite:///" + os.path.join(tmp, "bench%d.db" % i), None)]
        if args.url:
            pg_url = args.url.replace("postgres://", "postgresql://", 1).replace("postgresql://", "postgresql+psycopg2://", 1)
            names = ["autogen_alembic_bench_%d_%d" % (os.getpid(), i) for i in range(2)]
            targets.append(("postgresql", lambda i: with_database(pg_url, names[i]), names))
        for database, url_for, names in targets:
            try:
                if names:
                    for name in names:
                        postgres_database(python, pg_url, "create", name)
                ini_cli = os.path.join(tmp, "cli.ini")
                write_ini(ini_cli, folder, url_for(0))
                cli = time_cli(args.alembic, ini_cli)
                ini_api = os.path.join(tmp, "api.ini")
                write_ini(ini_api, folder, url_for(1))
                api = time_in_process(python, ini_api)
            finally:
                if names:
                    for name in names:
                        postgres_database(python, pg_url, "drop", name)
            print(json.dumps({
                "tool": "alembic", "database": database, "revisions": args.count,
                "cli_total_ms": round(cli * 1000, 1), "command_upgrade_ms": round(api * 1000, 1),
                "ms_per_revision": round(api * 1000 / args.count, 3),
            }))
        argv = [args.bench, "runtime", "--count", str(args.count)] + (["--url", args.url] if args.url else [])
        out = subprocess.run(argv, capture_output=True, check=True).stdout.decode()
        sys.stdout.write(out)


if __name__ == "__main__":
    main()
