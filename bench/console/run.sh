#!/usr/bin/env bash
# The console's first page load, measured in Debian's headless Chromium against the running platform
# (./platform up first): navigation start until the sign-in form can be typed in, in RUNS fresh browsers (empty
# cache, default 10), then once more from each one's cache; beside it, one small file from the same server in the
# same fresh browser: the floor any page of that server has.
#   bench/console/run.sh [console-url]            (default http://127.0.0.1:8090/)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/local-stack/jdk.sh"
use_platform_jdk
cd "$ROOT"
mvn -B -pl browser-tests test -Dtest='ConsoleTour#firstPageLoad' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dconsole.url="${1:-http://127.0.0.1:8090/}" -Druns="${RUNS:-10}" | grep -A2 "^console first load"
