import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How long requests in flight at stop (a long export, a sign-in) may take to finish. */
export const STOP_GRACE_MS = 10_000;

/**
 * Stopping an HTTP server without dropping anything: no new connections; idle keep-alive
 * connections are closed; every request in flight is answered, and its connection ended (FIN,
 * never a reset) once nothing more is owed on it; a request that arrives on an open connection
 * meanwhile is refused in words (`admit` returns false and the caller answers `unavailable`,
 * with `Connection: close`). After the grace period whatever is left is cut.
 */
export const createGracefulClose = (server: Server, graceMs = STOP_GRACE_MS) => {
  /** Answers not yet complete, per connection. */
  const owed = new Map<Socket, number>();
  let closing: Promise<void> | null = null;

  return {
    /** Call first for every request; false once stopping. */
    admit: (res: ServerResponse): boolean => {
      const socket = res.socket;
      if (socket) {
        owed.set(socket, (owed.get(socket) ?? 0) + 1);
        res.once('close', () => {
          const left = (owed.get(socket) ?? 1) - 1;
          if (left > 0) return void owed.set(socket, left);
          owed.delete(socket);
          // Graceful: what was written is still delivered, then the connection ends.
          if (closing && !socket.destroyed) socket.end();
        });
      }
      if (closing) res.setHeader('Connection', 'close');
      return closing === null;
    },
    close: (): Promise<void> => {
      closing ??= new Promise<void>((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        cut.unref();
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
};
