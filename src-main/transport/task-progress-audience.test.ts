import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../contract/api';
import {
  ADMIN,
  signInAdmin,
  TASKS_FROM_SOURCE,
  testCore,
  unwrap,
  type TestClient,
  type TestCore,
} from '../core/test-support/test-core';
import { failedLogins } from '../core/test-support/activity-fixtures';
import { eventAudience } from './event-audience';

const signIn = async (tc: TestCore): Promise<TestClient> => {
  const c = tc.client();
  unwrap(await c.call('auth.login', { username: 'admin', password: ADMIN.password }));
  return c;
};

describe('task progress audience', () => {
  it('sends task progress, with its task id, only to the session that started the task', async () => {
    const tc = testCore({ taskThreads: TASKS_FROM_SOURCE });
    const first = await signInAdmin(tc);
    failedLogins(tc, 6_000); // two verify batches
    const second = await signIn(tc);
    const heard: { token: string | null; payload: EventPayload<'task.progress'> }[] = [];
    tc.core.events.on('task.progress', (payload, to) => {
      for (const c of [first, second]) {
        const token = c.ctx.sessionToken;
        const where = { ip: c.ctx.ip, workstation: c.ctx.workstation };
        const audience = eventAudience(tc.core, token, where, 'task.progress', payload, to);
        if (audience !== 'skip' && audience !== 'ended') heard.push({ token, payload });
      }
    });
    unwrap(await second.call('activity.verify', undefined));
    expect(heard.length).toBeGreaterThan(1);
    expect(new Set(heard.map((h) => h.token))).toEqual(new Set([second.ctx.sessionToken]));
    const ids = new Set(heard.map((h) => h.payload.taskId));
    expect(ids.size).toBe(1);
    expect(heard.at(-1)?.payload).toMatchObject({ task: 'verify', done: 6_000 + 3 });
  });
});
