#!/usr/bin/env bash
# The demo, on SQLite (the embedded default), in a new temporary folder: init a project,
# autogenerate a first revision from the example model, upgrade, change the model,
# autogenerate again, upgrade, show the history, downgrade one step.
set -euo pipefail
cd "$(dirname "$0")/.."
for pkg in libpq-dev libsqlite3-dev; do
    if ! dpkg -s "$pkg" >/dev/null 2>&1; then
        sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
        $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libpq-dev libsqlite3-dev >/dev/null
        break
    fi
done
swift build --product autogen >&2
autogen="$(swift build --show-bin-path)/autogen"
work=$(mktemp -d /tmp/autogen-demo.XXXXXX)
cd "$work"
# Each command's output comes right after its header (stderr joined to stdout, in order).
step() { echo; echo "\$ autogen $*"; "$autogen" "$@" 2>&1; }

step init migrations
step revision --autogenerate -m "create tables"
step upgrade head
step current

echo; echo "# the model gains a column: organization.website"
python3 - migrations/model.swift <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
anchor = 'Column("name", .varchar(100)).notNull().unique()\n'
text = text.replace(anchor, anchor + '        Column("website", .text)\n', 1)
open(path, "w").write(text)
PY
# check exits 1 while the model and the database differ: shown, not hidden.
status=0
step check || status=$?
echo "(check exited $status: the model has a change the database lacks)"
step revision --autogenerate -m "add website"
step upgrade head
step history --graph
step downgrade -1
step current
echo; echo "(demo folder: $work)"
