#!/usr/bin/env bash
# Builds what the benchmarks need and runs them: bench/run.sh [name|server|client|all] [extra options]
#   server benchmarks: negotiate negotiate-paced throughput join-storm resume-storm idle idle-deployed idle-default-heap scaling scaling-paced
#   client benchmarks: call-setup mesh render soak camera-bitrate halls
#   node-compare: a fresh carrel-server against a plain Node `ws` relay, under a Node load generator
#     (bench/node; needs node and npm; options: bench/node/compare.mjs's, e.g. --repeat 3 --cpu x)
# Output goes to the terminal and to bench/target/results/<name>.txt, each file headed by the
# machine's load at the start (benchmarks on a busy machine measure the other work too).
# Environment: MVN_ARGS (e.g. "-o" offline), BENCH_SKIP_BUILD=1 to reuse the jars, BENCH_TAG=x to
# save as <name>-x.txt (e.g. a run against another build: ... throughput --server-jar other.jar).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
JAR="$ROOT/bench/target/carrel-bench.jar"
SERVER_JAR="$ROOT/signaling-server/target/carrel-server.jar"
RESULTS="$ROOT/bench/target/results"
NATIVE_TMP="$ROOT/bench/target/native-tmp"
SERVER_BENCHES="negotiate negotiate-paced throughput join-storm resume-storm idle idle-deployed idle-default-heap scaling scaling-paced"
CLIENT_BENCHES="call-setup mesh render soak camera-bitrate halls"

usage() {
  echo "usage: bench/run.sh [name|server|client|all] [extra options for that benchmark]"
  echo "  server: $SERVER_BENCHES"
  echo "  client: $CLIENT_BENCHES"
  echo "  (soak takes 10 minutes; 'all' runs it last)"
}

build() {
  if [[ "${BENCH_SKIP_BUILD:-}" == 1 && -f "$JAR" && -f "$SERVER_JAR" ]]; then
    return
  fi
  echo "== building carrel-server.jar and carrel-bench.jar"
  # shellcheck disable=SC2086
  # Tests are neither compiled nor run: the build only needs the jars. The real-window executions
  # set surefire's own skip from carrel.skipRealWindow, which maven.test.skip does not reach.
  mvn -q ${MVN_ARGS:-} -pl signaling-server,client-desktop,bench -am package -Dmaven.test.skip=true \
    -Dcarrel.skipRealWindow=true
}

# 5,000+ sockets on each side of the loopback: make sure the soft limit allows them.
raise_fd_limit() {
  local hard
  hard=$(ulimit -Hn)
  if [[ "$hard" == unlimited || "$hard" -gt 20000 ]]; then
    ulimit -n 20000
  else
    ulimit -n "$hard"
  fi
  if [[ $(ulimit -n) -lt 12000 ]]; then
    echo "warning: only $(ulimit -n) file descriptors; 'scaling' needs ~6,000 per process" >&2
  fi
}

header() {
  echo "# $1 — $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "# load: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min), $(nproc) cores"
  echo "# busiest processes:"
  ps -eo pcpu,rss,comm --sort=-pcpu | head -6 | sed 's/^/#   /'
}

run_one() {
  local name=$1
  shift
  mkdir -p "$RESULTS" "$NATIVE_TMP"
  local java=(java -Djava.io.tmpdir="$NATIVE_TMP")
  local args=()
  case "$name" in
    negotiate) args=(negotiate) ;;
    negotiate-paced) args=(negotiate --spread-ms 1000 --ice-gap-ms 10) ;;
    throughput) args=(throughput) ;;
    join-storm) args=(join-storm) ;;
    # 1,000 seated clients, SIGTERM, a new cold server process on the same database: listen -> joined.
    resume-storm) args=(resume-storm) ;;
    # A fixed, pre-touched server heap: RSS growth is then what connections cost natively (the
    # live heap per connection is printed from a class histogram); with an elastic heap, G1's
    # young generation growing to absorb handshake garbage would dominate the number.
    idle) args=(idle --clients 2000 --server-jvm=-Xms256m --server-jvm=-Xmx256m --server-jvm=-XX:+AlwaysPreTouch) ;;
    # As the systemd unit and ./carrel run the server (JAVA_OPTS=-Xmx256m): what an operator sees.
    idle-deployed) args=(idle --clients 2000 --server-jvm=-Xmx256m) ;;
    idle-default-heap) args=(idle --clients 2000) ;;
    scaling) args=(scaling) ;;
    scaling-paced) args=(scaling --spread-ms 1000 --ice-gap-ms 10) ;;
    # 5,000 rooms, 500 lobby subscribers: v1 whole lists, then deltas, each on a fresh server.
    lobby) args=(lobby) ;;
    lobby-feed) args=(lobby-feed) ;;
    call-setup) args=(call-setup --runs 20) ;;
    mesh) args=(mesh --peers 4 --seconds 60) ;;
    render) args=(render) ;;
    camera-bitrate) args=(camera-bitrate) ;;
    halls) args=(halls --size 320x240 --fps 15 --pattern detail) ;;
    # A fixed, pre-touched heap: the Java heap cannot grow, so RSS growth means native memory.
    # Native memory tracking splits RSS growth into the JVM's share and native code's own.
    soak) java+=(-Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:NativeMemoryTracking=summary)
      args=(soak --peers 3 --minutes 10) ;;
    node-compare)
      # Not the Java generator: Node `ws` clients, one message in flight per direction, a fresh
      # server per scenario, and the same contract served by a 150-line Node relay to compare.
      (cd "$ROOT/bench/node" && npm ci --silent --no-audit --no-fund)
      mkdir -p "$RESULTS"
      { header "$name"; node "$ROOT/bench/node/compare.mjs" "$@" 2>&1; echo "# load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"; } \
        | tee "$RESULTS/$name${BENCH_TAG:+-$BENCH_TAG}.txt"
      return ;;
    *) usage; exit 64 ;;
  esac
  if [[ "$name" != render && "$name" != lobby-feed ]]; then
    args+=(--server-jar "$SERVER_JAR" --work-dir "$ROOT/bench/target/work")
  fi
  local out="$RESULTS/$name${BENCH_TAG:+-$BENCH_TAG}.txt"
  echo "== $name"
  {
    header "$name"
    "${java[@]}" -jar "$JAR" "${args[@]}" "$@" 2>&1 \
      || echo "# $name exited with status $?"
    echo "# load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  } | grep --line-buffered -v -E ' (INFO|DEBUG) ' | tee "$out"
}

main() {
  local what=${1:-}
  [[ -n "$what" ]] || { usage; exit 64; }
  shift || true
  build
  raise_fd_limit
  case "$what" in
    all) for b in $SERVER_BENCHES call-setup mesh render soak; do run_one "$b"; done ;;
    server) for b in $SERVER_BENCHES; do run_one "$b"; done ;;
    client) for b in $CLIENT_BENCHES; do run_one "$b"; done ;;
    *) run_one "$what" "$@" ;;
  esac
  local copies
  copies=$(find "$NATIVE_TMP" -maxdepth 1 -name 'libwebrtc-java-*.so' 2>/dev/null | wc -l)
  if [[ "$copies" -gt 0 ]]; then
    echo "warning: $copies native library copies left in $NATIVE_TMP (a JVM died while loading it); removing" >&2
    find "$NATIVE_TMP" -maxdepth 1 -name 'libwebrtc-java-*.so' -delete
  fi
}

main "$@"
