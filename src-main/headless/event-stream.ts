import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventName } from '../contract/channels';
import type { EventPayload } from '../contract/api';
import type { Core } from '../core/create-core';
import type { CoreHost } from '../transport/core-host';
import { eventAudience } from '../transport/event-audience';
import { SECURITY_HEADERS } from './http-helpers';

const HEARTBEAT_MS = 25_000;

type Client = { res: ServerResponse; token: string; ip: string | null };

/**
 * GET /api/events: Server-Sent Events for signed-in browsers. Activity notices (already
 * coalesced by the core's live tail) and task progress go only to clients whose session is
 * still valid and allowed to read the log. When the host switches to another office (first run →
 * demo), every stream ends with `session.ended`: its session belonged to the closed core.
 */
export const createEventStream = (host: CoreHost) => {
  const clients = new Set<Client>();

  const send = <K extends EventName>(c: Client, name: K, payload: EventPayload<K>) => {
    c.res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  };

  /** Sends to every client still signed in and allowed to read the log; drops the others. */
  const forward =
    <K extends 'activity.recorded' | 'task.progress'>(name: K) =>
    (payload: EventPayload<K>) => {
      for (const c of clients) {
        const audience = eventAudience(host.core, c.token, { ip: c.ip, workstation: null });
        if (audience === 'ended') {
          send(c, 'session.ended', { reason: 'Your session has ended.' });
          c.res.end();
          clients.delete(c);
        } else if (audience === 'send') {
          send(c, name, payload);
        }
      }
    };

  const subscribe = (core: Core) => [
    core.events.on('activity.recorded', forward('activity.recorded')),
    core.events.on('task.progress', forward('task.progress')),
  ];
  let unsubscribe = subscribe(host.core);
  const endAll = (reason: string) => {
    for (const c of clients) {
      send(c, 'session.ended', { reason });
      c.res.end();
    }
    clients.clear();
  };
  const offSwitch = host.onSwitch((core) => {
    for (const off of unsubscribe) off();
    endAll('ISP Desk switched to another office. Please sign in again.');
    unsubscribe = subscribe(core);
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
      offSwitch();
      for (const off of unsubscribe) off();
      clearInterval(heartbeat);
      for (const c of clients) c.res.end();
      clients.clear();
    },
  };
};
