#!/usr/bin/env python3
"""The developer loop, autogen against Alembic in one run (issue #12).

  * first command in a new environment: `init`, then `check` of the example model, SQLite
    (autogen: with the library archive already made, and cold, the archive made first);
  * edit one column of the model, then `check`: the bench's SQLite database of --sqlite-n
    tables (default 300) and PostgreSQL database of --pg-n tables (default 1000). autogen's
    model is `autogen inspect --format swift` of the database, edited in place (the
    declarative file autogen reads, and the same file with a helper function in it, which is
    compiled); Alembic's is the bench's `make_schema.metadata_for(...)` with the same column
    changed in env.py. Each timed run makes a new edit, so neither tool sees the model of the
    run before;
  * `check` with nothing edited, PostgreSQL;
  * the size of the environment's build folder.

Median wall time of --repeat whole processes after one warm-up. Prints Markdown tables.

    scripts/bench_loop.py --bench-dir /tmp/autogen-bench --pg-url postgresql://.../bench_n1000 \
        --sqlite /tmp/autogen-bench/data/bench_n300.sqlite [--repeat 5] [--work /tmp/autogen-loopbench]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_commands import ALEMBIC_ENV, autogen_project  # noqa: E402  (a project without the formatter hook)

# The target metadata of Alembic's env.py (bench_commands.ALEMBIC_ENV): the bench's schema of
# n tables, with `edit` applied to it.
BENCH_METADATA = """sys.path.insert(0, {bench!r})
import make_schema as ms
target_metadata = ms.metadata_for({n}, ms.DEFAULT_SEED, "identical", {dialect!r})[0]
{edit}"""


def bench_env(bench, n, dialect, edit):
    return ALEMBIC_ENV.format(metadata=BENCH_METADATA.format(bench=bench, n=n, dialect=dialect, edit=edit))


# The example model of `autogen init`, for Alembic.
ALEMBIC_EXAMPLE = '''
from sqlalchemy import MetaData, Table, Column, Integer, BigInteger, String, Text, ForeignKey
target_metadata = MetaData()
Table("organization", target_metadata, Column("id", Integer, primary_key=True),
      Column("name", String(100), nullable=False, unique=True))
Table("account", target_metadata, Column("id", BigInteger, primary_key=True),
      Column("org_id", Integer, ForeignKey("organization.id"), nullable=False),
      Column("email", Text, nullable=False))
'''


def run(argv, cwd, expect=(0,)):
    result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
    if result.returncode not in expect:
        # A password in a URL is not printed.
        shown = re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", " ".join(argv))
        sys.exit(f"failed ({result.returncode}): {shown}\n{result.stdout}{result.stderr}")
    return result


def timed(step, repeat):
    """Median wall seconds of `repeat` calls of step(i) after one warm-up; step runs the process."""
    times = []
    for i in range(repeat + 1):
        elapsed = step(i)
        if i >= 1:
            times.append(elapsed)
    return statistics.median(times), min(times), max(times)


def wall(argv, cwd, expect=(0, 1, 255)):
    start = time.perf_counter()
    run(argv, cwd, expect)
    return time.perf_counter() - start


def alembic_project(alembic, folder, url, env):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    run([alembic, "init", "alembic"], folder)
    set_url(os.path.join(folder, "alembic.ini"), url)
    open(os.path.join(folder, "alembic", "env.py"), "w").write(env)


def set_url(ini, url):
    text = open(ini).read()
    assert "driver://user:pass@localhost/dbname" in text
    with open(ini, "w") as f:
        f.write(text.replace("driver://user:pass@localhost/dbname", url))


def du(path):
    return int(subprocess.run(["du", "-sk", path], capture_output=True, text=True).stdout.split()[0]) / 1024


def first_command(autogen, alembic, work, repeat, archive):
    def ours(i, cold):
        folder = os.path.join(work, f"first-{i}")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        if cold:
            shutil.rmtree(archive, ignore_errors=True)
        start = time.perf_counter()
        run([autogen, "init", "migrations"], folder)
        run([autogen, "check"], folder, expect=(1,))
        elapsed = time.perf_counter() - start
        size = du(os.path.join(folder, "migrations", ".build"))
        shutil.rmtree(folder)
        return elapsed, size

    sizes = []

    def warm(i):
        elapsed, size = ours(i, False)
        sizes.append(size)
        return elapsed

    t_warm = timed(warm, repeat)
    t_cold = timed(lambda i: ours(i, True)[0], repeat)

    def theirs(i):
        folder = os.path.join(work, f"alembic-first-{i}")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        start = time.perf_counter()
        run([alembic, "init", "alembic"], folder)
        set_url(os.path.join(folder, "alembic.ini"), "sqlite:///app.db")
        env = ALEMBIC_ENV.format(metadata=ALEMBIC_EXAMPLE)
        open(os.path.join(folder, "alembic", "env.py"), "w").write(env)
        said = run([alembic, "check"], folder, expect=(1, 255))
        elapsed = time.perf_counter() - start
        assert "add_table" in said.stdout + said.stderr, said.stdout + said.stderr
        shutil.rmtree(folder)
        return elapsed

    t_theirs = timed(theirs, repeat)
    return t_warm, t_cold, t_theirs, statistics.median(sizes)


def edit_loop(autogen, alembic, work, repeat, label, url, alembic_url, n, dialect, bench):
    """Edit-then-check rows for one database: (label, autogen read, autogen compiled, Alembic)."""
    model = os.path.join(work, f"model-{label}.swift")
    with open(model, "w") as f:
        f.write(run([autogen, "inspect", "--url", url, "--format", "swift"], work).stdout)
    ours = os.path.join(work, f"autogen-{label}")
    autogen_project(autogen, ours, url, model)
    started = time.perf_counter()
    first = run([autogen, "check"], ours)
    built = time.perf_counter() - started
    print(f"{label}: first check (builds): {built:.1f} s; {first.stdout.strip()}", file=sys.stderr)
    target = os.path.join(ours, "migrations", "model.swift")
    original = open(model).read()
    table = "t00000Table = Table(\"t00000\")"
    assert table in original, "the bench's first table is not in the model"
    lines = original.split("\n")
    at = next(i for i, line in enumerate(lines) if table in line)
    column = next(i for i in range(at, len(lines)) if lines[i].strip().startswith('Column("description"'))

    def edited(i, extra=""):
        # A different single-column edit each run: the comment's text changes (PostgreSQL), or
        # the column becomes NOT NULL with a different default (SQLite).
        copy = list(lines)
        if dialect == "postgresql":
            copy[column] = re.sub(r'\.comment\("[^"]*"\)', "", copy[column]) + f'.comment("edit {i}")'
        else:
            copy[column] = copy[column] + f'.notNull().default("edit {i}")'
        return "\n".join(copy) + extra

    def read_step(i):
        open(target, "w").write(edited(i))
        return wall([autogen, "check"], ours, expect=(1,))

    def compiled_step(i):
        open(target, "w").write(edited(i, f"\nfunc helper{i}() {{}}\n"))
        return wall([autogen, "check"], ours, expect=(1,))

    t_read = timed(read_step, repeat)
    out = run([autogen, "check"], ours, expect=(1,)).stdout.strip()
    print(f"{label}: edited check says: {out}", file=sys.stderr)
    t_compiled = timed(compiled_step, max(1, repeat // 2))
    open(target, "w").write(original)
    # autogen before Alembic: `alembic check` leaves an alembic_version table behind, which
    # autogen would report.
    t_ours_same = timed(lambda i: wall([autogen, "check"], ours, expect=(0,)), repeat)

    # A new revision file, then `current`: autogen compiles it (and the index) into the environment.
    def revision_step(i):
        run([autogen, "revision", "-m", f"step {i}"], ours)
        return wall([autogen, "current"], ours, expect=(0,))

    t_revision = timed(revision_step, repeat)
    theirs = os.path.join(work, f"alembic-{label}")

    def alembic_step(i):
        if dialect == "postgresql":
            edit = f"target_metadata.tables['t00000'].c.description.comment = 'edit {i}'"
        else:
            edit = ("from sqlalchemy import text\n"
                    "target_metadata.tables['t00000'].c.description.nullable = False\n"
                    f"target_metadata.tables['t00000'].c.description.server_default = "
                    f"__import__('sqlalchemy').schema.DefaultClause(text(\"'edit {i}'\"))")
        open(os.path.join(theirs, "alembic", "env.py"), "w").write(
            bench_env(bench, n, dialect, edit))
        return wall([alembic, "check"], theirs, expect=(255, 1))

    alembic_project(alembic, theirs, alembic_url, "")
    t_theirs = timed(alembic_step, repeat)
    said = run([alembic, "check"], theirs, expect=(255, 1))
    print(f"{label}: alembic says: {(said.stdout + said.stderr).strip()[-400:]}", file=sys.stderr)
    assert "t00000" in said.stdout + said.stderr, "Alembic did not find the edit"
    unchanged = None
    if dialect == "postgresql":
        open(os.path.join(theirs, "alembic", "env.py"), "w").write(
            bench_env(bench, n, dialect, ""))
        t_theirs_same = timed(lambda i: wall([alembic, "check"], theirs, expect=(0,)), repeat)
        unchanged = (t_ours_same, t_theirs_same)
    def alembic_revision_step(i):
        run([alembic, "revision", "-m", f"step {i}"], theirs)
        return wall([alembic, "current"], theirs, expect=(0,))

    t_theirs_revision = timed(alembic_revision_step, repeat)
    return built, t_read, t_compiled, t_theirs, unchanged, len(lines), (t_revision, t_theirs_revision)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pg-url", required=True, help="the bench's bench_n<pg-n> database")
    parser.add_argument("--pg-n", type=int, default=1000)
    parser.add_argument("--sqlite", required=True, help="the bench's bench_n<sqlite-n>.sqlite")
    parser.add_argument("--sqlite-n", type=int, default=300)
    parser.add_argument("--bench-dir", default="/tmp/autogen-bench")
    parser.add_argument("--work", default="/tmp/autogen-loopbench")
    a = parser.parse_args()
    if a.repeat < 1:
        parser.error("--repeat must be 1 or more")
    subprocess.run(["swift", "build", "-c", "release", "--product", "autogen"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    autogen = os.path.join(ROOT, ".build", "release", "autogen")
    archive = os.path.join(ROOT, ".build", "release", "autogen-environment")
    alembic = os.path.join(a.bench_dir, ".venv", "bin", "alembic")
    os.makedirs(a.work, exist_ok=True)

    t_warm, t_cold, t_first_theirs, size = first_command(autogen, alembic, a.work, a.repeat, archive)
    def fmt(t):
        median, low, high = t
        return f"{median:.2f} s ({low:.2f}–{high:.2f})"
    print("| step | autogen | Alembic | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| first command in a new environment (`init`, then `check`, example model, SQLite) | "
          f"{fmt(t_warm)} | {fmt(t_first_theirs)} | {t_first_theirs[0] / t_warm[0]:.2f}× |")
    print(f"| the same, library archive made first (first environment after a new autogen) | {fmt(t_cold)} | | |")
    sqlite_url = "sqlite:///" + os.path.abspath(a.sqlite)
    pg_alembic = "postgresql+psycopg2://" + a.pg_url.split("://", 1)[1]
    for label, url, alembic_url, n, dialect in [
        (f"SQLite, {a.sqlite_n} tables", sqlite_url, sqlite_url, a.sqlite_n, "sqlite"),
        (f"PostgreSQL, {a.pg_n} tables", a.pg_url, pg_alembic, a.pg_n, "postgresql"),
    ]:
        key = "sqlite" if dialect == "sqlite" else "pg"
        built, t_read, t_compiled, t_theirs, unchanged, lines, revision = edit_loop(
            autogen, alembic, a.work, a.repeat, key, url, alembic_url, n, dialect, a.bench_dir)
        print(f"| edit one column, then `check`, {label} (model.swift {lines} lines) | {fmt(t_read)} | "
              f"{fmt(t_theirs)} | **{t_theirs[0] / t_read[0]:.1f}×** |")
        print(f"| the same edit in a model autogen compiles (a helper function in model.swift) | "
              f"{fmt(t_compiled)} | | {t_theirs[0] / t_compiled[0]:.2f}× |")
        print(f"| first `check` of that project (builds the environment) | {built:.1f} s | | |")
        print(f"| a new revision file, then `current` (autogen compiles it into the environment) | "
              f"{fmt(revision[0])} | {fmt(revision[1])} | {revision[1][0] / revision[0][0]:.2f}× |")
        if unchanged:
            print(f"| `check` with nothing edited, {label} | {fmt(unchanged[0])} | {fmt(unchanged[1])} | "
                  f"{unchanged[1][0] / unchanged[0][0]:.1f}× |")
        if dialect == "sqlite":
            run(["sqlite3", a.sqlite, "DROP TABLE IF EXISTS alembic_version"], ROOT)
        else:
            run(["psql", a.pg_url, "-qc", "DROP TABLE IF EXISTS alembic_version"], ROOT)
    print(f"| environment `.build` folder (example model) | {size:.0f} MB | | |")


if __name__ == "__main__":
    main()
