import type { ServiceType } from '../../contract/schemas/plans';
import type { FieldIssue } from '../../contract/errors';
import { fieldError } from '../shared/app-error';
import type { Counters } from '../shared/counters';
import type { PlanRecord, PlansRepo } from '../plans/plans.repo';
import type { RoutersRepo } from '../routers/routers.repo';
import type { ClientsRepo } from './clients.repo';

/**
 * Checks shared by single edits and CSV import. Each returns the problem with its field, or null
 * when the value is fine; `enforce` turns a problem into the right AppError, the import lists it
 * as a sentence (`issueSentence`).
 */
const planIssue = (message: string): FieldIssue => ({ path: ['planId'], message });

export const createClientRules = (deps: {
  clients: ClientsRepo;
  plans: PlansRepo;
  routers: Pick<RoutersRepo, 'exists' | 'idByName'>;
  counters: Counters;
}) => ({
  planProblem: (
    planId: number,
    serviceType: ServiceType,
    opts: { allowRetired?: boolean } = {},
  ): { plan?: PlanRecord; problem: FieldIssue | null } => {
    const plan = deps.plans.byId(planId);
    if (!plan) return { problem: planIssue(`Plan ${String(planId)} does not exist`) };
    if (!plan.active && !opts.allowRetired) {
      return {
        plan,
        problem: planIssue(`Plan "${plan.name}" is retired and takes no new clients`),
      };
    }
    if (plan.serviceType !== serviceType) {
      return {
        plan,
        problem: planIssue(`Plan "${plan.name}" is for ${plan.serviceType}, not ${serviceType}`),
      };
    }
    return { plan, problem: null };
  },

  loginProblem: (login: string, exceptId?: number): FieldIssue | null => {
    const holder = deps.clients.idByLogin(login);
    return holder !== undefined && holder !== exceptId
      ? {
          path: ['serviceLogin'],
          message: `The service login "${login}" is already used by another client`,
        }
      : null;
  },

  ipProblem: (ip: string | null | undefined, exceptId?: number): FieldIssue | null => {
    if (!ip) return null;
    const holder = deps.clients.idByStaticIp(ip);
    return holder !== undefined && holder !== exceptId
      ? { path: ['staticIp'], message: `The IP ${ip} is already assigned to another client` }
      : null;
  },

  /**
   * A router named in a file: by its name (any letter case), or by its id when no router has that
   * name; empty means no router. Returns the id, or the problem.
   */
  routerByRef: (ref: string | undefined): { routerId: number | null } | { problem: FieldIssue } => {
    if (ref === undefined) return { routerId: null };
    const byName = deps.routers.idByName(ref);
    if (byName !== undefined) return { routerId: byName };
    if (/^\d+$/.test(ref)) {
      const routerId = Number(ref);
      return deps.routers.exists(routerId)
        ? { routerId }
        : { problem: { path: ['routerId'], message: `Router ${ref} does not exist` } };
    }
    return { problem: { path: ['routerId'], message: `No router "${ref}"` } };
  },

  /** A client may only name a router that exists; null (no router) is always fine. */
  routerProblem: (routerId: number | null | undefined): FieldIssue | null =>
    routerId === null || routerId === undefined || deps.routers.exists(routerId)
      ? null
      : { path: ['routerId'], message: `Router ${String(routerId)} does not exist` },

  /** Next free account number, e.g. AC000042; call inside the write transaction. */
  nextAccountNo: (prefix: string): string => {
    for (;;) {
      const n = deps.counters.next('account');
      const accountNo = `${prefix}${String(n).padStart(6, '0')}`;
      if (!deps.clients.accountTaken(accountNo)) return accountNo;
    }
  },
});

export type ClientRules = ReturnType<typeof createClientRules>;

/** Unknown or mismatched plans are input errors; taken logins and IPs are conflicts. */
export const enforce = (problem: FieldIssue | null, code: 'validation' | 'conflict'): void => {
  if (problem) throw fieldError(code, problem);
};
