#!/usr/bin/env bash
# Takes the README's screenshots from the running console: start the platform first (./platform up), then
#   docs/screenshots/take.sh [console-url]        (default http://127.0.0.1:8090/)
# Drives Debian's headless Chromium (apt-get install chromium chromium-driver) through the browser tests' page
# object: signs in as a new user, makes a session, uploads photos, a comparison, an estimate; then the catalog.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/local-stack/jdk.sh"
use_platform_jdk
cd "$ROOT"
mvn -B -q -pl browser-tests test -Dtest='ConsoleTour#screenshots' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dconsole.url="${1:-http://127.0.0.1:8090/}" -Dscreenshots.dir="$ROOT/docs/screenshots"
