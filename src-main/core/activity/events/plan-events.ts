import { defineEvent } from '../define-event';

type PlanChange = { by: string; name: string };

/** Plans are network configuration (they map to router profiles): category network. */
export const planEvents = {
  'plan.created': defineEvent<PlanChange & { price: string; period: string }>(
    'administrative',
    'network',
    'success',
    (p) => `${p.by} created plan "${p.name}" at ${p.price} ${p.period}`,
  ),
  'plan.updated': defineEvent<PlanChange & { changes: string }>(
    'administrative',
    'network',
    'success',
    (p) => `${p.by} changed plan "${p.name}": ${p.changes}`,
  ),
  'plan.retired': defineEvent<PlanChange & { clients: number }>(
    'administrative',
    'network',
    'success',
    (p) => `${p.by} retired plan "${p.name}" (${String(p.clients)} clients keep it)`,
  ),
  'plan.deleted': defineEvent<PlanChange>(
    'administrative',
    'network',
    'success',
    (p) => `${p.by} deleted unused plan "${p.name}"`,
  ),
};
