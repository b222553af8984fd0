#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what it needs, starts a throwaway
# PostgreSQL on loopback, runs `swift test`, and stops the server again.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in libpq-dev libsqlite3-dev postgresql; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "test.sh: installing ${missing[*]}" >&2
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Public real-world schemas for the round-trip tests (from Debian packages; not kept in git).
# In CI a failed download fails the run; elsewhere those tests are skipped, with a count.
if [ -z "${AUTOGEN_REAL_SCHEMAS_DIR:-}" ]; then
    if folder=$(scripts/real-schemas.sh); then
        export AUTOGEN_REAL_SCHEMAS_DIR=$folder
    elif [ -n "${CI:-}" ] && [ "${CI}" != false ] && [ "${CI}" != 0 ]; then
        echo "test.sh: cannot fetch the real-schema fixtures (scripts/real-schemas.sh)" >&2
        exit 1
    else
        echo "test.sh: warning: no real-schema fixtures (scripts/real-schemas.sh failed); those tests are skipped" >&2
    fi
fi

export AUTOGEN_PG_DIR=${AUTOGEN_PG_DIR:-$(mktemp -d /tmp/autogen-test-pg.XXXXXX)}
trap 'scripts/pg-test-server.sh stop' EXIT
AUTOGEN_TEST_POSTGRES_URL=$(scripts/pg-test-server.sh start)
export AUTOGEN_TEST_POSTGRES_URL
echo "test.sh: PostgreSQL for the tests at $AUTOGEN_TEST_POSTGRES_URL" >&2

swift build --build-tests
swift test --skip-build "$@"
