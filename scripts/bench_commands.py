#!/usr/bin/env python3
"""Command start-up benchmark: whole `autogen` processes against Alembic's, in one run.

  * `current` and `history` on a SQLite project with --count revisions (default 200), both
    tools' projects made here from the same chain of empty revisions and upgraded to head;
  * with --pg-url (the bench's bench_n1000 database): `check` on that database, autogen's
    model being `autogen inspect --format swift` of it and Alembic's target metadata the bench's
    own `make_schema.metadata_for(1000, ..., "identical")`, so both compare the same schema.

Each figure is the median wall time of --repeat whole processes after 2 warm-ups, with the
process's peak RSS (from wait4). autogen is the release binary; its migration environment is
built (debug, as dispatch builds it) before timing. Prints a Markdown table.

    scripts/bench_commands.py [--count 200] [--repeat 10] [--pg-url postgresql://.../bench_n1000]
        [--bench-dir /tmp/autogen-bench] [--work /tmp/autogen-cmdbench]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ALEMBIC_ENV = '''
import sys
from alembic import context
from sqlalchemy import create_engine
{metadata}
config = context.config
engine = create_engine(config.get_main_option("sqlalchemy.url"))
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=target_metadata,
                      compare_type=True, compare_server_default=True)
    with context.begin_transaction():
        context.run_migrations()
'''

ALEMBIC_REVISION = '''"""revision {n}"""
revision = "{rev}"
down_revision = {down}
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
'''


def run(argv, cwd, check=True):
    result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(argv)}\n{result.stdout}{result.stderr}")
    return result


def timed(argv, cwd, repeat, expect=(0,)):
    """Median wall seconds and max peak RSS (MiB) of `repeat` runs after 2 warm-ups."""
    times, peaks = [], []
    for i in range(repeat + 2):
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in expect:
            sys.exit(f"exit {code}: {' '.join(argv)}\n{process.stderr.read().decode()}")
        if i >= 2:
            times.append(elapsed)
            peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), max(peaks)


def autogen_project(autogen, folder, url, model=None):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    run([autogen, "init", "migrations", "--package-path", ROOT], folder)
    ini = os.path.join(folder, "autogen.ini")
    text = open(ini).read().replace("url = sqlite:///app.db", f"url = {url}")
    text = text.replace("hooks = swift_format", "hooks =")
    text = "\n".join(line for line in text.split("\n") if not line.startswith("swift_format."))
    open(ini, "w").write(text)
    if model:
        shutil.copy(model, os.path.join(folder, "migrations", "model.swift"))


def alembic_project(alembic, folder, url, metadata):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    run([alembic, "init", "alembic"], folder)
    ini = os.path.join(folder, "alembic.ini")
    text = open(ini).read().replace("driver://user:pass@localhost/dbname", url)
    open(ini, "w").write(text)
    open(os.path.join(folder, "alembic", "env.py"), "w").write(ALEMBIC_ENV.format(metadata=metadata))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--pg-url")
    parser.add_argument("--bench-dir", default="/tmp/autogen-bench")
    parser.add_argument("--work", default="/tmp/autogen-cmdbench")
    a = parser.parse_args()
    subprocess.run(["flock", "/tmp/autogen-build.lock", "swift", "build", "-c", "release", "--product", "autogen"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    autogen = os.path.join(ROOT, ".build", "release", "autogen")
    alembic = os.path.join(a.bench_dir, ".venv", "bin", "alembic")
    rows = []

    # current and history on SQLite, --count revisions.
    ours = os.path.join(a.work, "autogen-sqlite")
    autogen_project(autogen, ours, "sqlite:///app.db")
    versions = os.path.join(ours, "migrations", "versions")
    down = None
    for n in range(a.count):
        argv = [autogen, "revision", "-q", "-m", f"revision {n}", "--rev-id", f"{n + 1:012x}"]
        run(argv, ours)
    run([autogen, "upgrade", "head"], ours)
    theirs = os.path.join(a.work, "alembic-sqlite")
    alembic_project(alembic, theirs, "sqlite:///app.db", "target_metadata = None")
    for n in range(a.count):
        rev = f"{n + 1:012x}"
        with open(os.path.join(theirs, "alembic", "versions", f"{rev}_revision_{n}.py"), "w") as f:
            f.write(ALEMBIC_REVISION.format(n=n, rev=rev, down=repr(down)))
        down = rev
    run([alembic, "upgrade", "head"], theirs)
    assert len(os.listdir(versions)) >= a.count
    for command in ["current", "history"]:
        t_ours, m_ours = timed([autogen, command], ours, a.repeat)
        t_theirs, m_theirs = timed([alembic, command], theirs, a.repeat)
        rows.append((f"`{command}`, SQLite, {a.count} revisions", t_ours, m_ours, t_theirs, m_theirs))

    # check on the bench's PostgreSQL N=1000 database.
    if a.pg_url:
        model = os.path.join(a.work, "model_n1000.swift")
        with open(model, "w") as f:
            subprocess.run([autogen, "inspect", "--url", a.pg_url, "--format", "swift"], stdout=f, check=True)
        ours = os.path.join(a.work, "autogen-pg")
        autogen_project(autogen, ours, a.pg_url, model)
        started = time.perf_counter()
        result = run([autogen, "check"], ours)
        print(f"first check (builds the environment): {time.perf_counter() - started:.1f} s; "
              f"{result.stdout.strip()}", file=sys.stderr)
        # autogen first: `alembic check` leaves an alembic_version table behind, which autogen
        # would report (the database's own tables are not filtered by tool).
        t_ours, m_ours = timed([autogen, "check"], ours, a.repeat)
        theirs = os.path.join(a.work, "alembic-pg")
        metadata = (f"sys.path.insert(0, {a.bench_dir!r})\nimport make_schema as ms\n"
                    f"target_metadata = ms.metadata_for(1000, ms.DEFAULT_SEED, 'identical', 'postgresql')[0]")
        # SQLAlchemy maps postgresql:// to psycopg 3; the bench installs psycopg2.
        alembic_project(alembic, theirs, "postgresql+psycopg2://" + a.pg_url.split("://", 1)[1], metadata)
        print(run([alembic, "check"], theirs).stdout.strip(), file=sys.stderr)
        t_theirs, m_theirs = timed([alembic, "check"], theirs, a.repeat)
        subprocess.run(["psql", a.pg_url, "-qc", "DROP TABLE IF EXISTS alembic_version"], check=True)
        rows.append(("`check`, PostgreSQL N=1000, no differences", t_ours, m_ours, t_theirs, m_theirs))

    print("| command | autogen | peak RSS | Alembic | peak RSS | speed-up |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, t_ours, m_ours, t_theirs, m_theirs in rows:
        print(f"| {name} | {t_ours * 1000:.1f} ms | {m_ours:.0f} MiB | {t_theirs * 1000:.0f} ms | "
              f"{m_theirs:.0f} MiB | {t_theirs / t_ours:.1f}× |")


if __name__ == "__main__":
    main()
