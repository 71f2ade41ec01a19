'use strict';
// A Salesforce Streaming API stand-in for tests: Faye (a real Bayeux server) plus Salesforce's behaviour, and,
// on demand, the ways a misbehaving Salesforce (or the network in front of it) can answer.
//
// What Salesforce documents, and what this server does by default:
// - Bearer token on every request. A bad token on /meta/handshake -> "403::Handshake denied" with
//   ext.sfdc.failureReason "401::Authentication invalid" and advice.reconnect "none"; on /meta/connect ->
//   "401::Authentication invalid" with advice {reconnect: "none", interval: 0}.
//   (Streaming API Developer Guide, "Handling Streaming API Errors":
//   developer.salesforce.com/docs/atlas.en-us.api_streaming.meta/api_streaming/streaming_handling_errors.htm)
// - "403::Unknown client" once the server has forgotten a client (it timed the client out, or restarted); the
//   client must handshake again (same page, "403 Unknown Client Error"). Salesforce runs a modified CometD 3 with
//   its own codes (403 where CometD says 402: github.com/cometd/cometd/issues/2480), so Faye's
//   "401:<id>:Unknown client" is rewritten to Salesforce's text and advice {reconnect: "handshake", interval: 0}.
// - Replay extension over a stored event log: ext.replay {channel: replayId}; -1 new only, -2 all retained; an
//   unknown or purged id -> "400::The replayId {N} you provided was invalid.  Please provide a valid ID, -2 to
//   replay all events, or -1 to replay only new events." on /meta/subscribe ("Streaming API Error Codes":
//   .../api_streaming/streaming_error_codes.htm). Replay ids are per channel and ascending here; Salesforce
//   documents them as opaque and not contiguous ("Event Message Durability", 72 h retention).
// - Long polls: advice.timeout is how long the server holds a /meta/connect (Salesforce: 110 s, "Clients and
//   Timeouts": .../api_streaming/using_streaming_api_timeouts.htm and "How the Client Connects"); here 5 s.
// - Platform event and CDC messages in Salesforce's shape; queued events are delivered in one batch, in order.
//
// Misbehaviour on demand (POST /control/misbehave with any of these; it replaces the previous set, {} ends it):
// - connect "unknown-client": every /meta/connect forgets the client and answers 403::Unknown client in the
//   usual shape (with channel and id), so every handshake + subscribe is followed by the same refusal.
// - connect "unknown-client-literal": the same, in the literal shape quoted from Salesforce's documentation in
//   issue 18, with no channel, id or clientId:
//   {"error":"403::Unknown client","successful":false,"advice":{"interval":0,"reconnect":"handshake"}}
//   (a client log quoting the same reply with a channel: openillumi.com/en/en-salesforce-streaming-api-403-fix-cometd-subscribe).
// - connect "hang": /meta/connect is never answered (a proxy or a stuck server node); held polls are released
//   when the misbehaviour ends.
// - handshake "busy" / connect "busy": "401::Authentication invalid" whose ext.sfdc.failureReason is
//   "503::Server is too busy" (the failure reason names the real cause; the error text is the generic 401).
// - replayError "no-channel": the invalid-replayId reply to /meta/subscribe carries no channel field.
// - flush: true answers the polls held now, so the next /meta/connect meets the new behaviour at once.
// Other control calls: POST /control/outage {on, forget = true}: every Bayeux request answers HTTP 503 while on
// (and the server forgets its clients, as after a restart); /control/publish {channel, payload | payloads, count,
// order: "shuffled" | "descending", seed, toEveryClient}: order delivers the events as one batch in that order
// (their replay ids and the log stay in publication order), toEveryClient also delivers them to clients that did
// not subscribe the channel; /control/tokens {token}, /control/expire-tokens, /control/restart,
// /control/purge {channel, keepFrom}; GET /control/state: clients, handshakes, subscriptions, requests per meta
// channel, the busiest second's Bayeux request count (peakRequestsPerSecond), polls held by "hang".
// Real-Time Event Monitoring (Shield / Event Monitoring add-on): events on /event/LightningUriEventStream,
// /event/ApiEventStream and /event/ConcurLongRunApexErrEvent get the fields of their documented shapes (Platform
// Events Developer Guide, "LightningUriEventStream", "ApiEventStream", "ConcurLongRunApexErrEvent"), with the
// published payload's fields winning.
// REST limits: GET /services/data/vXX.X/limits (bearer token) answers the org's limits as {Name: {Max, Remaining}}
// (REST API Developer Guide, "List Org Limits"); POST /control/limits {limits?, fail?: "request-limit" | "malformed"
// | "server-error" | null} replaces them or makes the next answers fail: "request-limit" is Salesforce's HTTP 403
// [{"errorCode": "REQUEST_LIMIT_EXCEEDED", ...}]. GET /control/state counts limits requests (limitsRequests).
const crypto = require('crypto');
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
let handshakes = 0;
let subscriptions = 0;
let misbehave = {};
let outage = false;
const hung = [];             // [{message, callback}] polls held by connect "hang"
const requests = {};         // meta channel -> messages seen
const perSecond = new Map(); // unix second -> Bayeux HTTP requests
let peakRequestsPerSecond = 0;
let rejected = 0;            // requests answered 503 during an outage
let limitsRequests = 0;      // GET .../limits answered (any status)
let limitsFail = null;       // null | "request-limit" | "malformed" | "server-error"
let limits = {
  ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 },
  DailyApiRequests: { Max: 15000, Remaining: 14998 },
  DailyAsyncApexExecutions: { Max: 250000, Remaining: 250000 },
  DailyBulkApiBatches: { Max: 15000, Remaining: 15000 },
  DailyDurableStreamingApiEvents: { Max: 10000, Remaining: 10000 },
  DailyStandardVolumePlatformEvents: { Max: 10000, Remaining: 10000 },
  DailyWorkflowEmails: { Max: 390, Remaining: 390 },
  DataStorageMB: { Max: 5, Remaining: 5 },
  FileStorageMB: { Max: 20, Remaining: 20 },
  HourlyTimeBasedWorkflow: { Max: 50, Remaining: 50 },
  SingleEmail: { Max: 15, Remaining: 15 },
  StreamingApiConcurrentClients: { Max: 20, Remaining: 20 },
};

