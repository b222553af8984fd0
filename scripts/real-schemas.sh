#!/usr/bin/env bash
# Public real-world schemas for the round-trip tests, taken from the Debian packages that ship
# them (downloaded with `apt-get download` and unpacked; nothing is installed or started).
# They are not kept in this repository: see Tests/AutogenTests/RealSchemas/Fixtures/README.md.
#
#   scripts/real-schemas.sh [DIR]    fills DIR (default .build/real-schemas) and prints its path
#
# Each schema is written as <name>.<dialect>.sql; a present file is not fetched again.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-.build/real-schemas}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# name.dialect.sql  package  path(s) inside the package, comma-separated and concatenated
# (a .gz is unpacked). MediaWiki's installer runs tables-generated.sql, then tables.sql (which
# opens a transaction its installer commits), so that fixture ends with a COMMIT.
fixtures=(
    "mediawiki.pg.sql mediawiki usr/share/mediawiki/maintenance/postgres/tables-generated.sql,usr/share/mediawiki/maintenance/postgres/tables.sql commit"
    "zabbix.pg.sql zabbix-server-pgsql usr/share/zabbix-server-pgsql/schema.sql.gz"
    "icinga2-ido.pg.sql icinga2-ido-pgsql usr/share/icinga2-ido-pgsql/schema/pgsql.sql"
    "roundcube.pg.sql roundcube-core usr/share/roundcube/SQL/postgres.initial.sql"
    "roundcube.sqlite.sql roundcube-core usr/share/roundcube/SQL/sqlite.initial.sql"
    "zabbix-proxy.sqlite.sql zabbix-proxy-sqlite3 usr/share/zabbix-proxy-sqlite3/schema.sql.gz"
    "calibre.sqlite.sql calibre usr/share/calibre/metadata_sqlite.sql"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
updated=no
for entry in "${fixtures[@]}"; do
    read -r file package paths suffix <<<"$entry"
    [ -s "$dir/$file" ] && continue
    deb=$(ls "$work"/"${package}"_*.deb 2>/dev/null | head -1 || true)
    if [ -z "$deb" ]; then
        if ! (cd "$work" && apt-get download -qq "$package" >/dev/null 2>&1); then
            # A fresh machine may have no package lists yet.
            if [ "$updated" = no ]; then
                sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
                $sudo apt-get update -qq >&2
                updated=yes
            fi
            (cd "$work" && apt-get download -qq "$package" >/dev/null) || {
                echo "real-schemas.sh: cannot download the Debian package $package" >&2
                exit 1
            }
        fi
        deb=$(ls "$work"/"${package}"_*.deb | head -1)
        mkdir -p "$work/$package"
        dpkg-deb -x "$deb" "$work/$package"
        version=$(dpkg-deb -f "$deb" Version)
        { grep -v "^$package " "$dir/PACKAGES" 2>/dev/null || true; echo "$package $version"; } >"$dir/PACKAGES.tmp"
        mv "$dir/PACKAGES.tmp" "$dir/PACKAGES"
        # A package whose doc folder links to another's (--link-doc) has no copyright of its own.
        copyright=$(ls "$work/$package"/usr/share/doc/*/copyright 2>/dev/null | head -1 || true)
        if [ -n "$copyright" ]; then cp "$copyright" "$dir/$package.copyright"; fi
    fi
    : >"$dir/$file.tmp"
    for path in ${paths//,/ }; do
        source="$work/$package/$path"
        [ -f "$source" ] || { echo "real-schemas.sh: $package has no $path" >&2; exit 1; }
        case "$source" in
            *.gz) gzip -dc "$source" >>"$dir/$file.tmp" ;;
            *) cat "$source" >>"$dir/$file.tmp" ;;
        esac
    done
    [ "${suffix:-}" = commit ] && printf '\nCOMMIT;\n' >>"$dir/$file.tmp"
    mv "$dir/$file.tmp" "$dir/$file"
done
echo "$dir"
