#!/usr/bin/env bash
# Checks that coturn, run with turnserver.conf, accepts the TURN credentials carrel-server
# hands out for its --turn-secret, and refuses a wrong one. Everything on loopback:
#
#   packaging/server/turn-check.sh [path/to/carrel-server.jar]
#
# Needs coturn (turnserver, turnutils_peer, turnutils_uclient), Java 17 and python3; the jar
# is signaling-server/target/carrel-server.jar unless given. The credentials come from the
# server's own IceServers class, the code that fills `joined.iceServers`.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
jar=$(realpath "${1:-$here/../../signaling-server/target/carrel-server.jar}")
fail() { echo "turn-check: FAIL: $*" >&2; exit 1; }
for tool in turnserver turnutils_peer turnutils_uclient java python3; do
    command -v "$tool" >/dev/null || fail "$tool is missing (coturn: apt-get install coturn)"
done
[[ -f $jar ]] || fail "no $jar (mvn -pl signaling-server -am package)"

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# coturn cannot take port 0, so the kernel picks two free ports and we hand them over.
read -r turn_port peer_port < <(python3 -c 'import socket
s = [socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1", 0)) for x in s]
print(*[x.getsockname()[1] for x in s])')
secret=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')

# The sample as shipped, with a real secret and logging to a file instead of syslog.
sed "s/^static-auth-secret=.*/static-auth-secret=$secret/; s/^syslog$//" "$here/turnserver.conf" >"$work/turnserver.conf"
turnserver -c "$work/turnserver.conf" --listening-ip=127.0.0.1 --relay-ip=127.0.0.1 -p "$turn_port" \
    --allow-loopback-peers --pidfile="$work/turn.pid" --log-file="$work/turn.log" --simple-log --no-stdout-log \
    2>"$work/turnserver.err" &
pids+=($!)
turnutils_peer -L 127.0.0.1 -p "$peer_port" >"$work/peer.log" 2>&1 &
pids+=($!)

cat >"$work/Credentials.java" <<'EOF'
import app.carrel.server.security.IceServers;
import java.util.List;

public class Credentials {
    public static void main(String[] args) {
        var turn = new IceServers(List.of(), List.of(args[1]), args[0])
                .forParticipant("turn-check", System.currentTimeMillis()).get(0);
        System.out.println(turn.username() + " " + turn.credential());
    }
}
EOF
read -r user credential < <(java -cp "$jar" "$work/Credentials.java" "$secret" "turn:127.0.0.1:$turn_port")
echo "turn-check: server-issued username $user"

relay() { # relay <password> [uclient flags]: sends 10 messages through TURN to the peer and back
    local password=$1
    shift
    timeout 30 turnutils_uclient "$@" -p "$turn_port" -u "$user" -w "$password" -e 127.0.0.1 -r "$peer_port" \
        -n 10 127.0.0.1 >"$work/uclient.log" 2>&1 || true
    grep -q 'Total lost packets 0 ' "$work/uclient.log" && ! grep -q 'Cannot complete Allocation' "$work/uclient.log"
}
# turnserver takes a moment to open its port; the first allocation retries until it answers.
limit=$(( $(date +%s) + 15 ))
until relay "$credential"; do
    if (( $(date +%s) >= limit )); then
        cat "$work/uclient.log" "$work/turn.log" >&2 || true
        fail "UDP relay with the server's credentials"
    fi
    sleep 0.5
done
echo "turn-check: UDP allocation and relay with the server's credentials: ok"
relay "$credential" -t || { cat "$work/uclient.log" >&2; fail "TCP relay with the server's credentials"; }
echo "turn-check: TCP allocation and relay with the server's credentials: ok"
if relay "AAAAAAAAAAAAAAAAAAAAAAAAAAA="; then fail "coturn accepted a wrong credential"; fi
grep -q 'Cannot complete Allocation' "$work/uclient.log" || { cat "$work/uclient.log" >&2; fail "no refusal seen"; }
echo "turn-check: a wrong credential is refused: ok"
echo "turn-check: PASS"
