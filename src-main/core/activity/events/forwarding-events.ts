import { defineEvent } from '../define-event';

/** Forwarding the log to the office's syslog receiver (core/forwarding). */
export const forwardingEvents = {
  'forwarding.settings_updated': defineEvent<{ by: string; changes: string }>(
    'administrative',
    'audit',
    'success',
    (p) => `${p.by} changed log forwarding: ${p.changes}`,
  ),
  'forwarding.interrupted': defineEvent<{ target: string; error: string }>(
    'system',
    'system',
    'failure',
    (p) =>
      `Forwarding the activity log to ${p.target} stopped: ${p.error}; it retries and catches up when the receiver answers`,
  ),
  'forwarding.resumed': defineEvent<{ target: string; upTo: number }>(
    'system',
    'system',
    'success',
    (p) =>
      `Forwarding the activity log to ${p.target} works again (sent up to entry ${String(p.upTo)})`,
  ),
  'forwarding.behind': defineEvent<{ target: string; entries: number; minutes: number }>(
    'system',
    'system',
    'failure',
    (p) =>
      `Forwarding the activity log to ${p.target} is behind: ${String(p.entries)} ${p.entries === 1 ? 'entry' : 'entries'} not sent, the oldest ${String(p.minutes)} ${p.minutes === 1 ? 'minute' : 'minutes'} old`,
  ),
  'forwarding.caught_up': defineEvent<{ target: string }>(
    'system',
    'system',
    'success',
    (p) => `Forwarding the activity log to ${p.target} has caught up`,
  ),
};
