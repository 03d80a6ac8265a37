#!/usr/bin/env bash
# Installs the desktop .deb with apt, starts the installed app on a virtual display against a
# real signaling server on loopback, has it join a room where carrel-bot waits, and removes the
# package again — the way a person would.
#
#   packaging/deb-smoke-test.sh                      # builds the .deb first (build-deb.sh)
#   packaging/deb-smoke-test.sh path/to/carrel.deb   # tests that file
#
# Needs root (apt-get, dpkg), a JDK 17 and Maven (the build and the server), and Xvfb; installs
# x11-utils (xwininfo) and fakeroot (jpackage) when they are missing. Passes when the window
# "Carrel" appears, the app joins the room and the bot receives its video over WebRTC (so the
# packaged runtime loads JavaFX's and webrtc-java's natives), the app is still running a moment
# later, and `apt-get remove` leaves nothing behind (then a purge clears dpkg's record).
# A CI step: about a minute and a half on two cores.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
export DEBIAN_FRONTEND=noninteractive

fail() { echo "deb-smoke-test: FAIL: $*" >&2; exit 1; }
step() { echo "deb-smoke-test: $*"; }

[[ $(id -u) == 0 ]] || fail "run as root: it installs and removes the carrel package"
if dpkg-query -W -f='${Status}' carrel 2>/dev/null | grep -q 'ok installed'; then
    fail "carrel is already installed here; this test installs and then removes it"
fi
command -v Xvfb >/dev/null || fail "Xvfb is missing (apt-get install xvfb)"
command -v xwininfo >/dev/null || apt-get install -y -qq --no-install-recommends x11-utils >/dev/null
command -v fakeroot >/dev/null || apt-get install -y -qq --no-install-recommends fakeroot >/dev/null

# shellcheck disable=SC2086 # MVN_FLAGS is a list of flags
mvn -B -q ${MVN_FLAGS:-} -f "$root/pom.xml" -pl signaling-server,client-desktop -am package -DskipTests
server_jar=$root/signaling-server/target/carrel-server.jar
bot_jar=$root/client-desktop/target/carrel-bot.jar
deb=${1:-}
if [[ -z $deb ]]; then
    # A CI build favours speed over the last few MB: xz -1 builds in seconds, -6 takes a minute.
    DPKG_DEB_COMPRESSOR_LEVEL=${DPKG_DEB_COMPRESSOR_LEVEL:-1} "$here/build-deb.sh" --no-build
    debs=("$here"/target/carrel_*.deb)
    deb=${debs[-1]}
fi
deb=$(realpath "$deb")

work=$(mktemp -d)
installed=0
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [[ $installed == 1 ]]; then apt-get purge -y -qq carrel >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# True while the process runs; a child that exited is a zombie until reaped, and kill -0 still
# succeeds on a zombie.
running() { [[ -r /proc/$1/stat && $(sed 's/.*) //' "/proc/$1/stat" | cut -d' ' -f1) != Z ]]; }

# wait_for <seconds> <what> <command...>: polls the command until it succeeds or time runs out.
wait_for() {
    local limit=$(( $(date +%s) + $1 )) what=$2
    shift 2
    until "$@"; do
        (( $(date +%s) < limit )) || fail "timed out waiting for $what"
        sleep 0.5
    done
}

step "installing $deb"
installed=1
apt-get install -y -qq "$deb" >"$work/apt-install.log" 2>&1 || { cat "$work/apt-install.log"; fail "apt-get install"; }
[[ -x /opt/carrel/bin/Carrel ]] || fail "/opt/carrel/bin/Carrel is missing"
[[ $(readlink /usr/bin/carrel) == /opt/carrel/bin/Carrel ]] || fail "/usr/bin/carrel does not point at the launcher"
grep -qx 'Exec=/opt/carrel/bin/Carrel' /usr/share/applications/carrel.desktop || fail "desktop entry not installed"
[[ -f /opt/carrel/lib/Carrel.png ]] || fail "icon missing"
depends=,$(dpkg-query -W -f='${Depends}' carrel | tr -d ' '),
for lib in libgtk-3-0 libgl1 libxtst6 libpulse0 libudev1 libx11-6 libxfixes3 libxrandr2 libxcomposite1 libdbus-1-3 \
    fonts-dejavu-core fonts-wqy-microhei fonts-lohit-deva fonts-symbola; do
    [[ $depends == *",$lib,"* ]] || fail "Depends lacks $lib: $depends"
done

