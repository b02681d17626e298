'use strict';
// Peer 1: the official CometD server for Node (cometd-nodejs-server) behind the strict front in
// common.cjs. It tracks sessions by its own BAYEUX_BROWSER cookie, answers an unknown session with
// 402::session_unknown + advice reconnect=handshake, and holds /meta/connect for --timeout-ms.
//
//   node peers/cometd_server.cjs [--username U] [--password P] [--timeout-ms 20000]

const cometd = require('cometd-nodejs-server');
const {startPeer} = require('./common.cjs');

startPeer('cometd-nodejs-server', (args, hooks) => {
  const server = cometd.createCometDServer({
    timeout: args.timeoutMs,      // how long /meta/connect is held
    maxInterval: 10000,           // a session without a connect for 10 s expires
  });
  let sessions = 0;
  server.addListener('sessionAdded', () => { sessions += 1; });
  server.addListener('sessionRemoved', () => { sessions -= 1; });
  server.addExtension({
    incoming(cometdServer, session, message, callback) {
      hooks.incoming(message, cometdServer.context.request);
      callback(undefined, true);
    },
  });
  return {
    handle: (req, res) => server.handle(req, res),
    publish: (channel, data) => new Promise((resolve, reject) => {
      server.createServerChannel(channel).publish(null, data, failure => (failure ? reject(failure) : resolve()));
    }),
    close: () => server.close(),
    sessionCount: () => sessions,
  };
});
