# Sourced by ./platform and .ci/run: choose the JDK the platform builds and runs on, before anything else runs.
#   use_platform_jdk    exports JAVA_HOME and puts $JAVA_HOME/bin first on PATH (mvn and the launcher, which
#                       starts the engines and services with its own java.home, then all use it); returns 1
#                       after one line on stderr when no JDK is new enough.
# The first of: JAVA_HOME, `java` on PATH, the newest /usr/lib/jvm/*/ that is Java 25 or newer (on macOS, the
# newest one /usr/libexec/java_home knows). Java 25 because variant-worker calls libvips through the
# foreign-function API (final since 22).
PLATFORM_JAVA_MIN=25

# The feature release of a version string: 25 of "25.0.3", "25" or "25-ea"; 1 of "1.8.0_402"; 0 if none.
java_feature() {
  local feature=${1%%[!0-9]*}
  echo "${feature:-0}"
}

# "<feature> <java.home>" as the java executable $1 reports them itself (whatever the install's layout).
java_runtime() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '
    $1 ~ /^ *java\.specification\.version$/ { version = $2 }
    $1 ~ /^ *java\.home$/ { home = $2 }
    END { if (version != "" && home != "") print version, home }'
}

# The java.home of the java executable $1 when it is new enough; nothing otherwise.
new_enough_home() {
  local runtime
  [[ -x "$1" ]] || return 0
  runtime=$(java_runtime "$1")
  if [[ -n "$runtime" ]] && (( $(java_feature "${runtime%% *}") >= PLATFORM_JAVA_MIN )); then
    echo "${runtime#* }"
  fi
}

# The newest /usr/lib/jvm/*/ whose release file says JAVA_VERSION is new enough.
newest_installed_home() {
  local release version
  [[ -d /usr/lib/jvm ]] || return 0
  for release in /usr/lib/jvm/*/release; do
    [[ -f "$release" && -x "${release%/release}/bin/java" ]] || continue
    version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$release")
    if [[ -n "$version" ]] && (( $(java_feature "$version") >= PLATFORM_JAVA_MIN )); then
      echo "$version ${release%/release}"
    fi
  done | sort -k1,1V | tail -n 1 | cut -d' ' -f2-
}

# macOS: the newest JDK under /Library/Java/JavaVirtualMachines that is new enough, as java_home picks it (its
# /usr/bin/java is a stub that answers nothing without one, which new_enough_home sees).
macos_java_home() {
  local home
  [[ -x /usr/libexec/java_home ]] || return 0
  home=$(/usr/libexec/java_home -v "$PLATFORM_JAVA_MIN+" 2>/dev/null) || return 0
  new_enough_home "$home/bin/java"
}

use_platform_jdk() {
  local home=""
  if [[ -n "${JAVA_HOME:-}" && -n "$(new_enough_home "$JAVA_HOME/bin/java")" ]]; then
    home=$JAVA_HOME
  elif command -v java >/dev/null; then
    home=$(new_enough_home "$(command -v java)")
  fi
  [[ -n "$home" ]] || home=$(newest_installed_home)
  [[ -n "$home" ]] || home=$(macos_java_home)
  if [[ -z "$home" ]]; then
    echo "no JDK $PLATFORM_JAVA_MIN or newer: neither JAVA_HOME (${JAVA_HOME:-unset}), nor java on PATH, nor any /usr/lib/jvm/*/ (on macOS: /usr/libexec/java_home -v $PLATFORM_JAVA_MIN+) is one; install one (e.g. Temurin $PLATFORM_JAVA_MIN) and set JAVA_HOME to it" >&2
    return 1
  fi
  export JAVA_HOME=$home
  export PATH="$JAVA_HOME/bin:$PATH"
}
