// A standard CometD client (the official `cometd` JavaScript library on `cometd-nodejs-client`'s
// XMLHttpRequest adapter, long-polling only) playing an agent against a GWS-like server:
//
//   1. GET  /api/v2/me?subresources=*   Basic auth; keeps the cookies, the CSRF header/token, the device
//   2. CometD handshake on /api/v2/notifications (Basic auth + the same cookies), subscribe /v2/me/*,
//      and a listener (no subscription) for /me/internal, where GWS delivers the companion message
//   3. POST /api/v2/me StartContactCenterSession → collects the PreviewRecords pushed on /v2/me/outbound
//   4. POST /api/v2/me/outbound-records/<handle> RescheduleRecord (a future time inside the record's
//      calling window, in its contact_time_zone) with a referenceId
//   5. waits for the acknowledgement with that referenceId and the /me/internal companion, disconnects
//
// It prints one JSON line per step and per message received ({"event": ...}); the last line is
// {"event":"done","ok":true|false,...}. Exit code 0 only when everything arrived.
//
//   node peers/cometd_client.mjs --url http://127.0.0.1:PORT --username agent1 --password PW
//        [--deadline-ms 25000] [--quiet-ms 700] [--reference-id ID] [--forget-url URL]
//
// With --forget-url, after the records have come it POSTs that URL (a test hook of the server that
// makes it forget every CometD session) and waits until the library has re-handshaken by itself
// (following the server's advice) and the handshake listener has subscribed again, before the
// reschedule. Subscribing from a /meta/handshake listener is the documented CometD pattern: the
// library drops subscriptions on every handshake.
//
// Written from the public Bayeux/CometD and GWS documentation (tests/wire_samples,
// shared/reference/gws-api.md); it knows nothing about the simulator's code.

import {adapt} from 'cometd-nodejs-client';
import {CometD} from 'cometd';

function parseArgs(argv) {
  const args = {deadlineMs: 25000, quietMs: 700, referenceId: `interop-${process.pid}-${Date.now()}`, forgetUrl: null};
  for (let i = 0; i < argv.length; i += 1) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (key === '--url') args.url = value.replace(/\/+$/, '');
    else if (key === '--username') args.username = value;
    else if (key === '--password') args.password = value;
    else if (key === '--deadline-ms') args.deadlineMs = Number(value);
    else if (key === '--quiet-ms') args.quietMs = Number(value);
    else if (key === '--reference-id') args.referenceId = value;
    else if (key === '--forget-url') args.forgetUrl = value;
    else throw new Error(`unknown argument ${key}`);
    i += 1;
  }
  for (const needed of ['url', 'username', 'password']) {
    if (!args[needed]) throw new Error(`--${needed} is required`);
  }
  return args;
}

const emit = line => process.stdout.write(JSON.stringify(line) + '\n');

