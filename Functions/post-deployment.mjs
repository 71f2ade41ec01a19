#!/usr/bin/env node
// Tells ReleaseWatch that a deployment finished: the step a deploy pipeline runs right after
// `sf project deploy start`. Node 18+ only, no packages.
//
//   node Functions/post-deployment.mjs --url <base or topic endpoint> --deployment-id <id> \
//     --org-id <00D...> --org-name <name> --environment <env> --version <v> \
//     [--previous-version <v>] [--commit <sha>] [--pipeline-name <name>] [--run-url <url>] \
//     [--policy <name>] [--completed-at <ISO 8601>] [--mode webhook|eventgrid]
//   node Functions/post-deployment.mjs --mode action --url <base> --watch-id <id> \
//     --action abort|extend|approve-revert --actor <who> [--minutes <n>] [--reason <text>]
//
// webhook (default): POST <url>/api/deployments, the body signed with HMAC-SHA256 into
//   X-ReleaseWatch-Signature: sha256=<hex>. Secret: RELEASEWATCH_SIGNING_SECRET. In Azure the
//   function key goes in RELEASEWATCH_FUNCTION_KEY (sent as x-functions-key).
// eventgrid: POST <url> (the topic endpoint) one ReleaseWatch.DeploymentCompleted event in the
//   Event Grid schema, authenticated with RELEASEWATCH_TOPIC_KEY (aeg-sas-key) or
//   RELEASEWATCH_TOPIC_TOKEN (a Microsoft Entra token for https://eventgrid.azure.net).
// action: POST <url>/api/watches/<id>/actions, an operator action signed over its method, path,
//   time and body (README: "Signed operator actions"): X-ReleaseWatch-Timestamp: <Unix seconds> and
//   X-ReleaseWatch-Signature: sha256=<hex HMAC-SHA256 of "POST\n<path>\n<timestamp>\n" + body>.
//   Retries resend the very same signed request; a 409 "replayed" answer to a retry means an earlier
//   attempt was taken, so the action happened exactly once (exit 0).
// Secrets come from the environment only, never from arguments (arguments show in logs).
// Retries network errors, 408, 429 and 5xx with back-off: intake is idempotent per
// (org, deployment), so a repeat never starts a second watch. Exit 0 on 2xx, 1 otherwise.
import { createHmac, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    mode: { type: 'string', default: 'webhook' },
    'deployment-id': { type: 'string' },
    'org-id': { type: 'string' },
    'org-name': { type: 'string' },
    environment: { type: 'string' },
    version: { type: 'string' },
    'previous-version': { type: 'string' },
    commit: { type: 'string' },
    'pipeline-name': { type: 'string' },
    'run-url': { type: 'string' },
    policy: { type: 'string' },
    'completed-at': { type: 'string' },
    attempts: { type: 'string', default: '5' },
    'watch-id': { type: 'string' },
    action: { type: 'string' },
    actor: { type: 'string' },
    minutes: { type: 'string' },
    reason: { type: 'string' },
  },
});

function fail(message) {
  console.error(`post-deployment: ${message}`);
  process.exit(1);
}

if (!['webhook', 'eventgrid', 'action'].includes(args.mode)) fail(`--mode must be webhook, eventgrid or action, not ${args.mode}`);
const required = args.mode === 'action'
  ? ['url', 'watch-id', 'action', 'actor']
  : ['url', 'deployment-id', 'org-id', 'org-name', 'environment', 'version'];
for (const name of required) {
  if (!args[name]) fail(`--${name} is required`);
}
const completedAt = args['completed-at'] ?? new Date().toISOString();
if (Number.isNaN(Date.parse(completedAt))) fail(`--completed-at is not an ISO 8601 time: ${completedAt}`);

// The native webhook body (README: Intake). Optional fields are left out, never sent empty.
const deployment = {
  deploymentId: args['deployment-id'],
  org: { id: args['org-id'], name: args['org-name'], environment: args.environment },
  release: compact({ version: args.version, previousVersion: args['previous-version'], commit: args.commit }),
  completedAt,
  pipeline: compact({ name: args['pipeline-name'], runUrl: args['run-url'] }),
  ...compact({ policy: args.policy }),
};

function compact(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== ''));
}

