# Shared by the launchers in bin/: finds Ember's home, Java and the launcher classpath.
# Sourced, not run.

EMBER_HOME="${EMBER_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
EMBER_LIB="$EMBER_HOME/ember-cli/target/lib"

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  EMBER_JAVA="$JAVA_HOME/bin/java"
else
  EMBER_JAVA="$(command -v java || true)"
fi
if [ -z "$EMBER_JAVA" ]; then
  echo "ember: no java found; install JDK 17 or newer, or set JAVA_HOME." >&2
  exit 1
fi

# Builds the launcher classpath if it is missing, so launchers work from a fresh clone.
ember_ensure_built() {
  if ! ls "$EMBER_LIB"/ember-core-*.jar "$EMBER_LIB"/ember-cluster-*.jar "$EMBER_LIB"/ember-sql-*.jar \
      >/dev/null 2>&1; then
    echo "ember: building (first run): mvn -q -DskipTests package" >&2
    local log
    log="$(mktemp)"
    if ! (cd "$EMBER_HOME" && mvn -q -B -ntp -DskipTests -Dcheckstyle.skip package) > "$log" 2>&1; then
      cat "$log" >&2
      echo "ember: the build failed; run 'mvn -DskipTests package' in $EMBER_HOME to see why." >&2
      exit 1
    fi
    rm -f "$log"
  fi
}

# Runs a Java main class with Ember's classpath and the JVM options Ember wants.
# EMBER_DRIVER_MEMORY sets the heap; EMBER_LOG_LEVEL the log level (default info).
ember_java() {
  local heap_opt=()
  if [ -n "${EMBER_DRIVER_MEMORY:-}" ]; then
    heap_opt=("-Xmx$EMBER_DRIVER_MEMORY")
  fi
  exec "$EMBER_JAVA" "${heap_opt[@]}" -XX:+UseParallelGC -XX:TieredStopAtLevel=4 \
    -Dorg.slf4j.simpleLogger.defaultLogLevel="${EMBER_LOG_LEVEL:-info}" \
    ${EMBER_JAVA_OPTS:-} -cp "$EMBER_LIB/*" "$@"
}
