import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';

export type Checkpoint = {
  id: number;
  uptoId: number;
  headHash: string;
  createdAt: number;
  note: string;
  signature: string;
};

type Row = {
  id: number;
  upto_id: number;
  head_hash: Buffer;
  created_at: number;
  note: string;
  signature: string;
};

const toCheckpoint = (r: Row): Checkpoint => ({
  id: r.id,
  uptoId: r.upto_id,
  headHash: r.head_hash.toString('hex'),
  createdAt: r.created_at,
  note: r.note,
  signature: r.signature,
});

/**
 * The text a checkpoint signs, in the spirit of C2SP tlog-checkpoint: origin, the last entry
 * covered, its hash (base64), the time. One per line, newline-terminated.
 */
export const checkpointNote = (origin: string, uptoId: number, head: Buffer, at: number): string =>
  `${origin}\n${String(uptoId)}\n${head.toString('base64')}\n${new Date(at).toISOString()}\n`;

/** This installation's Ed25519 signing key, created on first use (file readable by its owner only). */
export const loadSigningKey = (
  dataDir: string,
): { privateKey: KeyObject; publicKeyPem: string } => {
  const file = join(dataDir, 'audit-signing-key.pem');
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
      flag: 'wx',
    });
  }
  const privateKey = createPrivateKey(readFileSync(file));
  const publicKeyPem = createPublicKey(privateKey)
    .export({ type: 'spki', format: 'pem' })
    .toString();
  return { privateKey, publicKeyPem };
};

export const verifyCheckpointSignature = (
  c: Pick<Checkpoint, 'note' | 'signature'>,
  publicKeyPem: string,
): boolean =>
  verify(
    null,
    Buffer.from(c.note),
    createPublicKey(publicKeyPem),
    Buffer.from(c.signature, 'base64'),
  );

export const createCheckpoints = (deps: {
  sqlite: Database.Database;
  origin: string;
  key: { privateKey: KeyObject; publicKeyPem: string };
}) => {
  const { sqlite } = deps;
  const head = sqlite.prepare<[], { id: number; row_hash: Buffer }>(
    'SELECT id, row_hash FROM activity_log ORDER BY id DESC LIMIT 1',
  );
  const latest = sqlite.prepare<[], Row>(
    'SELECT * FROM activity_checkpoints ORDER BY upto_id DESC LIMIT 1',
  );
  const at = sqlite.prepare<[number], { id: number; row_hash: Buffer }>(
    'SELECT id, row_hash FROM activity_log WHERE id = ?',
  );
  const insert = sqlite.prepare(
    `INSERT INTO activity_checkpoints (upto_id, head_hash, created_at, note, signature)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT (upto_id) DO NOTHING`,
  );

  /** Signs and stores a checkpoint at `uptoId` (default: the current head). Idempotent per id. */
  const create = (now: number, uptoId?: number): Checkpoint | null => {
    const row = uptoId === undefined ? head.get() : at.get(uptoId);
    if (!row) return null;
    const note = checkpointNote(deps.origin, row.id, row.row_hash, now);
    const signature = sign(null, Buffer.from(note), deps.key.privateKey).toString('base64');
    insert.run(row.id, row.row_hash, now, note, signature);
    return toCheckpoint(
      sqlite
        .prepare<[number], Row>('SELECT * FROM activity_checkpoints WHERE upto_id = ?')
        .get(row.id) as Row,
    );
  };

  return {
    create,
    latest: (): Checkpoint | null => {
      const r = latest.get();
      return r ? toCheckpoint(r) : null;
    },
    list: (): Checkpoint[] =>
      sqlite
        .prepare<[], Row>('SELECT * FROM activity_checkpoints ORDER BY upto_id')
        .all()
        .map(toCheckpoint),
    publicKeyPem: deps.key.publicKeyPem,
    /** Signs a checkpoint note without storing it (an evidence bundle's end, see core/evidence). */
    signer: {
      origin: deps.origin,
      sign: (note: string): string =>
        sign(null, Buffer.from(note), deps.key.privateKey).toString('base64'),
    },
    /** Daily (or after many entries): a new checkpoint when the head moved since the last one. */
    due: (now: number, maxAgeMs: number, maxEntries: number): boolean => {
      const h = head.get();
      if (!h) return false;
      const last = latest.get();
      if (!last) return true;
      if (last.upto_id === h.id) return false;
      return now - last.created_at >= maxAgeMs || h.id - last.upto_id >= maxEntries;
    },
  };
};

export type Checkpoints = ReturnType<typeof createCheckpoints>;
