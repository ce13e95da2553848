import type { Alert, AlertRule } from '../../contract/schemas/alerts';
import { repeated, type AlertsRepo } from './alerts.repo';

/**
 * The unresolved alerts one evaluation batch groups repeats into: each (rule, key) is looked up
 * once, its repeats are added in memory, and `flush` writes each changed alert once, inside the
 * batch's transaction. A busy key (a night of out-of-hours payments) costs one read and one write
 * per batch instead of per entry.
 */
export const createAlertsBatch = (repo: AlertsRepo) => {
  const open = new Map<string, Alert | null>();
  const changed = new Map<number, Alert>();
  const idOf = (rule: AlertRule, key: string) => `${rule}\u0000${key}`;
  return {
    /** The alert repeats of (rule, key) group into: the newest not resolved. */
    unresolved: (rule: AlertRule, key: string): Alert | undefined => {
      const id = idOf(rule, key);
      let a = open.get(id);
      if (a === undefined) {
        a = repo.unresolved(rule, key) ?? null;
        open.set(id, a);
      }
      return a ?? undefined;
    },
    /** A new alert (already inserted) that later repeats in the batch join. */
    raised: (rule: AlertRule, key: string, a: Alert): void => {
      open.set(idOf(rule, key), a);
    },
    /** More entries of an open alert's finding. */
    repeat: (rule: AlertRule, key: string, a: Alert, at: number, entryIds: number[]): void => {
      const next = repeated(a, at, entryIds);
      open.set(idOf(rule, key), next);
      changed.set(next.id, next);
    },
    /** Writes every alert the batch added to; the batch starts empty again. */
    flush: (): void => {
      for (const a of changed.values()) repo.saveRepeats(a);
      changed.clear();
      open.clear();
    },
  };
};

export type AlertsBatch = ReturnType<typeof createAlertsBatch>;
