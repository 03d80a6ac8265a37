// A load generator for Carrel's signaling contract that is not Carrel's own: Node `ws` clients
// (permessage-deflate offered, as ws does by default) with ONE message in flight per direction:
// a side sends its next message only once the other side has received the previous one. Every
// message carries the generator's clock, so each latency is one relay hop.
//
// Scenarios (each on whatever server `url` points at):
//   negotiate   P pairs, each in a room of 2: the joiner sends an offer (~5 KB) and 10 ICE
//               candidates, the other answers and sends 10; all pairs at once.
//   join-storm  N clients connect, then all join R rooms of 4 at once: join -> joined.
//   throughput  P pairs send ICE back and forth for S seconds: relayed messages per second.
import WebSocket from 'ws';
import { performance } from 'node:perf_hooks';

const SDP_BODY = 'v=0\\r\\no=- 4611731400430051336 2 IN IP4 127.0.0.1\\r\\n' + 'a=candidate-and-codec-lines-padding\\r\\n'.repeat(120);
const ICE_PER_SIDE = 10;

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A connected client: resolves once the server's welcome arrived. */
function connect(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: true });
    ws.waiting = new Map(); // request id -> resolve
    ws.onMessage = null;
    ws.on('message', (data) => {
      const at = performance.now();
      const m = JSON.parse(data);
      if (m.type === 'welcome') return resolve(ws);
      if (m.id && ws.waiting.has(m.id)) {
        const done = ws.waiting.get(m.id);
        ws.waiting.delete(m.id);
        return done(m, at);
      }
      if (ws.onMessage) ws.onMessage(m, at);
    });
    ws.on('error', reject);
  });
}

let nextId = 0;
function request(ws, msg) {
  const id = String(++nextId);
  return new Promise((resolve) => {
    ws.waiting.set(id, (m, at) => resolve({ m, at }));
    ws.send(JSON.stringify({ ...msg, id }));
  });
}

async function createRoom(ws, capacity) {
  const { m } = await request(ws, { type: 'create-room', name: 'load', capacity });
  if (m.type !== 'room-created') throw new Error('create-room: ' + JSON.stringify(m));
  return m.room.id;
}

async function joinRoom(ws, room, name) {
  const { m } = await request(ws, { type: 'join', room, name });
  if (m.type !== 'joined') throw new Error('join: ' + JSON.stringify(m));
  ws.pid = m.self.id;
  return m;
}

/** P pairs, each seated in a room of its own. */
async function pairs(url, count) {
  const out = [];
  for (let i = 0; i < count; i += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, count - i) }, async () => {
      const [a, b] = await Promise.all([connect(url), connect(url)]);
      const room = await createRoom(a, 2);
      await joinRoom(a, room, 'a');
      await joinRoom(b, room, 'b');
      return { a, b };
    }));
    out.push(...batch);
  }
  return out;
}

const offer = (to, t) => ({ type: 'offer', to, sdp: `${t} ${SDP_BODY}` });
const answer = (to, t) => ({ type: 'answer', to, sdp: `${t} ${SDP_BODY}` });
const ice = (to, t) => ({ type: 'ice', to, candidate: { candidate: `candidate:${t} 1 udp 2122260223 192.0.2.7 50000 typ host`, sdpMid: '0', sdpMLineIndex: 0 } });
const stampOf = (m) => Number((m.sdp ?? m.candidate.candidate.slice('candidate:'.length)).split(' ', 1)[0]);

/** One side's queue toward the other, one in flight: next() when the previous one arrived. */
function sender(from, to, messages) {
  let i = 0;
  return () => {
    if (i < messages.length) from.send(JSON.stringify(messages[i++](to.pid, performance.now())));
  };
}

export async function negotiate(url, { pairCount = 200, rounds = 1, mark = () => {} } = {}) {
  const ps = await pairs(url, pairCount);
  const results = [];
  for (let round = 0; round < rounds; round++) {
    const latencies = [];
    mark('start');
    const started = performance.now();
    await Promise.all(ps.map(({ a, b }) => new Promise((resolve) => {
      const fromB = sender(b, a, [offer, ...Array(ICE_PER_SIDE).fill(ice)]);
      const fromA = sender(a, b, [answer, ...Array(ICE_PER_SIDE).fill(ice)]);
      let left = 2 * (1 + ICE_PER_SIDE);
      const arrived = (next) => (m, at) => {
        if (m.type === 'error') throw new Error(JSON.stringify(m));
        if (m.type !== 'offer' && m.type !== 'answer' && m.type !== 'ice') return;
        latencies.push(at - stampOf(m));
        if (m.type === 'offer') fromA(); // the answer goes out once the offer is in
        next();
        if (--left === 0) resolve();
      };
      a.onMessage = arrived(fromB);
      b.onMessage = arrived(fromA);
      fromB();
    })));
    results.push({ scenario: 'negotiate', round, pairs: pairCount, messages: latencies.length,
      seconds: (performance.now() - started) / 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99),
      cpu: mark('end') });
  }
  ps.forEach(({ a, b }) => { a.terminate(); b.terminate(); });
  return results;
}

export async function joinStorm(url, { clients = 1000, roomSize = 4, mark = () => {} } = {}) {
  const creator = await connect(url);
  const rooms = [];
  for (let i = 0; i < clients / roomSize; i++) rooms.push(await createRoom(creator, roomSize));
  creator.terminate();
  const sockets = [];
  for (let i = 0; i < clients; i += 100) sockets.push(...await Promise.all(Array.from({ length: Math.min(100, clients - i) }, () => connect(url))));
  mark('start');
  const started = performance.now();
  const latencies = await Promise.all(sockets.map(async (ws, i) => {
    const t0 = performance.now();
    const { m, at } = await request(ws, { type: 'join', room: rooms[i % rooms.length], name: 'c' + i });
    if (m.type !== 'joined') throw new Error('join: ' + JSON.stringify(m));
    return at - t0;
  }));
  const seconds = (performance.now() - started) / 1000;
  const cpu = mark('end');
  sockets.forEach((ws) => ws.terminate());
  return [{ scenario: 'join-storm', clients, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpu }];
}

export async function throughput(url, { pairCount = 200, seconds = 10, mark = () => {} } = {}) {
  const ps = await pairs(url, pairCount);
  let delivered = 0;
  let running = true;
  const latencies = [];
  mark('start');
  const started = performance.now();
  for (const { a, b } of ps) {
    for (const [from, to] of [[a, b], [b, a]]) {
      to.onMessage = (m, at) => {
        if (m.type !== 'ice') return;
        delivered++;
        if (delivered % 16 === 0) latencies.push(at - stampOf(m));
        if (running) from.send(JSON.stringify(ice(to.pid, performance.now())));
      };
      from.send(JSON.stringify(ice(to.pid, performance.now())));
    }
  }
  await new Promise((r) => setTimeout(r, seconds * 1000));
  running = false;
  const elapsed = (performance.now() - started) / 1000;
  const cpu = mark('end');
  ps.forEach(({ a, b }) => { a.terminate(); b.terminate(); });
  return [{ scenario: 'throughput', pairs: pairCount, perSecond: delivered / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpu }];
}
