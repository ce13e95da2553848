import { defineEvent } from '../define-event';

export const systemEvents = {
  'system.started': defineEvent<{ version: string; mode: string }>(
    'system',
    'system',
    'success',
    (p) => `ISP Desk ${p.version} started (${p.mode})`,
  ),
  'system.stopped': defineEvent<{ mode: string }>(
    'system',
    'system',
    'success',
    (p) => `ISP Desk stopped (${p.mode})`,
  ),
};
