// Runs load.mjs's scenarios against a freshly started server each time, carrel-server (as
// deployed: java $JAVA_OPTS -jar, JAVA_OPTS as in packaging/server/server.env unless set) and/or the plain Node relay, and
// prints one line per scenario and round. No warm-up: a fresh server's first burst is the point.
//
//   node compare.mjs [--servers carrel,relay] [--scenarios negotiate,join-storm,throughput]
//                    [--repeat 3] [--rounds 1] [--pairs 200] [--clients 1000] [--seconds 10]
//                    [--cpu x]   (also print the server's CPU per thread over each measured phase)
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { negotiate, joinStorm, throughput } from './load.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) =>
  a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc, []));
const servers = (args.servers ?? 'carrel,relay').split(',');
const scenarios = (args.scenarios ?? 'negotiate,join-storm,throughput').split(',');
const repeat = Number(args.repeat ?? 3);
const rounds = Number(args.rounds ?? 1);
const pairCount = Number(args.pairs ?? 200);
const clients = Number(args.clients ?? 1000);
const seconds = Number(args.seconds ?? 10);
const jar = args.jar ?? join(here, '../../signaling-server/target/carrel-server.jar');
// As deployed: the systemd unit's JAVA_OPTS from packaging/server/server.env, unless JAVA_OPTS is set.
const deployed = readFileSync(join(here, '../../packaging/server/server.env'), 'utf8').match(/^JAVA_OPTS=(.*)$/m)[1];
const javaOpts = (process.env.JAVA_OPTS ?? deployed).split(' ').filter(Boolean);

/**
 * CPU seconds per thread name of a process, from /proc (Linux; 10 ms ticks): where a server's
 * time went during a measured phase. Threads with a number in their name are summed by the rest
 * of it ("C2 CompilerThre0" and "…1" together).
 */
function threadCpu(pid) {
  const byName = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/[-#]?\d+$/, '');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime
      byName.set(name, (byName.get(name) ?? 0) + seconds);
    } catch { /* the thread ended meanwhile */ }
  }
  return byName;
}

function cpuMark(pid) {
  let before;
  return (what) => {
    if (!pid) return undefined;
    if (what === 'start') { before = threadCpu(pid); return undefined; }
    const after = threadCpu(pid);
    const spent = [...after].map(([name, s]) => [name, s - (before.get(name) ?? 0)]).filter(([, s]) => s >= 0.01);
    return Object.fromEntries(spent.sort((x, y) => y[1] - x[1]));
  };
}

let nextPort = 7300 + Math.floor(Math.random() * 500);

/** Starts a server and resolves with its URL and a stop function once it takes connections. */
function start(kind) {
  const port = nextPort++;
  const dir = mkdtempSync(join(tmpdir(), 'carrel-compare-'));
  const child = kind === 'carrel'
    ? spawn('java', [...javaOpts, '-jar', jar, '--port', String(port), '--bind', '127.0.0.1', '--db', join(dir, 'carrel.db'),
        // the load comes from one address, far above a school's: lift the per-address quotas and the rate limit
        '--max-connections-per-address', '100000', '--room-creations-per-hour', '100000',
        '--max-rooms-per-address', '100000', '--rate-limit', '100000', '--rate-burst', '100000'],
      { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('node', [join(here, 'relay.mjs'), String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => new Promise((resolve) => {
    child.once('exit', () => { rmSync(dir, { recursive: true, force: true }); resolve(); });
    child.kill('SIGTERM');
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const watch = (data) => {
      out += data;
      // carrel-server logs "listening on …"; the relay prints "listening PORT"
      if (/listening/i.test(out)) {
        child.stdout.off('data', watch);
        child.stderr.off('data', watch);
        resolve({ url: `ws://127.0.0.1:${port}/signal`, stop, pid: child.pid });
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.once('exit', (code) => reject(new Error(`${kind} exited (${code}) before listening:\n${out}`)));
  });
}

const run = {
  negotiate: (url, mark) => negotiate(url, { pairCount, rounds, mark }),
  'join-storm': (url, mark) => joinStorm(url, { clients, mark }),
  throughput: (url, mark) => throughput(url, { pairCount, seconds, mark }),
};
const showCpu = args.cpu !== undefined;

const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');
for (let r = 0; r < repeat; r++) {
  for (const scenario of scenarios) {
    for (const kind of servers) {
      const server = await start(kind);
      try {
        for (const result of await run[scenario](server.url, cpuMark(server.pid))) {
          const rate = result.perSecond ? ` ${result.perSecond.toFixed(0)} msg/s` : '';
          const total = result.cpu ? Object.values(result.cpu).reduce((a, b) => a + b, 0) : NaN;
          console.log(`RESULT ${kind.padEnd(6)} ${scenario.padEnd(10)} round ${result.round ?? 0}: p50 ${fmt(result.p50)} ms  p99 ${fmt(result.p99)} ms${rate}  server CPU ${fmt(total * 1000)} ms`);
          if (showCpu && result.cpu) {
            console.log('  ' + Object.entries(result.cpu).map(([n, s]) => `${n} ${(s * 1000).toFixed(0)}`).join(', '));
          }
        }
      } finally {
        await server.stop();
      }
    }
  }
}
