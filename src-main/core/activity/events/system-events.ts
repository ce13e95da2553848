import { defineEvent } from '../define-event';

/** Why opening the demo office from the first-run screen was refused. */
export type DemoRefusal = 'unavailable' | 'accounts_exist' | 'already_opening';

const DEMO_REFUSAL_TEXT: Record<DemoRefusal, string> = {
  unavailable: 'this installation cannot switch to it',
  accounts_exist: 'this office already has accounts',
  already_opening: 'it is already being opened',
};

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
  'system.demo_refused': defineEvent<{ from: string; reason: DemoRefusal }>(
    'user',
    'system',
    'failure',
    (p) => `Opening the demo office from ${p.from} was refused: ${DEMO_REFUSAL_TEXT[p.reason]}`,
  ),
  'system.stopped': defineEvent<{ mode: string }>(
    'system',
    'system',
    'success',
    (p) => `ISP Desk stopped (${p.mode})`,
  ),
};
