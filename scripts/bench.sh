#!/usr/bin/env bash
# Introspection benchmark against Alembic, in one run on the same databases.
#   scripts/bench.sh            # PG N=1000 and 5000, SQLite N=1000, 3 runs each
# Knobs: PG_NS ("1000 5000"), SQLITE_NS ("1000"), REPEAT (3), BENCH_DIR (/tmp/autogen-bench),
# SKIP_MAKE=1 to reuse databases made by an earlier run.
# It copies ../shared/bench (read-only) to BENCH_DIR, sets up Alembic there, starts the bench's
# throwaway PostgreSQL (left running; stop it with $BENCH_DIR/pg.sh stop), builds autogen in
# release mode and prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bench=${BENCH_DIR:-/tmp/autogen-bench}
shared=${SHARED_BENCH:-$root/../shared/bench}
PG_NS=${PG_NS-"1000 5000"}
SQLITE_NS=${SQLITE_NS-"1000"}
REPEAT=${REPEAT:-3}
if [ ! -x "$bench/make_schema.py" ]; then
    mkdir -p "$bench" && cp -r "$shared"/. "$bench"/ && chmod -R u+w "$bench"
fi
[ -x "$bench/.venv/bin/python" ] || "$bench/setup.sh" >&2
py="$bench/.venv/bin/python"
pg=$("$bench/pg.sh" start)
targets=()
for n in $PG_NS; do
    if [ "${SKIP_MAKE:-0}" = 1 ]; then url="${pg%/postgres}/bench_n$n"; else url=$("$py" "$bench/make_schema.py" --n "$n" --pg "$pg"); fi
    targets+=(--target "PostgreSQL=$n=$url")
done
for n in $SQLITE_NS; do
    file="$bench/data/bench_n$n.sqlite"
    if [ "${SKIP_MAKE:-0}" = 1 ] && [ -f "$file" ]; then url="sqlite:///$file"; else url=$("$py" "$bench/make_schema.py" --n "$n" --sqlite "$file"); fi
    targets+=(--target "SQLite=$n=$url")
done
# Builds on one checkout take turns through this lock.
flock /tmp/autogen-build.lock swift build -c release --product autogen >&2
flock /tmp/autogen-build.lock swift build -c release --product autogen-bench >&2
bin=$(swift build -c release --show-bin-path)
python3 scripts/bench_introspect.py --bench-dir "$bench" --bin-dir "$bin" --repeat "$REPEAT" "${targets[@]}" \
    --data-dir "$bench/data" \
    --out "$bench/autogen-introspect.json"