function eventMonitoringFields(channel, now) {
  const common = {
    EventDate: now, EventIdentifier: crypto.randomUUID(), EventUuid: crypto.randomUUID(),
    UserId: '005000000000001AAA', Username: 'integration@example.com', SessionKey: 'vMASKIU6AxEr+Op5', LoginKey: 'QfNecrLXSII6fsBq',
  };
  switch (channel) {
    case '/event/LightningUriEventStream':
      return Object.assign(common, {
        AppName: 'one:one', Operation: 'Read', QueriedEntities: 'Opportunity', RecordId: '006000000000001AAA',
        EffectivePageTime: 900, HasEffectivePageTimeDeviation: false, EffectivePageTimeDeviationReason: null,
        EffectivePageTimeDeviationErrorType: null, DeviceSessionId: crypto.randomUUID(), SourceIp: '203.0.113.7',
      });
    case '/event/ApiEventStream':
      return Object.assign(common, {
        ApiType: 'SOAP Partner', ApiVersion: 60.0, Application: 'N/A', Client: 'N/A', ElapsedTime: 120, Operation: 'Query',
        Query: 'SELECT Id FROM Account', QueriedEntities: 'Account', RowsProcessed: 1, SourceIp: '203.0.113.7',
      });
    case '/event/ConcurLongRunApexErrEvent':
      return Object.assign(common, { CurrentValue: 10, LimitValue: 10, Quiddity: 'R', RequestUri: '/apex/OpportunityDiscount', RequestId: 'TID:1234567890' });
    default:
      return {};
  }
}