step "starting a signaling server on loopback"
java -jar "$server_jar" --port 0 --bind 127.0.0.1 --admin-port 0 --db "$work/smoke.db" >"$work/server.log" 2>&1 &
pids+=($!)
wait_for 30 "the server to listen" grep -q 'listening on ws://' "$work/server.log"
url=$(sed -n 's/.*listening on \(ws:[^ ]*\) .*/\1/p' "$work/server.log")
admin_port=$(sed -n 's/.*admin on port \([0-9]*\).*/\1/p' "$work/server.log")

# One of the server's gauges, read over bash's /dev/tcp (no curl on a bare machine).
metric() {
    { printf 'GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3; cat <&3; } 3<>"/dev/tcp/127.0.0.1/$admin_port" \
        | sed -n "s/^$1 \\([0-9.]*\\).*/\\1/p"
}

# A private home, config folder and temp folder (the native loaders unpack into java.io.tmpdir):
# nothing of the run is left on the machine.
mkdir -p "$work/home" "$work/tmp"
step "starting carrel-bot in room Smoke"
java -Djava.io.tmpdir="$work/tmp" -jar "$bot_jar" --server "$url" --room Smoke --create --name Bot \
    --stats-every 1 --json >"$work/bot.out" 2>"$work/bot.err" &
pids+=($!)
bot_joined() {
    if grep -q 'cannot' "$work/bot.err"; then cat "$work/bot.err" >&2; fail "carrel-bot could not join"; fi
    grep -q 'joined room' "$work/bot.err"
}
wait_for 60 "the bot to join" bot_joined

step "starting Xvfb"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
wait_for 15 "Xvfb to pick a display" test -s "$work/display"
display=$(head -n 1 "$work/display")
export DISPLAY=:$display

step "starting the installed app (carrel --server=$url --room=Smoke --name=Smoke --join) on $DISPLAY"
HOME=$work/home XDG_CONFIG_HOME=$work/home/.config JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$work/tmp" \
    carrel --server="$url" --room=Smoke --name=Smoke --join >"$work/app.log" 2>&1 &
app=$!
pids+=("$app")
app_alive() { running "$app" || { cat "$work/app.log" >&2; fail "the app exited early"; }; }
# The stage: titled "Carrel" and at least 100x100 (GTK's 10x10 leader window shares the title).
window() { xwininfo -root -tree 2>/dev/null | grep -E '"Carrel": \(.*\) +[0-9]{3,}x[0-9]{3,}' | head -n 1; }
window_shown() { app_alive && [[ -n $(window) ]]; }
wait_for 60 "the window \"Carrel\"" window_shown
step "window is up: $(window | sed 's/^ *//')"
# Docks match windows to the menu entry by WM_CLASS; JavaFX names it after the Application class.
wm_class=$(sed -n 's/^StartupWMClass=//p' /usr/share/applications/carrel.desktop)
[[ $(window) == *"(\"$wm_class\" "* ]] || fail "the window's WM_CLASS is not StartupWMClass=$wm_class"
app_joined() { [[ $(metric carrel_participants) == 2.0 ]]; }
wait_for 60 "the app to join the bot's room" app_joined
step "the app joined the room (carrel_participants $(metric carrel_participants))"
# The bot's stats line for the app, e.g. "name":"Smoke","state":"connected","framesDecoded":403,...
video() { grep -oE '"name":"Smoke","state":"connected","framesDecoded":[1-9][^}]*' "$work/bot.out" | tail -n 1; }
receiving() { app_alive && [[ -n $(video) ]]; }
wait_for 60 "the bot to receive the app's video" receiving
step "the bot receives the app's video: $(video | cut -c1-110)"
sleep 3 # the app must stay up, not merely flash a window
app_alive

step "stopping the app"
kill "$app"
app_gone() { ! running "$app"; }
wait_for 20 "the app to exit after SIGTERM" app_gone
status=0
wait "$app" || status=$?
step "the app exited with status $status; its log:"
sed 's/^/    /' "$work/app.log"
if grep -qE 'Exception in|SIGSEGV|A fatal error' "$work/app.log"; then fail "the app logged a crash"; fi

step "removing the package"
apt-get remove -y -qq carrel >"$work/apt-remove.log" 2>&1 || { cat "$work/apt-remove.log"; fail "apt-get remove"; }
for path in /opt/carrel /usr/bin/carrel /usr/share/applications/carrel.desktop; do
    [[ ! -e $path && ! -L $path ]] || fail "$path is left behind"
done
# jpackage always ships a postrm, so dpkg keeps the package as "rc" until a purge.
apt-get purge -y -qq carrel >>"$work/apt-remove.log" 2>&1 || { cat "$work/apt-remove.log"; fail "apt-get purge"; }
if dpkg-query -W -f='${db:Status-Abbrev}' carrel 2>/dev/null | grep -qv '^un'; then fail "dpkg still lists carrel"; fi
installed=0
step "PASS"
