import type { ActivityEntry } from '../../contract/schemas/activity';
import type { ChainedRow } from './hash-chain';

/** A stored row as better-sqlite3 returns it (snake_case columns). */
export type ActivityRow = {
  id: number;
  ts: number;
  type: ActivityEntry['type'];
  category: ActivityEntry['category'];
  event: string;
  outcome: ActivityEntry['outcome'];
  actor_id: number | null;
  actor_name: string | null;
  ip: string | null;
  workstation: string | null;
  description: string;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  client_id: number | null;
  router_id: number | null;
  details: string | null;
  correlation_id: string | null;
  row_hash: Buffer;
};

export const ACTIVITY_COLUMNS = `id, ts, type, category, event, outcome, actor_id, actor_name, ip,
  workstation, description, target_type, target_id, target_label, client_id, router_id, details,
  correlation_id, row_hash`;

export const toChained = (r: ActivityRow): ChainedRow => ({
  id: r.id,
  ts: r.ts,
  type: r.type,
  category: r.category,
  event: r.event,
  outcome: r.outcome,
  actorId: r.actor_id,
  actorName: r.actor_name,
  ip: r.ip,
  workstation: r.workstation,
  description: r.description,
  targetType: r.target_type,
  targetId: r.target_id,
  targetLabel: r.target_label,
  clientId: r.client_id,
  routerId: r.router_id,
  details: r.details,
  correlationId: r.correlation_id,
});

export const toEntry = (r: ActivityRow): ActivityEntry => ({
  id: r.id,
  ts: r.ts,
  type: r.type,
  category: r.category,
  event: r.event,
  outcome: r.outcome,
  actor: r.actor_id === null ? null : { id: r.actor_id, name: r.actor_name ?? '' },
  ip: r.ip,
  workstation: r.workstation,
  description: r.description,
  target:
    r.target_type === null
      ? null
      : { type: r.target_type, id: r.target_id ?? '', label: r.target_label ?? '' },
  clientId: r.client_id,
  routerId: r.router_id,
  details: r.details === null ? null : (JSON.parse(r.details) as unknown),
  correlationId: r.correlation_id,
  hash: r.row_hash.toString('hex'),
});