function answerLimits(req, res) {
  limitsRequests++;
  const token = bearer(req);
  if (token === null || !tokens.has(token)) {
    return answer(res, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
  }
  if (limitsFail === 'request-limit') {
    return answer(res, 403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
  }
  if (limitsFail === 'server-error') {
    return answer(res, 500, [{ message: 'An unexpected error occurred.', errorCode: 'UNKNOWN_EXCEPTION' }]);
  }
  if (limitsFail === 'malformed') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return res.end('{"DailyApiRequests": {"Max": ');
  }
  return answer(res, 200, limits);
}

const UNKNOWN_CLIENT_LITERAL = { error: '403::Unknown client', successful: false, advice: { interval: 0, reconnect: 'handshake' } };
const BUSY = '503::Server is too busy';

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
}

function invalidReplay(id) {
  return '400::The replayId {' + id + '} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.';
}

function countRequest() {
  const second = Math.floor(Date.now() / 1000);
  const count = (perSecond.get(second) || 0) + 1;
  perSecond.set(second, count);
  peakRequestsPerSecond = Math.max(peakRequestsPerSecond, count);
  for (const old of perSecond.keys()) if (old < second - 5) perSecond.delete(old);
}

function forgetAll() {
  // A restarted Salesforce streaming server forgets every client; held long polls are answered empty.
  for (const id of Array.from(clients)) {
    memory().destroyClient(id);
    proxy.flushConnection(id);
  }
  clients.clear();
}

function flushPolls() {
  for (const id of Array.from(clients)) proxy.flushConnection(id);
}

function releaseHung() {
  for (const held of hung.splice(0)) held.callback(held.message);
}

