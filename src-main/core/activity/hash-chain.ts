import { createHash } from 'node:crypto';

/** The columns an entry is hashed over, in this order (documented in README.md). */
export type ChainedRow = {
  id: number;
  ts: number;
  type: string;
  category: string;
  event: string;
  outcome: string;
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
  workstation: string | null;
  description: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  clientId: number | null;
  routerId: number | null;
  details: string | null;
  correlationId: string | null;
};

export const CHAIN_FORMAT = 'isp-desk/activity/v1';
/** prev_hash of the very first entry. */
export const GENESIS_HASH = Buffer.alloc(32);

/** JSON array, no whitespace, exactly as ECMAScript JSON.stringify writes it. */
export const canonicalForm = (r: ChainedRow): string =>
  JSON.stringify([
    CHAIN_FORMAT,
    r.id,
    r.ts,
    r.type,
    r.category,
    r.event,
    r.outcome,
    r.actorId,
    r.actorName,
    r.ip,
    r.workstation,
    r.description,
    r.targetType,
    r.targetId,
    r.targetLabel,
    r.clientId,
    r.routerId,
    r.details,
    r.correlationId,
  ]);

/** row_hash = SHA-256(prev_hash ‖ UTF-8(canonical form)). */
export const chainHash = (prevHash: Buffer, row: ChainedRow): Buffer =>
  createHash('sha256').update(prevHash).update(canonicalForm(row), 'utf8').digest();
