# Sourced by the screenshot scripts: a virtual display and a local server to photograph the real
# app on. Before sourcing, set DISPLAY_NUM and STAGE_NAME; afterwards the caller has ROOT, OUT,
# APP_JAR, BOT_JAR, WORK, JAVA_TMP, URL, the PIDS array (stopped in reverse on exit) and wait_for.

ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
OUT="${OUT:-$ROOT/docs}"
APP_JAR="$ROOT/client-desktop/target/carrel-app.jar"
BOT_JAR="$ROOT/client-desktop/target/carrel-bot.jar"
SERVER_JAR="$ROOT/signaling-server/target/carrel-server.jar"
for f in "$APP_JAR" "$BOT_JAR" "$SERVER_JAR" "$ROOT/client-desktop/target/lib"; do
  [ -e "$f" ] || { echo "missing $f — build first: mvn -DskipTests package" >&2; exit 1; }
done

WORK="$(mktemp -d "/tmp/carrel-$STAGE_NAME.XXXXXX")"
mkdir -p "$WORK/tmp" "$OUT"
PIDS=()
cleanup() {
  # Bots and server get SIGTERM (bots leave cleanly), then everything started here is reaped.
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill "${PIDS[i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "logs kept in $WORK"; rm -rf "$WORK/tmp"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap "exit 143" INT TERM

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local limit=$1 what=$2; shift 2
  for ((i=0; i<limit*5; i++)); do "$@" && return 0; sleep 0.2; done
  echo "timed out after ${limit}s waiting for $what" >&2; return 1
}

Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
PIDS+=($!)
export DISPLAY="$DISPLAY_NUM"
wait_for 10 "Xvfb" xdpyinfo >/dev/null 2>&1

# The webrtc native loader copies its library into java.io.tmpdir; keep that in $WORK.
JAVA_TMP="-Djava.io.tmpdir=$WORK/tmp"
java $JAVA_TMP -jar "$SERVER_JAR" --bind 127.0.0.1 --port 0 --db "$WORK/carrel.db" >"$WORK/server.log" 2>&1 &
PIDS+=($!)
wait_for 20 "the server" grep -q "listening on ws://" "$WORK/server.log"
URL="$(grep -o 'ws://[^ ]*/signal' "$WORK/server.log" | head -1)"
echo "server at $URL"
