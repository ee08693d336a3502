#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: on loopback, on a free port, as the `postgres` user (initdb refuses
# root), with durability off because nothing in it outlives the test run.
#   throwaway-postgres.sh start DIR   starts a cluster in DIR and prints its JDBC URL
#   throwaway-postgres.sh stop DIR    stops it and deletes DIR
set -euo pipefail
action=${1:?start or stop}
dir=${2:?a directory for the cluster}

bin=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) "$(dirname "$(command -v initdb 2>/dev/null || echo /x/x)")"; do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
        bin=$candidate
        break
    fi
done
if [ -z "$bin" ]; then
    echo "PostgreSQL's initdb and pg_ctl were not found: install PostgreSQL 14 or later (./test.sh does it with" \
        "apt-get), or give a server in BOARDCLERK_TEST_POSTGRES_URL" >&2
    exit 3
fi

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "$action" in
start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
        || shuf -i 20000-60000 -n 1)
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres"
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "start or stop, not $action" >&2
    exit 2
    ;;
esac