function webhookRequest() {
  const secret = process.env.RELEASEWATCH_SIGNING_SECRET;
  if (!secret) fail('RELEASEWATCH_SIGNING_SECRET is not set');
  const body = JSON.stringify(deployment);
  // The signature covers exactly the bytes sent.
  const signature = createHmac('sha256', secret).update(body, 'utf8').digest('hex');
  const headers = { 'content-type': 'application/json', 'x-releasewatch-signature': `sha256=${signature}` };
  if (process.env.RELEASEWATCH_FUNCTION_KEY) headers['x-functions-key'] = process.env.RELEASEWATCH_FUNCTION_KEY;
  return { url: `${args.url.replace(/\/+$/, '')}/api/deployments`, headers, body };
}

function actionRequest() {
  const secret = process.env.RELEASEWATCH_SIGNING_SECRET;
  if (!secret) fail('RELEASEWATCH_SIGNING_SECRET is not set');
  const base = new URL(args.url.replace(/\/+$/, ''));
  const path = `${base.pathname.replace(/\/+$/, '')}/api/watches/${encodeURIComponent(args['watch-id'])}/actions`;
  const body = JSON.stringify(compact({
    action: args.action,
    actor: args.actor,
    minutes: args.minutes === undefined ? undefined : Number.parseInt(args.minutes, 10),
    reason: args.reason,
  }));
  const timestamp = Math.floor(Date.now() / 1000).toString();
  // Method, path (with the watch id), time and the exact body bytes: a captured request cannot act on another watch or later.
  const signature = createHmac('sha256', secret).update(`POST\n${path}\n${timestamp}\n${body}`, 'utf8').digest('hex');
  const headers = {
    'content-type': 'application/json',
    'x-releasewatch-timestamp': timestamp,
    'x-releasewatch-signature': `sha256=${signature}`,
  };
  if (process.env.RELEASEWATCH_FUNCTION_KEY) headers['x-functions-key'] = process.env.RELEASEWATCH_FUNCTION_KEY;
  return { url: new URL(path, base).toString(), headers, body };
}

function eventGridRequest() {
  const headers = { 'content-type': 'application/json' };
  if (process.env.RELEASEWATCH_TOPIC_KEY) headers['aeg-sas-key'] = process.env.RELEASEWATCH_TOPIC_KEY;
  else if (process.env.RELEASEWATCH_TOPIC_TOKEN) headers.authorization = `Bearer ${process.env.RELEASEWATCH_TOPIC_TOKEN}`;
  else fail('set RELEASEWATCH_TOPIC_KEY or RELEASEWATCH_TOPIC_TOKEN');
  const event = {
    id: randomUUID(),
    eventType: 'ReleaseWatch.DeploymentCompleted',
    subject: `orgs/${deployment.org.id}/deployments/${deployment.deploymentId}`,
    eventTime: completedAt,
    dataVersion: '1.0',
    data: deployment,
  };
  return { url: args.url, headers, body: JSON.stringify([event]) };
}

const request = { webhook: webhookRequest, eventgrid: eventGridRequest, action: actionRequest }[args.mode]();
const attempts = Math.max(1, Number.parseInt(args.attempts, 10) || 1);

for (let attempt = 1; ; attempt++) {
  let retryable;
  let retryAfter;
  try {
    const response = await fetch(request.url, {
      method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (response.ok) {
      console.log(`post-deployment: ${response.status} from ${request.url}`);
      if (text) console.log(text);
      process.exit(0);
    }
    if (args.mode === 'action' && attempt > 1 && response.status === 409 && text.includes('/problems/replayed')) {
      console.log(`post-deployment: an earlier attempt was taken (${request.url}); the action happened once`);
      process.exit(0);
    }
    retryable = response.status === 408 || response.status === 429 || response.status >= 500;
    retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
    console.error(`post-deployment: ${response.status} from ${request.url}: ${text}`);
  } catch (error) {
    retryable = true;
    console.error(`post-deployment: ${request.url}: ${error.cause?.message ?? error.message}`);
  }
  if (!retryable || attempt >= attempts) process.exit(1);
  const backOff = Math.min(30_000, 500 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
  const delay = Number.isFinite(retryAfter) ? Math.min(60_000, retryAfter * 1000) : backOff;
  await new Promise((resolve) => setTimeout(resolve, delay));
}
