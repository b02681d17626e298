'use strict';
// Peer 2: Faye's NodeAdapter behind the strict front in common.cjs. Faye holds the first
// /meta/connect for its whole long-poll timeout unless the client asks otherwise, answers an
// unknown client with 401::Unknown client + advice reconnect=handshake, and sets no cookie.
//
//   node peers/faye_server.cjs [--username U] [--password P] [--timeout-ms 20000]

const faye = require('faye');
const {startPeer, MOUNT} = require('./common.cjs');

startPeer('faye', (args, hooks) => {
  const adapter = new faye.NodeAdapter({mount: MOUNT, timeout: args.timeoutMs / 1000});
  // Sessions of HTTP clients only: adapter.getClient() (used by publish) is an in-process
  // client with its own session, and its messages arrive here with request === null.
  const clients = new Set();
  adapter.on('disconnect', clientId => clients.delete(clientId));
  adapter.addExtension({
    incoming(message, request, callback) {
      if (request) hooks.incoming(message, request);
      callback(message);
    },
    outgoing(message, request, callback) {
      if (request && message.channel === '/meta/handshake' && message.successful) clients.add(message.clientId);
      callback(message);
    },
  });
  return {
    handle: (req, res) => adapter.handle(req, res),
    publish: (channel, data) => adapter.getClient().publish(channel, data),
    close: () => { adapter.close(); clients.clear(); },
    sessionCount: () => clients.size,
  };
});
