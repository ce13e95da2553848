import { defineEvent } from '../define-event';

export const systemEvents = {
  'system.started': defineEvent<{ version: string; mode: string }>(
    'system',
    'system',
    'success',
    (p) => `ISP Desk ${p.version} started (${p.mode})`,
  ),
  'system.demo_opened': defineEvent<{ from: string }>(
    'user',
    'system',
    'success',
    (p) =>
      `The demo office was opened from the first-run screen at ${p.from}; this office is unchanged`,
  ),
  'system.stopped': defineEvent<{ mode: string }>(
    'system',
    'system',
    'success',
    (p) => `ISP Desk stopped (${p.mode})`,
  ),
};
