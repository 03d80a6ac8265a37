#!/usr/bin/env bash
# Runs the real desktop app under Xvfb with one carrel-bot that shares its screen (the same
# Xvfb display, so the share shows the desktop with the app on it) and one with a camera, and
# writes docs/screen-share.png: the sharer's tile must show the screen, not its camera.
#
# Needs a build first:  mvn -pl signaling-server,client-desktop -am package -DskipTests
# Usage:                scripts/screen-share-shot.sh      (ROOT=/path/to/build to use another tree)
#                       APP_SHARES=1 scripts/screen-share-shot.sh   the app (Ada) shares instead of the
#                       bot, and bot Cy's stats must report Ada's screen frames (docs/app-screen-share.png)
set -euo pipefail

ROOT="${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
OUT="${OUT:-$ROOT/docs}"
DISPLAY_NUM="${DISPLAY_NUM:-:96}"
APP_JAR="$(ls "$ROOT"/client-desktop/target/client-desktop-*.jar | head -1)"
BOT_JAR="$ROOT/client-desktop/target/carrel-bot.jar"
SERVER_JAR="$ROOT/signaling-server/target/carrel-server.jar"
for f in "$APP_JAR" "$BOT_JAR" "$SERVER_JAR" "$ROOT/client-desktop/target/lib"; do
  [ -e "$f" ] || { echo "missing $f — build first: mvn -pl signaling-server,client-desktop -am package -DskipTests" >&2; exit 1; }
done

WORK="$(mktemp -d /tmp/carrel-share.XXXXXX)"
mkdir -p "$WORK/tmp" "$OUT"
PIDS=()
cleanup() {
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
# Something recognisable on the shared desktop besides the app: the lobby picture, top left.
if [ -f "$OUT/lobby.png" ]; then
  display -geometry +0+0 -resize 50% "$OUT/lobby.png" >"$WORK/display.log" 2>&1 &
  PIDS+=($!)
fi

JAVA_TMP="-Djava.io.tmpdir=$WORK/tmp"
java $JAVA_TMP -jar "$SERVER_JAR" --bind 127.0.0.1 --port 0 --db "$WORK/carrel.db" >"$WORK/server.log" 2>&1 &
PIDS+=($!)
wait_for 20 "the server" grep -q "listening on ws://" "$WORK/server.log"
URL="$(grep -o 'ws://[^ ]*/signal' "$WORK/server.log" | head -1)"
echo "server at $URL"

SAM_SHARES=--share-screen APP_SHARE=() SHOT="$OUT/screen-share.png"
if [ -n "${APP_SHARES:-}" ]; then SAM_SHARES="" APP_SHARE=(--share-screen) SHOT="$OUT/app-screen-share.png"; fi
java $JAVA_TMP -jar "$BOT_JAR" --server "$URL" --room "Project Review" --create --capacity 4 --name "Sam" \
  --color 8E44AD $SAM_SHARES >"$WORK/sam.log" 2>&1 &
PIDS+=($!)
wait_for 20 "Sam to join" grep -q "oined" "$WORK/sam.log"
java $JAVA_TMP -jar "$BOT_JAR" --server "$URL" --room "Project Review" --name "Cy" --color 29BF12 \
  --stats-every 2 --json >"$WORK/cy.log" 2>&1 &
PIDS+=($!)

java $JAVA_TMP -Dcarrel.config.dir="$WORK/config" -Dprism.order=sw \
  -cp "$APP_JAR:$ROOT/client-desktop/target/lib/*" app.carrel.client.Launcher --server="$URL" \
  --room="Project Review" --name=Ada --join "${APP_SHARE[@]}" >"$WORK/app.log" 2>&1 &
APP_PID=$!
PIDS+=($APP_PID)
wait_for 40 "Ada to join" grep -q "Joined Project Review" "$WORK/app.log"
sleep 8 # let the shared screen arrive and a few frames pass; only for the picture
import -window "$(xwininfo -root -tree | grep '"Carrel"' | awk '{print $1}' | head -1)" "$SHOT"
# Cy, a bot, reports screen frames per sharer: one of them must be sharing.
wait_for 20 "Cy to receive a shared screen" grep -q '"screenFrames"' "$WORK/cy.log"
grep '"screenFrames"' "$WORK/cy.log" | tail -1 | grep -o '{"id[^}]*"screenFrames"[^}]*}' | head -1
echo "wrote $SHOT"
