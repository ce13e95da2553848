import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../config';
import {
  ADMIN,
  createTestCore,
  HOUR,
  logRows,
  MIGRATIONS_FOLDER,
  signInAdmin,
  tempDirForTest,
  testCore,
  unwrap,
  type TestCore,
} from '../test-support/test-core';
import { readChainAnchor } from './chain-anchor';
import { readPruneRun } from './prune-run';
import { verifyChain } from './verify-chain';

const DAY = 24 * HOUR;
const CHILD = fileURLToPath(new URL('../test-support/prune-child.ts', import.meta.url));

/** Ten days of sign-ins, one a day, so that there is history to archive. */
const addHistory = async (tc: TestCore) => {
  let admin = await signInAdmin(tc);
  for (let day = 0; day < 10; day++) {
    tc.clock.advance(DAY);
    admin = await signIn(tc, `10.0.0.${String(day + 1)}`);
  }
  return admin;
};

const signIn = async (tc: TestCore, ip = '10.0.0.5') => {
  const admin = tc.client({ ip });
  unwrap(await admin.call('auth.login', { username: 'admin', password: ADMIN.password }));
  return admin;
};

/** The archive holds entry `id` with the hash the live chain now starts from. */
const archiveHoldsAnchor = (archive: string, anchor: { afterId: number; hash: Buffer }) => {
  const db = new Database(archive, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare<[number], { row_hash: Buffer }>('SELECT row_hash FROM activity_log WHERE id = ?')
      .get(anchor.afterId);
    return row?.row_hash.equals(anchor.hash) ?? false;
  } finally {
    db.close();
  }
};

describe('retention prunes in chunks', () => {
  it('removes the archived entries oldest first, and the log verifies after every chunk', async () => {
    const seen: { prunedUpTo: number; ok: boolean; holds: boolean }[] = [];
    const tc: TestCore = testCore({
      retention: {
        pruneChunk: 2,
        afterPruneChunk: async (prunedUpTo) => {
          const run = readPruneRun(tc.core.sqlite);
          const archive = join(tc.dataDir, 'archives', run?.file ?? '');
          seen.push({
            prunedUpTo,
            ok: (await verifyChain(tc.core.sqlite)).ok,
            holds: run === null || archiveHoldsAnchor(archive, readChainAnchor(tc.core.sqlite)),
          });
        },
      },
    });
    const admin = await addHistory(tc);
    const result = unwrap(
      await admin.call('activity.archive', { before: tc.clock.now() - 4 * DAY }),
    );
    expect(result.entries).toBeGreaterThan(4);
    expect(seen.map((s) => s.prunedUpTo)).toEqual(
      Array.from({ length: Math.ceil(result.entries / 2) }, (_, i) =>
        Math.min(result.lastId, 2 * (i + 1)),
      ),
    );
    expect(seen.every((s) => s.ok && s.holds)).toBe(true);
    expect(readPruneRun(tc.core.sqlite)).toBeNull();
    expect(logRows(tc.core)[0]?.id).toBe(result.lastId + 1);
    expect(logRows(tc.core).filter((r) => r.event === 'activity.archived')).toHaveLength(1);
    expect(unwrap(await admin.call('activity.verify', undefined)).ok).toBe(true);
  });

  it('a process killed between chunks leaves a verifiable log, and the next start finishes the run', async () => {
    const dataDir = tempDirForTest('prune');
    const first = createTestCore({ dataDir });
    await addHistory(first);
    const before = first.clock.now() - 4 * DAY;
    const now = first.clock.now();
    const oldIds = logRows(first.core)
      .filter((r) => r.ts < before)
      .map((r) => r.id);
    await first.close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, dataDir, MIGRATIONS_FOLDER, String(before), String(now)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const paused = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /pruned (\d+)\n/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      void exited.then((how) => reject(new Error(`child ended (${String(how)}): ${stderr}`)));
    });
    expect(paused).toBe(3);

    // Between two chunks: the live chain starts at an entry the archive holds, and verifies.
    const file = join(dataDir, DATABASE_FILE);
    const look = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const run = readPruneRun(look);
      expect(run).toMatchObject({ firstId: 1, lastId: Math.max(...oldIds) });
      const anchor = readChainAnchor(look);
      expect(anchor.afterId).toBe(3);
      expect(archiveHoldsAnchor(join(dataDir, 'archives', run?.file ?? ''), anchor)).toBe(true);
      expect(await verifyChain(look)).toMatchObject({ ok: true });
    } finally {
      look.close();
    }

    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const second = testCore({ dataDir });
    expect(await verifyChain(second.core.sqlite)).toMatchObject({ ok: true });
    second.core.start();
    await second.core.services.activity.finishArchive({ ...second.core.systemMeta(), actor: null });
    expect(readPruneRun(second.core.sqlite)).toBeNull();
    const live = logRows(second.core);
    expect(live[0]?.id).toBe(Math.max(...oldIds) + 1);
    expect(live.filter((r) => r.event === 'activity.archived')).toHaveLength(1);
    expect(await verifyChain(second.core.sqlite)).toMatchObject({ ok: true });
    const admin = await signIn(second);
    const [archive] = unwrap(await admin.call('activity.archives', undefined));
    expect(existsSync(join(dataDir, 'archives', archive?.name ?? ''))).toBe(true);
    expect(
      unwrap(await admin.call('activity.verify', { archive: archive?.name ?? '' })),
    ).toMatchObject({ ok: true, checked: oldIds.length });
    expect(unwrap(await admin.call('activity.verify', undefined)).ok).toBe(true);
  });
});
