#!/usr/bin/env bash
# The whole test suite, set-up included: installs what the build needs from the system if it is missing (Node.js and
# npm for the manifest check and the side panel's scripts; Debian's chromium for the side panel's browser test), then
# runs every module's tests with Maven. Java 17 and Maven must already be there.
set -euo pipefail
cd "$(dirname "$0")"
missing=()
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${missing[*]} with apt-get" >&2
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}"
fi
# -T 2: modules that do not depend on each other build at once (the Teams app package beside core; storage beside
# graph-integration); the bot splits its own tests over two JVMs (forkCount in its pom).
exec mvn -B -T 2 verify "$@"