bayeux.addExtension({
  incoming: function (message, request, callback) {
    if (!request) return callback(message); // the server's own publisher
    if (message.channel.startsWith('/meta/')) requests[message.channel] = (requests[message.channel] || 0) + 1;
    const token = bearer(request);
    const authorised = token !== null && tokens.has(token);
    if (message.channel === '/meta/handshake' && !authorised) {
      message.error = '403::Handshake denied';
      return callback(message);
    }
    if (message.channel.startsWith('/meta/') && message.channel !== '/meta/handshake' && !authorised) {
      message.error = '401::Authentication invalid';
      return callback(message);
    }
    if (message.channel === '/meta/handshake' && misbehave.handshake === 'busy') {
      message.error = BUSY;
      return callback(message);
    }
    if (message.channel === '/meta/connect') {
      if (misbehave.connect === 'busy') {
        message.error = BUSY;
        return callback(message);
      }
      if (misbehave.connect === 'unknown-client' || misbehave.connect === 'unknown-client-literal') {
        memory().destroyClient(message.clientId); // Faye then answers its own "Unknown client", rewritten below
        return callback(message);
      }
      if (misbehave.connect === 'hang') {
        hung.push({ message: message, callback: callback });
        return undefined;
      }
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
        memory().emptyQueue(message.clientId);
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
    if (message.error === BUSY) {
      message.error = '401::Authentication invalid';
      message.ext = { sfdc: { failureReason: BUSY } };
      message.advice = { reconnect: 'none', interval: 0 };
      delete message.clientId;
    } else if (message.error === '401::Authentication invalid') {
      message.advice = { reconnect: 'none', interval: 0 };
    }
    if (typeof message.error === 'string' && /^401:[^:]*:Unknown client/.test(message.error)) {
      if (message.channel === '/meta/connect' && misbehave.connect === 'unknown-client-literal') {
        return callback(Object.assign({}, UNKNOWN_CLIENT_LITERAL, { advice: Object.assign({}, UNKNOWN_CLIENT_LITERAL.advice) }));
      }
      message.error = '403::Unknown client';
      message.advice = { reconnect: 'handshake', interval: 0 };
    }
    if (message.channel === '/meta/subscribe' && misbehave.replayError === 'no-channel'
        && typeof message.error === 'string' && message.error.startsWith('400::The replayId')) {
      delete message.channel;
    }
    callback(message);
  },
});

function record(channel, payload) {
  const replayId = nextReplay.get(channel) || 1;
  nextReplay.set(channel, replayId + 1);
  const data = {
    schema: 'schema-' + channel.replace(/\W/g, ''),
    payload: Object.assign({ CreatedDate: new Date().toISOString() }, eventMonitoringFields(channel, new Date().toISOString()), payload),
    event: { replayId: replayId },
  };
  if (channel.startsWith('/data/')) delete data.payload.CreatedDate;
  if (!logs.has(channel)) logs.set(channel, []);
  logs.get(channel).push({ replayId: replayId, data: data });
  return { channel: channel, data: data };
}

// A small seeded generator (mulberry32), so a shuffled batch is the same on every run of a test.
function seeded(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ordered(messages, order, seed) {
  const result = messages.slice();
  if (order === 'descending') return result.reverse();
  if (order === 'shuffled') {
    const random = seeded(seed === undefined ? 1 : seed);
    for (let i = result.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [result[i], result[j]] = [result[j], result[i]];
    }
  }
  return result;
}

function publish(body) {
  const payloads = body.payloads || Array.from({ length: body.count || 1 }, (_, i) => Object.assign({ Index__c: i }, body.payload || {}));
  const messages = payloads.map((p) => record(body.channel, p));
  if (!body.order && !body.toEveryClient) {
    for (const message of messages) proxy.publish(message);
  } else {
    // Queued for each target at once and flushed once: one delivered batch, in the requested order.
    const subscribed = memory()._channels.get(body.channel);
    const targets = body.toEveryClient ? Array.from(clients) : (subscribed ? Array.from(subscribed) : []);
    for (const clientId of targets) {
      for (const message of ordered(messages, body.order, body.seed)) queueFor(clientId, JSON.parse(JSON.stringify(message)));
      memory().emptyQueue(clientId);
    }
  }
  return { first: messages[0].data.event.replayId, last: messages[messages.length - 1].data.event.replayId };
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
  '/control/restart': () => { forgetAll(); return {}; },
  '/control/publish': publish,
  '/control/limits': (body) => {
    if (body.limits) limits = body.limits;
    limitsFail = body.fail || null;
    return {};
  },
  '/control/purge': (body) => {
    logs.set(body.channel, (logs.get(body.channel) || []).filter((e) => e.replayId >= body.keepFrom));
    return {};
  },
  '/control/misbehave': (body) => {
    misbehave = Object.assign({}, body);
    delete misbehave.flush;
    if (misbehave.connect !== 'hang') releaseHung();
    if (body.flush) flushPolls();
    return { misbehave: misbehave };
  },
  '/control/outage': (body) => {
    outage = !!body.on;
    if (outage && body.forget !== false) forgetAll();
    return { outage: outage };
  },
};

function state() {
  return {
    clients: clients.size,
    handshakes: handshakes,
    subscriptions: subscriptions,
    requests: requests,
    peakRequestsPerSecond: peakRequestsPerSecond,
    rejected: rejected,
    heldConnects: hung.length,
    limitsRequests: limitsRequests,
  };
}

const httpServer = http.createServer(async (req, res) => {
  if (bayeux.check(req)) {
    countRequest();
    if (outage) {
      rejected++;
      req.resume();
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      return res.end('Service Unavailable');
    }
    return bayeux.handle(req, res);
  }
  if (/^\/services\/data\/v\d+\.\d+\/limits\/?$/.test(req.url) && req.method === 'GET') {
    return answerLimits(req, res);
  }
  if (req.url === '/control/state' && req.method === 'GET') {
    return answer(res, 200, state());
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
httpServer.listen(port, '127.0.0.1', () => {
  // Warm-up (peers.md): the first publish of a fresh server must not overtake a burst.
  proxy.publish({ channel: '/event/WarmUp__e', data: { warm: true } });
  console.log('salesforce-faye listening on ' + port);
});
