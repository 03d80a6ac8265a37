#!/usr/bin/env bash
# Runs the real desktop app under Xvfb against a local server, with two carrel-bot participants,
# and writes PNGs of the lobby, of a three-person room and of that room in the smallest window
# into docs/.
#
# Needs a build first:  mvn -pl client-desktop -am package -DskipTests
# Usage:                scripts/screenshots.sh            (ROOT=/path/to/build to use another tree)
set -euo pipefail

DISPLAY_NUM="${DISPLAY_NUM:-:97}"
STAGE_NAME=shots
source "$(dirname "$0")/stage.sh"

# A few rooms for the lobby: two emptied ones (one locked), and the study hall the bots sit in.
java $JAVA_TMP -jar "$BOT_JAR" --server "$URL" --room "Linear Algebra" --create --capacity 6 --name setup \
  --duration 1 >"$WORK/setup.log" 2>&1
java $JAVA_TMP -jar "$BOT_JAR" --server "$URL" --room "Thesis Writing" --create --capacity 3 --password quiet \
  --name setup --duration 1 >>"$WORK/setup.log" 2>&1
java $JAVA_TMP -jar "$BOT_JAR" --server "$URL" --room "Study Hall" --create --capacity 4 --name "Bea" --color E4572E \
  >"$WORK/bea.log" 2>&1 &
PIDS+=($!)
wait_for 20 "Bea to join" grep -q "oined" "$WORK/bea.log" || true
java $JAVA_TMP -jar "$BOT_JAR" --server "$URL" --room "Study Hall" --name "Cy" --color 29BF12 \
  >"$WORK/cy.log" 2>&1 &
PIDS+=($!)

shoot() { # the app's window only
  import -window "$(xwininfo -root -tree | grep '"Carrel"' | awk '{print $1}' | head -1)" "$1"
}

run_app() { # run_app LOG ARGS...
  local log=$1; shift
  java $JAVA_TMP -Dcarrel.config.dir="$WORK/config" -Dprism.order=sw \
    -cp "$APP_JAR:$ROOT/client-desktop/target/lib/*" app.carrel.client.Launcher --server="$URL" "$@" >"$log" 2>&1 &
  APP_PID=$!
  PIDS+=($APP_PID)
}

# 1. The lobby.
run_app "$WORK/app-lobby.log"
wait_for 30 "the app window" sh -c "xwininfo -root -tree 2>/dev/null | grep -q Carrel"
sleep 4 # let the room list arrive and the window paint; only for the picture
shoot "$OUT/lobby.png"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true

# 2. The room, entered straight from the command line as Ada.
run_app "$WORK/app-room.log" --room="Study Hall" --name=Ada --join
wait_for 40 "Ada to join" grep -q "Joined Study Hall" "$WORK/app-room.log"
sleep 8 # let every tile's video start and a few seconds of motion pass; only for the picture
shoot "$OUT/room.png"
sleep 1
shoot "$WORK/room-later.png"
if cmp -s "$OUT/room.png" "$WORK/room-later.png"; then
  echo "warning: two room screenshots a second apart are identical — is the video moving?" >&2
fi

# 3. The same room in the smallest window the app allows: the header and the timer stay whole.
WINDOW="$(xwininfo -root -tree | grep '"Carrel"' | awk '{print $1}' | head -1)"
xdotool windowsize "$WINDOW" 720 480
sleep 2 # let the layout follow; only for the picture
shoot "$OUT/room-small.png"
echo "wrote $OUT/lobby.png, $OUT/room.png and $OUT/room-small.png"
