import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { In, Out } from '../contract/api';
import type { ProcedureName } from '../contract/channels';
import type { Result } from '../contract/errors';
import { FAST_NETWORK } from '../core/test-support/network-fixtures';
import {
  createCapturingLogger,
  entriesOf,
  MIGRATIONS_FOLDER,
  readDataDir,
  TEST_HOST,
  tempDirForTest,
  unwrap,
} from '../core/test-support/test-core';
import { DEMO_ROUTERS } from '../demo/demo-catalog';
import type { CallContext } from '../transport/call-context';
import type { CoreHost } from '../transport/core-host';
import { parseLaunchArgs } from './launch-args';
import { openOfficeHost } from './office-host';

const BASE = {
  migrationsFolder: MIGRATIONS_FOLDER,
  mode: 'test' as const,
  version: 'test',
  logger: createCapturingLogger(),
  host: TEST_HOST,
  network: FAST_NETWORK,
  background: false,
  size: { clients: 20, days: 20 },
  ports: DEMO_ROUTERS.map(() => 0),
  dynamicsMs: 3_600_000,
};

const browser = (host: CoreHost) => {
  const ctx: CallContext = {
    sessionToken: null,
    ip: '10.0.0.5',
    workstation: 'Front desk',
    setSessionToken: (token) => (ctx.sessionToken = token),
  };
  return <K extends ProcedureName>(name: K, input: In<K>) =>
    host.call(name, input, ctx) as Promise<Result<Out<K>>>;
};

const open = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const lines: string[] = [];
  const host = await openOfficeHost(parseLaunchArgs(argv, env), BASE, (l) => lines.push(l));
  onTestFinished(() => host.stop());
  return { host, lines, call: browser(host) };
};

describe('leaving the demo office', () => {
  it('from the first-run screen: progress while it is made, then "Leave demo" back to the first-run screen', async () => {
    const dataDir = tempDirForTest('office-host');
    const { host, lines, call } = await open(['--data', dataDir]);
    expect(unwrap(await call('system.demo', undefined))).toMatchObject({
      active: null,
      available: true,
      leave: false,
    });

    // While the demo office is made, the first-run screen hears what is happening.
    const state = { finished: false };
    const opening = call('system.openDemo', undefined).finally(() => (state.finished = true));
    const seen: string[] = [];
    while (!state.finished) {
      const status = unwrap(await call('system.demo', undefined));
      if (status.building && seen.at(-1) !== status.building.message) {
        seen.push(status.building.message);
        expect(status.building.done).toBeLessThan(status.building.total);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    unwrap(await opening);
    expect(
      seen.some((m) =>
        /^Making six months of office life: day \d+ of 20 \(\d+ clients?, \d+ payments?\)$/.test(m),
      ),
    ).toBe(true);
    // The console says what is happening, then how to leave.
    expect(
      lines.some((l) =>
        /^Making six months of office life: day 20 of 20 \(\d+ clients?, \d+ payments?\)…$/.test(l),
      ),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith('To leave the demo: "Leave demo" in the header'))).toBe(
      true,
    );

    const demo = unwrap(await call('system.demo', undefined));
    expect(demo).toMatchObject({ available: false, leave: true });
    const demoCore = host.core;

    expect(unwrap(await call('system.leaveDemo', undefined))).toEqual({ left: true });
    expect(host.core).not.toBe(demoCore);
    // The office has no accounts yet: its first-run screen, which offers the demo again.
    expect(unwrap(await call('auth.status', undefined)).setupRequired).toBe(true);
    expect(unwrap(await call('system.demo', undefined))).toMatchObject({
      active: null,
      available: true,
      leave: false,
    });
    // The demo office's own log says it was left, and from where.
    expect(entriesOf(readDataDir(join(dataDir, 'demo')), 'system.demo_left')).toMatchObject([
      { ip: '10.0.0.5', description: 'The demo office was left for the office from 10.0.0.5' },
    ]);
  }, 180_000);

  it('started with --demo: "Leave demo" opens the office folder, not the demo folder', async () => {
    const demoDir = tempDirForTest('demo-flag');
    const officeDir = tempDirForTest('office-flag');
    const { host, lines, call } = await open(['--data', demoDir, '--demo'], {
      ISPDESK_DATA: officeDir,
    });
    host.core.start();
    expect(lines.some((l) => l.includes(`goes back to the office in ${officeDir}`))).toBe(true);
    expect(lines.some((l) => l.includes('start it without --demo'))).toBe(true);
    expect(unwrap(await call('system.demo', undefined)).leave).toBe(true);
    unwrap(await call('system.leaveDemo', undefined));
    expect(unwrap(await call('system.demo', undefined))).toMatchObject({
      active: null,
      leave: false,
    });
    expect(entriesOf(readDataDir(officeDir), 'system.started')).toHaveLength(1);
  }, 180_000);
});
