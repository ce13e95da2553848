import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventName } from '../contract/channels';
import type { EventPayload } from '../contract/api';
import type { Core } from '../core/create-core';
import { SECURITY_HEADERS } from './http-helpers';

const HEARTBEAT_MS = 25_000;
const BATCH_MS = 500;

type Client = { res: ServerResponse; token: string; ip: string | null };

/**
 * GET /api/events: Server-Sent Events for signed-in browsers. Activity notifications are
 * coalesced to at most two a second; each is sent only to clients whose session is still valid
 * and allowed to read the log.
 */
export const createEventStream = (core: Core) => {
  const clients = new Set<Client>();
  let pending: EventPayload<'activity.recorded'> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const send = <K extends EventName>(c: Client, name: K, payload: EventPayload<K>) => {
    c.res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  };

  const flush = () => {
    timer = null;
    const batch = pending;
    pending = null;
    if (!batch) return;
    for (const c of clients) {
      const meta = { ip: c.ip, workstation: null, correlationId: 'events' };
      const user = core.services.guard.current(c.token, meta);
      if (!user) {
        send(c, 'session.ended', { reason: 'Your session has ended.' });
        c.res.end();
        clients.delete(c);
      } else if (user.permissions.includes('activity.read')) {
        send(c, 'activity.recorded', batch);
      }
    }
  };

  const unsubscribe = core.events.on('activity.recorded', (p) => {
    pending = { lastId: p.lastId, count: (pending?.count ?? 0) + p.count };
    timer ??= setTimeout(flush, BATCH_MS);
  });
  const heartbeat = setInterval(() => {
    for (const c of clients) c.res.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    open: (req: IncomingMessage, res: ServerResponse, token: string, ip: string | null) => {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      const client = { res, token, ip };
      clients.add(client);
      req.on('close', () => clients.delete(client));
    },
    close: () => {
      unsubscribe();
      clearInterval(heartbeat);
      if (timer) clearTimeout(timer);
      for (const c of clients) c.res.end();
      clients.clear();
    },
  };
};
