#!/usr/bin/env bash
# The demo, on SQLite (the embedded default): builds autogen, creates a database from the
# example model's SQL in a temporary folder, and shows what autogen reads back from it.
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
bin=$(swift build --show-bin-path)/autogen
work=$(mktemp -d /tmp/autogen-demo.XXXXXX)
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2]).read()); c.commit()' \
    "$work/demo.db" examples/example.sqlite.sql
echo "\$ autogen inspect --url sqlite:///$work/demo.db" >&2
"$bin" inspect --url "sqlite:///$work/demo.db"
echo >&2
echo "\$ autogen inspect --url sqlite:///$work/demo.db --format swift    # a ready model.swift" >&2
"$bin" inspect --url "sqlite:///$work/demo.db" --format swift
echo "(demo folder: $work)" >&2
