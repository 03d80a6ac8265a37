// A plain event-loop relay of Carrel's v1 contract (../shared/PROTOCOL.md), mesh rooms only:
// the yardstick a fresh carrel-server is compared against (docs/benchmarks.md, "Cold and plain
// loads"). Rooms live in memory; nothing is stored, limited or resumed. Not for use.
//
//   node relay.mjs [port]        prints "listening PORT" once it accepts connections
import { WebSocketServer } from 'ws';
import { randomUUID } from 'node:crypto';

const port = Number(process.argv[2] ?? 7100);
const rooms = new Map(); // id -> { id, name, capacity, password, members: Map<pid, socket> }
const lobby = new Set(); // sockets subscribed to the room list

const send = (ws, msg) => ws.readyState === 1 && ws.send(JSON.stringify(msg));
const error = (ws, id, code, message) => send(ws, { type: 'error', ...(id && { id }), code, message });
const view = (r) => ({ id: r.id, name: r.name, participants: r.members.size, capacity: r.capacity, locked: !!r.password });
const peerOf = (s) => ({ id: s.pid, name: s.name, audio: s.audio, video: s.video, screen: s.screen });

function pushLobby() {
  const msg = JSON.stringify({ type: 'rooms', rooms: [...rooms.values()].map(view) });
  for (const ws of lobby) if (ws.readyState === 1) ws.send(msg);
}

function leave(ws) {
  const room = ws.room && rooms.get(ws.room);
  if (!room) return;
  room.members.delete(ws.pid);
  ws.room = null;
  for (const other of room.members.values()) send(other, { type: 'peer-left', peer: ws.pid });
  pushLobby();
}

const handlers = {
  'list-rooms'(ws, m) {
    send(ws, { type: 'rooms', id: m.id, rooms: [...rooms.values()].map(view) });
    if (!ws.room) lobby.add(ws);
  },
  'create-room'(ws, m) {
    const name = typeof m.name === 'string' ? m.name.trim() : '';
    if (!name || name.length > 64) return error(ws, m.id, 'invalid-name', 'A room needs a name of 1-64 characters.');
    const capacity = m.capacity ?? 8;
    if (!Number.isInteger(capacity) || capacity < 2 || capacity > 8) return error(ws, m.id, 'invalid-capacity', 'Capacity is 2-8.');
    const room = { id: randomUUID(), name, capacity, password: m.password || null, members: new Map() };
    rooms.set(room.id, room);
    send(ws, { type: 'room-created', id: m.id, room: view(room) });
    pushLobby();
  },
  join(ws, m) {
    if (ws.room) return error(ws, m.id, 'already-joined', 'You are in a room already.');
    const room = rooms.get(m.room);
    if (!room) return error(ws, m.id, 'room-not-found', 'No such room.');
    const name = typeof m.name === 'string' ? m.name.trim() : '';
    if (!name || name.length > 32) return error(ws, m.id, 'invalid-name', 'A name is 1-32 characters.');
    if (room.members.size >= room.capacity) return error(ws, m.id, 'room-full', 'The room is full.');
    if (room.password && m.password !== room.password) return error(ws, m.id, 'wrong-password', 'Wrong password.');
    Object.assign(ws, { pid: randomUUID(), name, room: room.id, audio: m.audio ?? true, video: m.video ?? true, screen: m.screen ?? false });
    lobby.delete(ws);
    const peers = [...room.members.values()].map(peerOf);
    room.members.set(ws.pid, ws);
    send(ws, { type: 'joined', id: m.id, room: view(room), self: { id: ws.pid, name }, resume: randomUUID(),
      peers, iceServers: [], chat: [], timer: null });
    for (const other of room.members.values()) if (other !== ws) send(other, { type: 'peer-joined', peer: peerOf(ws) });
    pushLobby();
  },
  leave(ws, m) {
    if (!ws.room) return error(ws, m.id, 'not-in-room', 'You are not in a room.');
    leave(ws);
    send(ws, { type: 'left', id: m.id });
  },
  'media-state'(ws, m) {
    const room = ws.room && rooms.get(ws.room);
    if (!room) return error(ws, m.id, 'not-in-room', 'You are not in a room.');
    for (const k of ['audio', 'video', 'screen']) if (typeof m[k] === 'boolean') ws[k] = m[k];
    for (const other of room.members.values()) if (other !== ws) send(other, { type: 'media-state', from: ws.pid, audio: ws.audio, video: ws.video, screen: ws.screen });
  },
};
for (const type of ['offer', 'answer', 'ice']) {
  handlers[type] = (ws, m) => {
    const room = ws.room && rooms.get(ws.room);
    const to = room && m.to !== ws.pid && room.members.get(m.to);
    if (!to) return error(ws, m.id, 'peer-not-found', 'No such participant in your room.');
    const out = { type, from: ws.pid };
    if (type === 'ice') out.candidate = m.candidate; else out.sdp = m.sdp;
    send(to, out);
  };
}

const server = new WebSocketServer({ port, path: '/signal' });
server.on('connection', (ws) => {
  send(ws, { type: 'welcome', protocol: 1, server: 'node-relay' });
  ws.on('message', (data, binary) => {
    if (binary) return ws.close(1003);
    let m;
    try { m = JSON.parse(data); } catch { return error(ws, null, 'bad-request', 'Not JSON.'); }
    const handler = m && typeof m.type === 'string' && Object.hasOwn(handlers, m.type) && handlers[m.type];
    if (!handler) return error(ws, m?.id, 'bad-request', 'Unknown type.');
    handler(ws, m);
  });
  ws.on('close', () => { lobby.delete(ws); leave(ws); });
});
server.on('listening', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => process.exit(0));
