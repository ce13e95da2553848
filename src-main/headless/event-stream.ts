import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventName } from '../contract/channels';
import type { EventPayload } from '../contract/api';
import type { Core } from '../core/create-core';
import type { EventTarget } from '../core/shared/event-bus';
import type { CoreHost } from '../transport/core-host';
import { eventAudience } from '../transport/event-audience';
import { fail } from '../transport/errors';
import { SECURITY_HEADERS, sendResult } from './http-helpers';

const HEARTBEAT_MS = 25_000;
/** Streams one session may hold (one per browser tab), and one address across its sessions. */
export const MAX_STREAMS_PER_SESSION = 5;
export const MAX_STREAMS_PER_ADDRESS = 20;

/** The streams of one session (each with its address): one permission check per event for all. */
type SessionStreams = { token: string; ip: string | null; streams: Map<ServerResponse, string> };

/**
 * GET /api/events: Server-Sent Events for signed-in browsers. Activity notices (already
 * coalesced by the core's live tail, counting only the entries the session's role may read) and
 * task progress go only to sessions still valid and allowed to read the log, the low-disk notice
 * to every signed-in session; each is checked once per event per session however many streams
 * (tabs) it has. A session may hold a few streams and an address a few more, and the excess is
 * refused with `rate_limited`. When the host switches to another office (first run → demo),
 * every stream ends with `session.ended`: its session belonged to the closed core.
 */
export const createEventStream = (host: CoreHost) => {
  const sessions = new Map<string, SessionStreams>();
  const perAddress = new Map<string, number>();

  const frame = <K extends EventName>(name: K, payload: EventPayload<K>): string =>
    `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;

  /** Stops counting one stream (closed by the browser, or ended here); false if already gone. */
  const release = (s: SessionStreams, res: ServerResponse): boolean => {
    const address = s.streams.get(res);
    if (address === undefined) return false;
    s.streams.delete(res);
    if (s.streams.size === 0 && sessions.get(s.token) === s) sessions.delete(s.token);
    const left = (perAddress.get(address) ?? 1) - 1;
    if (left > 0) perAddress.set(address, left);
    else perAddress.delete(address);
    return true;
  };

  const endSession = (s: SessionStreams, reason: string) => {
    const text = frame('session.ended', { reason });
    for (const res of [...s.streams.keys()]) {
      release(s, res);
      res.end(text);
    }
  };

  /** Sends to every session still signed in that may see the event; ends the others. */
  const forward =
    <K extends 'activity.recorded' | 'task.progress' | 'system.storage' | 'alert.raised'>(
      name: K,
    ) =>
    (payload: EventPayload<K>, to?: EventTarget) => {
      // One frame per payload sent: the sessions that see all of it share one.
      const frames = new Map<EventPayload<K>, string>();
      for (const s of [...sessions.values()]) {
        const where = { ip: s.ip, workstation: null };
        const audience = eventAudience(host.core, s.token, where, name, payload, to);
        if (audience === 'ended') endSession(s, 'Your session has ended.');
        else if (audience !== 'skip') {
          const text = frames.get(audience.send) ?? frame(name, audience.send);
          frames.set(audience.send, text);
          for (const res of s.streams.keys()) res.write(text);
        }
      }
    };

  const subscribe = (core: Core) => [
    core.events.on('activity.recorded', forward('activity.recorded')),
    core.events.on('task.progress', forward('task.progress')),
    core.events.on('system.storage', forward('system.storage')),
    core.events.on('alert.raised', forward('alert.raised')),
  ];
  let unsubscribe = subscribe(host.core);
  const endAll = (reason: string) => {
    for (const s of [...sessions.values()]) endSession(s, reason);
  };
  const offSwitch = host.onSwitch((core) => {
    for (const off of unsubscribe) off();
    endAll('ISP Desk switched to another office. Please sign in again.');
    unsubscribe = subscribe(core);
  });
  const heartbeat = setInterval(() => {
    for (const s of sessions.values()) {
      for (const res of s.streams.keys()) res.write(': keep-alive\n\n');
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    open: (req: IncomingMessage, res: ServerResponse, token: string, ip: string | null) => {
      const address = ip ?? 'unknown';
      const session = sessions.get(token) ?? { token, ip, streams: new Map() };
      const tooMany =
        session.streams.size >= MAX_STREAMS_PER_SESSION
          ? 'session'
          : (perAddress.get(address) ?? 0) >= MAX_STREAMS_PER_ADDRESS
            ? 'address'
            : null;
      if (tooMany) {
        return sendResult(
          res,
          fail(
            'rate_limited',
            `Too many live connections from this ${tooMany}: close other ISP Desk tabs.`,
            { retryAfterSeconds: 30 },
          ),
        );
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      session.streams.set(res, address);
      sessions.set(token, session);
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      req.on('close', () => release(session, res));
    },
    close: () => {
      offSwitch();
      for (const off of unsubscribe) off();
      clearInterval(heartbeat);
      for (const s of [...sessions.values()]) {
        for (const res of [...s.streams.keys()]) {
          release(s, res);
          res.end();
        }
      }
    },
  };
};
