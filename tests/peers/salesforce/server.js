'use strict';
// A Salesforce Streaming API stand-in for tests: Faye (a real Bayeux server) plus Salesforce's behaviour.
// - Bearer token check on every request; a bad token on /meta/handshake -> "403::Handshake denied" with
//   ext.sfdc.failureReason "401::Authentication invalid"; on /meta/connect -> "401::Authentication invalid",
//   advice.reconnect "none".
// - Replay extension over a stored event log: ext.replay {channel: replayId}; -1 new only, -2 all retained;
//   an unknown or purged id -> "400::The replayId {N} you provided was invalid. ..." on /meta/subscribe.
// - After a simulated restart Faye's "401:<id>:Unknown client" becomes Salesforce's "403::Unknown client".
// - Platform event and CDC messages in Salesforce's shape.
// Control API on the same port: POST /control/tokens {token}, /control/expire-tokens, /control/restart,
// /control/publish {channel, payload | payloads, count}, /control/purge {channel, keepFrom}; GET /control/state.
const http = require('http');
const path = require('path');
const faye = require(path.join(__dirname, '..', 'node_modules', 'faye'));

const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1]);
const apiVersion = '60.0';
const mount = '/cometd/' + apiVersion;

const tokens = new Set();
const logs = new Map();      // channel -> [{replayId, data}]
const nextReplay = new Map(); // channel -> next replay id
const clients = new Set();
const replayRequests = new Map(); // clientId|channel -> replayId
let handshakes = 0;
let subscriptions = 0;

const bayeux = new faye.NodeAdapter({ mount: mount, timeout: 5 });
const server = bayeux._server;
const proxy = server._engine;
const memory = () => proxy._engine;

bayeux.on('handshake', (id) => { clients.add(id); handshakes++; });
bayeux.on('disconnect', (id) => clients.delete(id));
bayeux.on('subscribe', () => { subscriptions++; });

function bearer(request) {
  const header = request && request.headers && request.headers.authorization;
  return header && header.startsWith('Bearer ') ? header.substring(7) : null;
}

function queueFor(clientId, message) {
  const mem = memory();
  if (!mem._messages.has(clientId)) mem._messages.set(clientId, []);
  mem._messages.get(clientId).push(message);
  mem.emptyQueue(clientId);
}

function invalidReplay(id) {
  return '400::The replayId {' + id + '} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.';
}

bayeux.addExtension({
  incoming: function (message, request, callback) {
    if (!request) return callback(message); // the server's own publisher
    const token = bearer(request);
    const authorised = token !== null && tokens.has(token);
    if (message.channel === '/meta/handshake' && !authorised) {
      message.error = '403::Handshake denied';
      message._authFailed = true;
      return callback(message);
    }
    if (message.channel.startsWith('/meta/') && message.channel !== '/meta/handshake' && !authorised) {
      message.error = '401::Authentication invalid';
      message._authFailed = true;
      return callback(message);
    }
    if (message.channel === '/meta/subscribe') {
      const channel = message.subscription;
      const replay = message.ext && message.ext.replay ? message.ext.replay[channel] : undefined;
      const id = replay === undefined ? -1 : Number(replay);
      const log = logs.get(channel) || [];
      if (id >= 0) {
        const oldest = log.length ? log[0].replayId : (nextReplay.get(channel) || 1);
        const newest = (nextReplay.get(channel) || 1) - 1;
        if (id < oldest - 1 || id > newest) {
          message.error = invalidReplay(id);
          return callback(message);
        }
      }
      // Queue the replayed events now, in the same tick as the subscription, so no live event overtakes them.
      if (id !== -1 && memory()._namespace.exists(message.clientId)) {
        for (const entry of log) {
          if (id === -2 || entry.replayId > id) queueFor(message.clientId, { channel: channel, data: entry.data });
        }
      }
    }
    callback(message);
  },
  outgoing: function (message, request, callback) {
    if (message.channel === '/meta/handshake' && message.successful) {
      message.ext = Object.assign({}, message.ext, { replay: true, payload_format: true });
    }
    if (message.channel === '/meta/handshake' && message.error === '403::Handshake denied') {
      message.ext = { sfdc: { failureReason: '401::Authentication invalid' } };
      message.advice = { reconnect: 'none' };
      delete message.clientId;
    }
    if (message.error === '401::Authentication invalid') {
      message.advice = { reconnect: 'none', interval: 0 };
    }
    if (typeof message.error === 'string' && /^401:[^:]*:Unknown client/.test(message.error)) {
      message.error = '403::Unknown client';
      message.advice = { reconnect: 'handshake', interval: 0 };
    }
    callback(message);
  },
});

function publish(channel, payload) {
  const replayId = nextReplay.get(channel) || 1;
  nextReplay.set(channel, replayId + 1);
  const data = {
    schema: 'schema-' + channel.replace(/\W/g, ''),
    payload: Object.assign({ CreatedDate: new Date().toISOString() }, payload),
    event: { replayId: replayId },
  };
  if (channel.startsWith('/data/')) delete data.payload.CreatedDate;
  if (!logs.has(channel)) logs.set(channel, []);
  logs.get(channel).push({ replayId: replayId, data: data });
  proxy.publish({ channel: channel, data: data });
  return replayId;
}

function readBody(req) {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => resolve(body ? JSON.parse(body) : {}));
  });
}

function answer(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const control = {
  '/control/tokens': (body) => { tokens.add(body.token); return {}; },
  '/control/expire-tokens': () => { tokens.clear(); return {}; },
  '/control/restart': () => {
    // A restarted Salesforce streaming server forgets every client; held long polls are answered empty.
    for (const id of Array.from(clients)) {
      memory().destroyClient(id);
      proxy.flushConnection(id);
    }
    clients.clear();
    return {};
  },
  '/control/publish': (body) => {
    const payloads = body.payloads || Array.from({ length: body.count || 1 }, (_, i) => Object.assign({ Index__c: i }, body.payload || {}));
    const ids = payloads.map((p) => publish(body.channel, p));
    return { first: ids[0], last: ids[ids.length - 1] };
  },
  '/control/purge': (body) => {
    logs.set(body.channel, (logs.get(body.channel) || []).filter((e) => e.replayId >= body.keepFrom));
    return {};
  },
};

const httpServer = http.createServer(async (req, res) => {
  if (req.url === '/control/state' && req.method === 'GET') {
    return answer(res, 200, { clients: clients.size, handshakes: handshakes, subscriptions: subscriptions });
  }
  const action = control[req.url];
  if (action && req.method === 'POST') {
    try {
      return answer(res, 200, action(await readBody(req)));
    } catch (e) {
      return answer(res, 400, { error: String(e) });
    }
  }
  answer(res, 404, { error: 'not found' });
});
bayeux.attach(httpServer);
httpServer.listen(port, '127.0.0.1', () => {
  // Warm-up (peers.md): the first publish of a fresh server must not overtake a burst.
  proxy.publish({ channel: '/event/WarmUp__e', data: { warm: true } });
  console.log('salesforce-faye listening on ' + port);
});
