import type {
  Alert,
  AlertRuleSettings,
  AlertStatus,
  UpdateAlertRules,
} from '../../contract/schemas/alerts';
import type { Recorder } from '../activity/recorder';
import type { Sqlite } from '../db/open-database';
import type { WriteTransaction } from '../db/write-transaction';
import { AppError } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/context';
import { createSettingsGroup } from '../settings/settings-group';
import { createAlertsRepo } from './alerts.repo';
import { ALERT_RULE_KEYS, DEFAULT_ALERT_RULES } from './alert-settings';

type Ctx = ServiceContext & { actor: Actor };
const UNRESOLVED: readonly AlertStatus[] = ['open', 'acknowledged'];

/**
 * What staff do with alerts: list them, acknowledge one with a note, resolve it; and the rules'
 * thresholds. Every change is an activity-log entry written with it.
 */
export const createAlertsService = (deps: {
  sqlite: Sqlite;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
}) => {
  const repo = createAlertsRepo(deps.sqlite);
  const rules = createSettingsGroup<AlertRuleSettings>({
    ...deps,
    keys: ALERT_RULE_KEYS,
    defaults: DEFAULT_ALERT_RULES,
    event: 'alerts.rules_updated',
    target: { id: 'alert-rules', label: 'Alert rules' },
  });

  const load = (id: number): Alert => {
    const a = repo.get(id);
    if (!a) throw new AppError('not_found', `There is no alert #${String(id)}.`);
    return a;
  };
  const target = (a: Alert) => ({ type: 'alert', id: a.id, label: a.title });

  return {
    rules: rules.get,
    updateRules: (input: UpdateAlertRules, ctx: Ctx): AlertRuleSettings => rules.update(input, ctx),
    list: (input: { statuses?: AlertStatus[]; limit?: number } | undefined) => ({
      alerts: repo.list(input?.statuses ?? UNRESOLVED, input?.limit ?? 200),
      open: repo.openCount(),
    }),
    openCount: () => repo.openCount(),
    acknowledge: (input: { id: number; note: string }, ctx: Ctx): Alert =>
      deps.write(() => {
        const a = load(input.id);
        if (a.status !== 'open') {
          throw new AppError('conflict', `Alert #${String(a.id)} is already ${a.status}.`);
        }
        repo.acknowledge(a.id, input.note, ctx.actor.displayName, deps.recorder.changeTime());
        deps.recorder.record({
          event: 'alert.acknowledged',
          params: { alertId: a.id, title: a.title, by: ctx.actor.username, note: input.note },
          ctx,
          target: target(a),
          details: { rule: a.rule, note: input.note, before: { status: a.status } },
        });
        return load(a.id);
      }),
    resolve: (input: { id: number; note?: string | undefined }, ctx: Ctx): Alert =>
      deps.write(() => {
        const a = load(input.id);
        if (a.status === 'resolved') {
          throw new AppError('conflict', `Alert #${String(a.id)} is already resolved.`);
        }
        const note = input.note?.trim() ? input.note.trim() : null;
        repo.resolve(a.id, note, ctx.actor.displayName, deps.recorder.changeTime());
        deps.recorder.record({
          event: 'alert.resolved',
          params: { alertId: a.id, title: a.title, by: ctx.actor.username },
          ctx,
          target: target(a),
          details: { rule: a.rule, note, before: { status: a.status } },
        });
        return load(a.id);
      }),
  };
};

export type AlertsService = ReturnType<typeof createAlertsService>;
