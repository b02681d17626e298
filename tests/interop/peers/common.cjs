'use strict';
// Shared HTTP front for the third-party Bayeux servers used by the interop tests.
//
// It plays the part of a strict GWS-like front end around a Bayeux implementation that was not
// written for our client:
//   * the Bayeux endpoint is mounted at /api/v2/notifications (and every subpath of it);
//   * every Bayeux request must carry HTTP Basic credentials, else 401 (no Bayeux body);
//   * a small admin API (no auth, loopback only) lets a test publish, forget all sessions and
//     read what the peer saw:
//       POST /admin/publish {"channel": "/v2/me/outbound", "data": {...}}  -> server-side publish
//       POST /admin/forget                    -> restart the Bayeux server: every session is gone,
//                                                held long polls are cut like a crashed node
//       POST /admin/config {"authBody": "text"|"json"}  -> shape of the 401 body
//       GET  /admin/stats                     -> counters and the meta messages received
//   * with --watch-stdin it exits when its stdin closes (the harness died);
//   * when listening it prints one JSON line on stdout:
//       {"event":"ready","peer":"...","port":N,"url":"http://127.0.0.1:N"}
//
// The Bayeux side is supplied by the caller: makeBayeux(hooks) returns
//   {handle(req, res), publish(channel, data) -> Promise, close(), sessionCount() -> number}
// and calls hooks.incoming(message) for every Bayeux message it receives.

const http = require('node:http');

const MOUNT = '/api/v2/notifications';

function parseArgs(argv) {
  const args = {username: 'agent1', password: 'secret', timeoutMs: 20000, watchStdin: false};
  for (let i = 0; i < argv.length; i += 1) {
    const key = argv[i];
    const value = argv[i + 1];
    if (key === '--username') { args.username = value; i += 1; }
    else if (key === '--password') { args.password = value; i += 1; }
    else if (key === '--timeout-ms') { args.timeoutMs = Number(value); i += 1; }
    else if (key === '--watch-stdin') { args.watchStdin = true; }
    else { throw new Error('unknown argument ' + key); }
  }
  return args;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', chunk => { text += chunk; });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text)});
  res.end(text);
}

function log(peer, ...parts) {
  process.stderr.write(`[${new Date().toISOString()} ${peer}] ${parts.join(' ')}\n`);
}

function startPeer(peer, makeBayeux) {
  const args = parseArgs(process.argv.slice(2));
  const expectedAuth = 'Basic ' + Buffer.from(`${args.username}:${args.password}`).toString('base64');
  const config = {authBody: 'text'};
  const stats = {
    peer,
    timeoutMs: args.timeoutMs,
    bayeuxRequests: 0,
    rejected: 0,
    restarts: 0,
    paths: {},
    meta: [],        // every /meta/* message received: {channel, advice, hasCookie}
    published: 0,
  };
  const inFlight = new Set();  // sockets carrying a Bayeux request that has not been answered yet

  const hooks = {
    incoming(message, req) {
      if (message && typeof message.channel === 'string' && message.channel.startsWith('/meta/')) {
        stats.meta.push({
          channel: message.channel,
          advice: message.advice || null,
          subscription: message.subscription || null,
          cookie: (req && req.headers.cookie) || null,
        });
      }
    },
  };
  let bayeux = makeBayeux(args, hooks);

  function rejectUnauthorized(res) {
    stats.rejected += 1;
    const headers = {'WWW-Authenticate': 'Basic realm="interop"'};
    if (config.authBody === 'json') {
      sendJson(res, 401, {error: 'Unauthorized'});
    } else {
      const text = '401 Unauthorized';
      res.writeHead(401, {...headers, 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text)});
      res.end(text);
    }
  }

  async function admin(req, res, path) {
    if (req.method === 'GET' && path === '/admin/stats') {
      return sendJson(res, 200, {...stats, sessions: bayeux.sessionCount()});
    }
    if (req.method !== 'POST') return sendJson(res, 405, {error: 'POST only'});
    const text = await readBody(req);
    const body = text ? JSON.parse(text) : {};
    if (path === '/admin/publish') {
      if (typeof body.channel !== 'string') return sendJson(res, 400, {error: 'channel missing'});
      await bayeux.publish(body.channel, body.data);
      stats.published += 1;
      return sendJson(res, 200, {ok: true});
    }
    if (path === '/admin/forget') {
      const before = bayeux.sessionCount();
      bayeux.close();
      bayeux = makeBayeux(args, hooks);
      stats.restarts += 1;
      // A restarted node answers nothing it held: cut the held long polls.
      for (const socket of inFlight) socket.destroy();
      inFlight.clear();
      log(peer, `restarted the Bayeux server, ${before} session(s) forgotten`);
      return sendJson(res, 200, {ok: true, forgotten: before});
    }
    if (path === '/admin/config') {
      if (body.authBody === 'text' || body.authBody === 'json') config.authBody = body.authBody;
      return sendJson(res, 200, {ok: true, config});
    }
    return sendJson(res, 404, {error: 'no such admin endpoint'});
  }

  const server = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    if (path.startsWith('/admin/')) {
      admin(req, res, path).catch(error => {
        log(peer, 'admin error', error.stack);
        if (!res.headersSent) sendJson(res, 500, {error: String(error)});
      });
      return;
    }
    if (path !== MOUNT && !path.startsWith(MOUNT + '/')) {
      return sendJson(res, 404, {error: 'not found'});
    }
    stats.bayeuxRequests += 1;
    stats.paths[path] = (stats.paths[path] || 0) + 1;
    if (req.headers.authorization !== expectedAuth) {
      return rejectUnauthorized(res);
    }
    const socket = req.socket;
    inFlight.add(socket);
    res.on('close', () => inFlight.delete(socket));
    bayeux.handle(req, res);
  });
  // Long polls last up to timeoutMs; idle keep-alive sockets should outlive a poll cycle.
  server.keepAliveTimeout = args.timeoutMs + 10000;
  server.headersTimeout = args.timeoutMs + 15000;
  server.requestTimeout = 0;
  server.timeout = 0;

  server.listen(0, '127.0.0.1', () => {
    const port = server.address().port;
    process.stdout.write(JSON.stringify({event: 'ready', peer, port, url: `http://127.0.0.1:${port}`}) + '\n');
    log(peer, `listening on 127.0.0.1:${port}, Bayeux at ${MOUNT}, long-poll timeout ${args.timeoutMs} ms`);
  });

  const stop = () => {
    try { bayeux.close(); } catch (error) { /* already closed */ }
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (args.watchStdin) {
    // The test harness owns us: when it goes away (our stdin closes), go too.
    process.stdin.on('end', stop);
    process.stdin.resume();
  }
}

module.exports = {startPeer, MOUNT, log};
