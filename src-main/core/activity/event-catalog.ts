import type { EventDef } from './define-event';
import { authEvents } from './events/auth-events';
import { staffEvents } from './events/staff-events';
import { auditEvents } from './events/audit-events';
import { systemEvents } from './events/system-events';
import { clientEvents } from './events/client-events';
import { planEvents } from './events/plan-events';
import { billingEvents } from './events/billing-events';
import { settingsEvents } from './events/settings-events';
import { routerEvents } from './events/router-events';
import { jobEvents } from './events/job-events';
import { sharingEvents } from './events/sharing-events';
import { taskEvents } from './events/task-events';
import { forwardingEvents } from './events/forwarding-events';
import { alertEvents } from './events/alert-events';

/** Every event code the application writes, with its type, category and wording. */
export const eventCatalog = {
  ...authEvents,
  ...staffEvents,
  ...auditEvents,
  ...systemEvents,
  ...clientEvents,
  ...planEvents,
  ...billingEvents,
  ...settingsEvents,
  ...routerEvents,
  ...jobEvents,
  ...sharingEvents,
  ...taskEvents,
  ...forwardingEvents,
  ...alertEvents,
};

export type EventCatalog = typeof eventCatalog;
export type EventCode = keyof EventCatalog;
export type EventParams<E extends EventCode> =
  EventCatalog[E] extends EventDef<infer P> ? P : never;
