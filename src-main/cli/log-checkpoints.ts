import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../core/config';
import { AUDIT_KEYS } from '../core/activity/chain-anchor';
import { createSettingsRepo } from '../core/settings/settings.repo';

type Row = {
  upto_id: number;
  head_hash: Buffer;
  created_at: number;
  note: string;
  signature: string;
};

/** `log checkpoints`: the signed checkpoint list as JSON lines, plus the public key, for safekeeping. */
export const logCheckpoints = (dataDir: string, out: (line: string) => void): number => {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) {
    out(`No ISP Desk database in ${dataDir}.`);
    return 2;
  }
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const key = createSettingsRepo(sqlite).get(AUDIT_KEYS.publicKey);
    out(JSON.stringify({ publicKey: key ?? null }));
    for (const c of sqlite
      .prepare<[], Row>('SELECT * FROM activity_checkpoints ORDER BY upto_id')
      .all()) {
      out(
        JSON.stringify({
          uptoId: c.upto_id,
          headHash: c.head_hash.toString('hex'),
          createdAt: new Date(c.created_at).toISOString(),
          note: c.note,
          signature: c.signature,
        }),
      );
    }
    return 0;
  } finally {
    sqlite.close();
  }
};
