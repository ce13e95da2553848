import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Connections one address may hold open at once. A workstation's browser uses about six, plus one
 * live-update stream per tab (at most 20 an address); a flood beyond this is cut as it is
 * accepted, before a byte of it is read, so that its requests never queue in front of everyone
 * else's.
 */
export const MAX_CONNECTIONS_PER_ADDRESS = 32;

/** Closes each connection beyond `max` open ones from the same address as soon as it arrives. */
export const capConnectionsPerAddress = (server: Server, max = MAX_CONNECTIONS_PER_ADDRESS) => {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= max) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
};
