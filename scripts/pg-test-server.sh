#!/usr/bin/env bash
# A throwaway PostgreSQL for the test suite: loopback only, trust auth, data in a temp folder.
#   scripts/pg-test-server.sh start   -> prints postgresql://postgres@127.0.0.1:PORT/postgres
#   scripts/pg-test-server.sh stop    -> stops it and removes its folder
#   scripts/pg-test-server.sh url     -> prints the URL of the running server
# AUTOGEN_PG_DIR chooses the folder (default /tmp/autogen-test-pg).
set -euo pipefail
dir=${AUTOGEN_PG_DIR:-/tmp/autogen-test-pg}
pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$pgbin/postgres" ] || { echo "pg-test-server: no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() { echo "postgresql://postgres@127.0.0.1:$(cat "$dir/port")/postgres"; }

case "${1:-}" in
start)
    if [ -f "$dir/port" ] && as_owner "$pgbin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then url; exit 0; fi
    rm -rf "$dir"
    mkdir -p "$dir/sock"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" --shell /bin/false postgres
        chown -R postgres "$dir"
    fi
    as_owner "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    echo "$port" >"$dir/port"
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir/sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
max_locks_per_transaction = 4096
CONF
    # One role must log in with a password, so that tests can check a wrong one is refused.
    { echo "host all autogen_password_test 127.0.0.1/32 scram-sha-256"; cat "$dir/data/pg_hba.conf"; } >"$dir/pg_hba.tmp"
    mv "$dir/pg_hba.tmp" "$dir/data/pg_hba.conf"
    [ "$(id -u)" = 0 ] && chown postgres "$dir/data/pg_hba.conf"
    as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    url
    ;;
stop)
    if [ -d "$dir/data" ]; then as_owner "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
url) url ;;
*) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
