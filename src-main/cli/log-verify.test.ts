import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../core/config';
import {
  createTestCore,
  signInAdmin,
  tempDirForTest,
  unwrap,
} from '../core/test-support/test-core';
import { logVerify } from './log-verify';

/** A data folder holding a few entries, its core stopped (as when the CLI runs after the app). */
const dataFolderWithLog = async (): Promise<{ dataDir: string; entries: number }> => {
  const dataDir = tempDirForTest('cli');
  const tc = createTestCore({ dataDir });
  tc.core.start();
  const admin = await signInAdmin(tc);
  for (const username of ['ann', 'ben', 'cat']) {
    unwrap(
      await admin.call('staff.create', {
        username,
        displayName: username,
        role: 'viewer',
        password: 'long enough password',
      }),
    );
  }
  await tc.close(); // writes system.stopped
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  const { n } = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM activity_log').get() ?? {
    n: 0,
  };
  db.close();
  return { dataDir, entries: n };
};

const run = async (dataDir: string) => {
  const lines: string[] = [];
  const code = await logVerify(dataDir, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
};

/** Edits the file directly, as someone with the file (and sqlite3) could. */
const tamper = (dataDir: string, sql: string) => {
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.exec(sql);
  db.close();
};

describe('cli: log verify', () => {
  it('exits 0 and reports the count when the chain is intact', async () => {
    const { dataDir, entries } = await dataFolderWithLog();
    expect(entries).toBeGreaterThan(5);
    const { code, output } = await run(dataDir);
    expect(code).toBe(0);
    expect(output).toContain(`Activity log intact: ${String(entries)} entries verified`);
  });

  it('exits 1 naming the row that was altered in the SQLite file', async () => {
    const { dataDir } = await dataFolderWithLog();
    tamper(
      dataDir,
      `DROP TRIGGER activity_log_no_update;
       UPDATE activity_log SET description = 'admin did nothing' WHERE id = 4;`,
    );
    const { code, output } = await run(dataDir);
    expect(code).toBe(1);
    expect(output).toContain('Activity log does NOT verify. Entry 4 does not verify');
    expect(output).toContain('3 entries before it verified.');
  });

  it('exits 1 naming the gap where rows were deleted', async () => {
    const { dataDir } = await dataFolderWithLog();
    tamper(
      dataDir,
      `DROP TRIGGER activity_log_no_delete;
       DELETE FROM activity_log WHERE id = 3;`,
    );
    const { code, output } = await run(dataDir);
    expect(code).toBe(1);
    expect(output).toContain('Entry 4 does not verify: entries 3–3 are missing');
  });

  it('verifies while the app is running on the same folder', async () => {
    const dataDir = tempDirForTest('cli-live');
    const tc = createTestCore({ dataDir });
    try {
      tc.core.start();
      await signInAdmin(tc);
      const { code, output } = await run(dataDir);
      expect(code).toBe(0);
      expect(output).toContain('Activity log intact: 3 entries verified');
      // The app keeps writing afterwards, and the next check sees it.
      const failed = await tc.client().call('auth.login', { username: 'admin', password: 'nope' });
      expect(failed.ok).toBe(false);
      expect((await run(dataDir)).output).toContain('intact: 4 entries');
    } finally {
      await tc.close();
    }
  });

  it('exits 2 when the folder holds no database, and creates none', async () => {
    const dataDir = tempDirForTest('cli-empty');
    const { code, output } = await run(dataDir);
    expect(code).toBe(2);
    expect(output).toContain(`No ISP Desk database in ${dataDir}`);
    await expect(run(dataDir)).resolves.toMatchObject({ code: 2 });
  });
});
