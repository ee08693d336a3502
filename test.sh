#!/usr/bin/env bash
# The whole test suite, set-up included: installs what the build needs from the system if it is missing (Node.js and
# npm for the manifest check and the side panel's scripts; Debian's chromium for the browser tests; PostgreSQL for
# the storage suite's second run), starts a throwaway PostgreSQL cluster on loopback for the tests (stopped when this
# script ends), then runs every module's tests with Maven. Java 17 and Maven must already be there.
set -euo pipefail
cd "$(dirname "$0")"
missing=()
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${missing[*]} with apt-get" >&2
    $sudo apt-get update -qq && $sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
if [ -z "${BOARDCLERK_TEST_POSTGRES_URL:-}" ]; then
    cluster=$(mktemp -d /tmp/boardclerk-postgres.XXXXXX)
    trap 'scripts/throwaway-postgres.sh stop "$cluster"' EXIT
    BOARDCLERK_TEST_POSTGRES_URL=$(scripts/throwaway-postgres.sh start "$cluster")
    export BOARDCLERK_TEST_POSTGRES_URL
    echo "PostgreSQL for the tests: $BOARDCLERK_TEST_POSTGRES_URL" >&2
fi
# -T 2: modules that do not depend on each other build at once (the Teams app package beside core; storage beside
# graph-integration); the bot splits its own tests over two JVMs (forkCount in its pom). Not exec: the trap above
# stops the cluster when Maven ends.
mvn -B -T 2 verify "$@"
