import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ADMIN, HOUR, signInAdmin, testCore, unwrap } from '../core/test-support/test-core';
import { logVerify } from './log-verify';

describe('log verify --archive', () => {
  it('checks an archive file on its own and names an altered entry in it', async () => {
    const tc = testCore();
    let admin = await signInAdmin(tc);
    for (let day = 1; day <= 3; day++) {
      tc.clock.advance(24 * HOUR);
      admin = tc.client();
      unwrap(await admin.call('auth.login', { username: 'admin', password: ADMIN.password }));
    }
    const archived = unwrap(
      await admin.call('activity.archive', { before: tc.clock.now() - HOUR }),
    );
    const file = join(tc.dataDir, 'archives', archived.file);

    const lines: string[] = [];
    expect(await logVerify('/nowhere', (l) => lines.push(l), file)).toBe(0);
    expect(lines.join(' ')).toContain(`${String(archived.entries)} entries verified`);

    const db = new Database(file);
    db.exec('DROP TRIGGER activity_log_no_update');
    db.prepare('UPDATE activity_log SET ts = ts + 1 WHERE id = 2').run();
    db.close();
    lines.length = 0;
    expect(await logVerify('/nowhere', (l) => lines.push(l), file)).toBe(1);
    expect(lines.join(' ')).toContain('Entry 2 does not verify');
    expect(await logVerify('/nowhere', () => undefined, join(tc.dataDir, 'missing.db'))).toBe(2);
  });
});
