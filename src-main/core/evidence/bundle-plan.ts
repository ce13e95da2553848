import type { Sqlite } from '../db/open-database';
import { AppError } from '../shared/app-error';
import { createSettingsRepo } from '../settings/settings.repo';
import { AUDIT_KEYS, readChainAnchor } from '../activity/chain-anchor';
import { checkpointNote } from '../activity/checkpoints';
import { createSearchPlanner } from '../activity/search-plan';

/** A signed checkpoint as the bundle carries it (`madeForBundle`: signed when the bundle was made). */
export type BundleCheckpoint = {
  uptoId: number;
  headHash: string;
  createdAt: number;
  note: string;
  signature: string;
  madeForBundle?: true;
};

/**
 * What a bundle covers. The entries of the range are proven by the chain segment around them:
 * from the last signed checkpoint before the range (or the log's first entry) to the first one
 * at or after its end, so the segment may hold entries on either side of the range.
 */
export type BundlePlan = {
  range: { from: number; to: number };
  entryIds: { from: number; to: number };
  chain: { afterId: number; afterHash: string; toId: number };
  checkpoints: BundleCheckpoint[];
  publicKey: string;
};

/** Signs a checkpoint at the head when no stored one covers the range's end (the app's key). */
export type HeadSigner = { origin: string; sign(note: string): string };

type Row = {
  upto_id: number;
  head_hash: Buffer;
  created_at: number;
  note: string;
  signature: string;
};

/**
 * Works out a bundle's chain segment and checkpoints: a few indexed lookups, cheap enough for the
 * main thread; the entries themselves are read and written by `writeBundle` on a task thread.
 */
export const planBundle = (
  sqlite: Sqlite,
  range: { from: number; to: number },
  opts: { now: number; signer?: HeadSigner },
): BundlePlan => {
  if (range.from > range.to) {
    throw new AppError('validation', 'The range ends before it starts.');
  }
  const entryIds = createSearchPlanner(sqlite).idRange(range.from, range.to);
  if (!entryIds) throw new AppError('not_found', 'The log has no entries in that range.');
  const publicKey = createSettingsRepo(sqlite).get(AUDIT_KEYS.publicKey);
  if (!publicKey) throw new AppError('conflict', 'This log has no checkpoint signing key.');
  const rows = sqlite
    .prepare<[], Row>(
      'SELECT upto_id, head_hash, created_at, note, signature FROM activity_checkpoints ORDER BY upto_id',
    )
    .all();
  const stored = rows.map((r): BundleCheckpoint => ({
    uptoId: r.upto_id,
    headHash: r.head_hash.toString('hex'),
    createdAt: r.created_at,
    note: r.note,
    signature: r.signature,
  }));

  const anchor = readChainAnchor(sqlite);
  const before = stored.filter((c) => c.uptoId < entryIds.from).at(-1);
  let start: { afterId: number; afterHash: string };
  if (before && before.uptoId >= anchor.afterId) {
    start = { afterId: before.uptoId, afterHash: before.headHash };
  } else if (anchor.afterId === 0) {
    start = { afterId: 0, afterHash: anchor.hash.toString('hex') };
  } else {
    throw new AppError(
      'conflict',
      'The log is being archived and pruned: make the bundle when retention has finished.',
    );
  }

  let end = stored.find((c) => c.uptoId >= entryIds.to);
  if (!end) {
    const head = sqlite
      .prepare<[], { id: number; row_hash: Buffer }>(
        'SELECT id, row_hash FROM activity_log ORDER BY id DESC LIMIT 1',
      )
      .get();
    if (!head || !opts.signer) {
      throw new AppError(
        'conflict',
        `No signed checkpoint covers entries after ${String(stored.at(-1)?.uptoId ?? 0)} yet; make the bundle from the data folder whose key signs this log.`,
      );
    }
    const note = checkpointNote(opts.signer.origin, head.id, head.row_hash, opts.now);
    end = {
      uptoId: head.id,
      headHash: head.row_hash.toString('hex'),
      createdAt: opts.now,
      note,
      signature: opts.signer.sign(note),
      madeForBundle: true,
    };
  }
  const inSegment = stored.filter((c) => c.uptoId >= start.afterId && c.uptoId < end.uptoId);
  return {
    range,
    entryIds,
    chain: { ...start, toId: end.uptoId },
    checkpoints: [...inSegment, end],
    publicKey,
  };
};
