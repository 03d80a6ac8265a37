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

DISPLAY_NUM="${DISPLAY_NUM:-:96}"
STAGE_NAME=share
source "$(dirname "$0")/stage.sh"

# Something recognisable on the shared desktop besides the app: the lobby picture, top left.
if [ -f "$OUT/lobby.png" ]; then
  display -geometry +0+0 -resize 50% "$OUT/lobby.png" >"$WORK/display.log" 2>&1 &
  PIDS+=($!)
fi

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