class StageError extends Error {
  constructor(stage, detail) {
    super(`${stage}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
    this.stage = stage;
    this.detail = detail;
  }
}

// -- one cookie jar for fetch and for CometD, as a browser has for one origin ---------------------
class CookieJar {
  #cookies = new Map();

  store(setCookieHeader) {
    const nameValue = setCookieHeader.split(';')[0].trim();
    const equal = nameValue.indexOf('=');
    if (equal > 0) this.#cookies.set(nameValue.slice(0, equal), nameValue.slice(equal + 1));
  }

  storeFrom(response) {
    for (const header of response.headers.getSetCookie()) this.store(header);
  }

  header() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  names() {
    return [...this.#cookies.keys()];
  }
}

// -- REST -------------------------------------------------------------------------------------------
class Gws {
  constructor(args, jar) {
    this.base = args.url;
    this.jar = jar;
    this.authorization = 'Basic ' + Buffer.from(`${args.username}:${args.password}`).toString('base64');
    this.csrf = null;  // {header, token}
  }

  async request(method, path, body) {
    const headers = {Authorization: this.authorization, Accept: 'application/json'};
    const cookie = this.jar.header();
    if (cookie) headers.Cookie = cookie;
    if (method !== 'GET' && this.csrf) headers[this.csrf.header] = this.csrf.token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(this.base + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.jar.storeFrom(response);
    const header = response.headers.get('X-CSRF-HEADER');
    const token = response.headers.get('X-CSRF-TOKEN');
    if (header && token) this.csrf = {header, token};
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return {status: response.status, json, text};
  }
}

// -- time: a future instant inside the record's daily window, in the contact's zone -----------------
function secondsOfDayIn(zone, date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(date);
  const get = type => Number(parts.find(p => p.type === type).value);
  return get('hour') * 3600 + get('minute') * 60 + get('second');
}

function rescheduleTime(userData) {
  const zone = userData.contact_time_zone;
  const from = Number(userData.GSW_FROM);
  const until = Number(userData.GSW_UNTIL);
  if (!zone || !Number.isFinite(from) || !Number.isFinite(until) || until <= from) {
    throw new StageError('pick-time', {reason: 'record without a usable window', zone, from, until});
  }
  const margin = Math.min(600, Math.floor((until - from) / 4));
  // From 10 minutes ahead, on a 5-minute grid, for up to 3 days: the first instant well inside the window.
  let t = Math.ceil((Date.now() / 1000 + 600) / 300) * 300;
  for (let steps = 0; steps < 3 * 288; steps += 1, t += 300) {
    const local = secondsOfDayIn(zone, new Date(t * 1000));
    if (local >= from + margin && local <= until - margin) return {timestamp: t, zone, localSeconds: local};
  }
  throw new StageError('pick-time', {reason: 'no instant inside the window in 3 days', zone, from, until});
}

// -- CometD -----------------------------------------------------------------------------------------
function makeCometD(args, gws, jar) {
  adapt({
    cookies: {
      storeCookie(uri, header, callback) { jar.store(header); callback(); },
      retrieveCookies(context, uri, callback) {
        callback(null, jar.names().length ? [jar.header()] : []);
      },
    },
  });
  const cometd = new CometD();
  cometd.unregisterTransport('websocket');        // GWS 8.5 speaks long-polling only
  cometd.unregisterTransport('callback-polling');
  cometd.configure({
    url: `${args.url}/api/v2/notifications`,
    requestHeaders: {Authorization: gws.authorization},
    logLevel: 'warn',
    maxNetworkDelay: 10000,
  });
  return cometd;
}

const call = (fn, ...params) => new Promise(resolve => fn(...params, resolve));

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const jar = new CookieJar();
  const gws = new Gws(args, jar);
  const records = [];
  const received = [];
  const waiters = new Set();
  const notify = () => { for (const w of [...waiters]) w(); };

  // Resolves when predicate() is true; rejects after ms.
  const until = (stage, predicate, ms) => new Promise((resolve, reject) => {
    const check = () => {
      const value = predicate();
      if (value) { waiters.delete(check); clearTimeout(timer); resolve(value); }
    };
    const timer = setTimeout(() => { waiters.delete(check); reject(new StageError(stage, `nothing within ${ms} ms`)); }, ms);
    waiters.add(check);
    check();
  });
  const started = Date.now();
  const remaining = () => Math.max(0, args.deadlineMs - (Date.now() - started));

  // 1. login
  const me = await gws.request('GET', '/api/v2/me?subresources=*');
  if (me.status !== 200 || !me.json || me.json.statusCode !== 0) throw new StageError('login', {status: me.status, body: me.text.slice(0, 300)});
  const devices = (me.json.user && me.json.user.devices) || [];
  const device = devices.find(d => d.deviceState === 'Active') || devices[0];
  if (!device) throw new StageError('login', 'the user has no device');
  const devicePath = `/devices/${device.id}`;
  emit({event: 'login', status: me.status, user: me.json.user.userName, devicePath,
        cookies: jar.names(), csrfHeader: gws.csrf && gws.csrf.header});

  // 2. CometD
  const cometd = makeCometD(args, gws, jar);
  const onMessage = message => {
    received.push(message);
    emit({event: 'message', channel: message.channel, data: message.data});
    const data = message.data || {};
    if (message.channel === '/v2/me/outbound' && data.notificationType === 'PreviewRecord') {
      records.push({at: Date.now(), record: data.record});
      emit({event: 'record', recordHandle: data.record && data.record.recordHandle,
            applicationId: data.record && data.record.applicationId, campaignName: data.record && data.record.campaignName});
    }
    notify();
  };
  const handshakes = [];
  const subscriptions = [];
  cometd.addListener('/meta/unsuccessful', message => emit({event: 'meta-unsuccessful', message}));
  cometd.addListener('/me/internal', onMessage);  // delivered to the session, not subscribed
  cometd.addListener('/meta/handshake', message => {
    handshakes.push(message);
    emit({event: 'handshake', successful: message.successful, reestablish: Boolean(message.reestablish),
          clientId: message.clientId || null, transport: cometd.getTransport() && cometd.getTransport().type,
          error: message.error || null,
          failure: message.failure ? String(message.failure.reason || message.failure.httpCode || '') : null});
    if (message.successful) {
      cometd.subscribe('/v2/me/*', onMessage, reply => {
        subscriptions.push({...reply, afterHandshake: handshakes.length});
        emit({event: 'subscribed', successful: reply.successful, subscription: reply.subscription,
              reestablish: Boolean(message.reestablish), error: reply.error || null});
        notify();
      });
    }
    notify();
  });
  const handshake = await call((cb) => cometd.handshake(cb));
  if (!handshake.successful) throw new StageError('handshake', handshake);
  const subscribed = await until('subscribe', () => subscriptions.find(r => r.afterHandshake === 1), remaining());
  if (!subscribed.successful) throw new StageError('subscribe', subscribed);

  try {
    // 3. contact-center session → PreviewRecords
    const start = await gws.request('POST', '/api/v2/me', {operationName: 'StartContactCenterSession', channels: ['voice']});
    emit({event: 'session-started', status: start.status, body: start.json || start.text.slice(0, 300)});
    if (start.status !== 200 || !start.json || start.json.statusCode !== 0) throw new StageError('start-session', start);
    await until('preview-records', () => records.length > 0, remaining());
    // The campaign pushes a batch: wait until it has been quiet for a moment (bounded by the deadline).
    await new Promise(resolve => {
      const tick = () => {
        const quiet = Date.now() - records[records.length - 1].at >= args.quietMs;
        if (quiet || remaining() === 0) resolve(); else setTimeout(tick, 50);
      };
      tick();
    });
    emit({event: 'records', count: records.length});

    if (args.forgetUrl) {
      const forgot = await fetch(args.forgetUrl, {method: 'POST'});
      emit({event: 'forgot', status: forgot.status, body: (await forgot.text()).slice(0, 300)});
      if (!forgot.ok) throw new StageError('forget', forgot.status);
      const before = handshakes.length;
      const renewed = await until('rehandshake', () => subscriptions.find(r => r.afterHandshake > before && r.successful), remaining());
      emit({event: 'renewed', handshakes: handshakes.length, afterHandshake: renewed.afterHandshake});
    }

    // 4. reschedule one record
    const usable = records.map(r => r.record).find(r => r && r.recordHandle !== undefined && r.userData
      && r.userData.contact_time_zone && r.userData.GSW_FROM !== undefined && r.userData.GSW_UNTIL !== undefined);
    if (!usable) throw new StageError('pick-record', 'no PreviewRecord with handle, zone and window');
    const when = rescheduleTime(usable.userData);
    const body = {
      operationName: 'RescheduleRecord',
      applicationId: usable.applicationId,
      campaignName: usable.campaignName,
      callbackType: 'Personal',
      timestamp: when.timestamp,
      devicePath,
      referenceId: args.referenceId,
    };
    const posted = await gws.request('POST', `/api/v2/me/outbound-records/${usable.recordHandle}`, body);
    emit({event: 'reschedule-sent', recordHandle: usable.recordHandle, body, zone: when.zone,
          localSecondsOfDay: when.localSeconds, status: posted.status, reply: posted.json || posted.text.slice(0, 300)});
    if (posted.status !== 200 || !posted.json || posted.json.statusCode !== 0) throw new StageError('reschedule', posted);

    // 5. the acknowledgement (by referenceId) and its companion
    const ack = await until('acknowledgement', () => received.find(m => m.channel === '/v2/me/outbound'
      && m.data && m.data.referenceId === args.referenceId), remaining());
    emit({event: 'ack', notificationType: ack.data.notificationType, referenceId: ack.data.referenceId, record: ack.data.record});
    const companion = await until('companion', () => received.find(m => m.channel === '/me/internal'
      && m.data && m.data.userData && String(m.data.userData.GSW_RECORD_HANDLE) === String(usable.recordHandle)), remaining());
    emit({event: 'companion', messageType: companion.data.messageType, userData: companion.data.userData,
          afterAck: received.indexOf(companion) > received.indexOf(ack)});
  } finally {
    const bye = await Promise.race([
      call((cb) => cometd.disconnect(cb)),
      new Promise(resolve => setTimeout(() => resolve({successful: false, error: 'no disconnect reply in 5 s'}), 5000)),
    ]);
    emit({event: 'disconnected', successful: bye.successful, status: cometd.getStatus(), error: bye.error || null});
  }
}

main().then(
  () => { emit({event: 'done', ok: true}); process.exit(0); },
  error => {
    emit({event: 'done', ok: false, stage: error.stage || 'internal', detail: error.detail || null, error: String(error.stack || error)});
    process.exit(1);
  },
);
