import { describe, expect, it } from 'vitest';
import {
  TEST_HOST,
  createTestCore,
  logEntries,
  signInAdmin,
  tempDirForTest,
  testCore,
} from './test-support/test-core';

describe('createCore', () => {
  it('logs start and stop as System entries, once each, and keeps its state across restarts', async () => {
    const dataDir = tempDirForTest();
    const first = createTestCore({ dataDir });
    first.core.start();
    first.core.start();
    await signInAdmin(first);
    await first.close();

    const again = testCore({ dataDir });
    again.core.start();
    const events = logEntries(again.core).map((e) => [e.event, e.type, e.actor, e.ip]);
    expect(events).toEqual([
      ['system.started', 'system', null, TEST_HOST.ip],
      ['auth.setup.completed', 'administrative', { id: 1, name: 'Ada Admin' }, '10.0.0.5'],
      ['auth.login.succeeded', 'user', { id: 1, name: 'Ada Admin' }, '10.0.0.5'],
      ['system.stopped', 'system', null, TEST_HOST.ip],
      ['system.started', 'system', null, TEST_HOST.ip],
    ]);
    expect(again.core.services.auth.status()).toEqual({ setupRequired: false });
  });

  it('logs no stop entry when it never started', async () => {
    const dataDir = tempDirForTest();
    const tc = createTestCore({ dataDir });
    await tc.close();
    const again = testCore({ dataDir });
    expect(logEntries(again.core)).toEqual([]);
  });
});
