import type { Role } from '../../contract/roles';
import type { EventCode, EventParams } from '../activity/event-catalog';
import type { RecordInput } from '../activity/recorder';
import type { Actor, ServiceContext } from '../shared/context';
import { permissionsOf } from '../../domain/permissions';
import type { TestCore } from './test-core';

export type Desk = { id: number; username: string; role: Role; ip: string };

/** Staff as the log names them (the rules read only the entries, not the staff table). */
export const DESKS = {
  admin: { id: 1, username: 'owner', role: 'administrator', ip: '10.0.0.2' },
  cashier: { id: 2, username: 'maria', role: 'cashier', ip: '10.0.0.5' },
  tech: { id: 3, username: 'juma', role: 'technician', ip: '10.0.0.7' },
} as const satisfies Record<string, Desk>;

const actorOf = (d: Desk): Actor => ({
  staffId: d.id,
  username: d.username,
  displayName: d.username,
  role: d.role,
  permissions: permissionsOf(d.role),
  sessionId: `s-${d.username}`,
});

/**
 * Writes entries straight through the recorder on the test's clock, as the services would: a
 * month of office activity in well under a second. `at` sets the clock first.
 */
export const createLogWriter = (tc: TestCore) => {
  let n = 0;
  const ctx = (desk: Desk | null, ip?: string): ServiceContext => ({
    ip: ip ?? desk?.ip ?? '192.0.2.10',
    workstation: desk ? `${desk.username}-pc` : 'office-server',
    correlationId: `c-${String((n += 1))}`,
    actor: desk ? actorOf(desk) : null,
  });
  const write = <E extends EventCode>(
    at: number,
    event: E,
    params: EventParams<E>,
    desk: Desk | null,
    extra: Omit<RecordInput<E>, 'event' | 'params' | 'ctx'> & { ip?: string } = {},
  ): number => {
    tc.clock.set(at);
    const { ip, ...rest } = extra;
    return tc.core.recorder.record({ event, params, ctx: ctx(desk, ip), ...rest });
  };
  return {
    write,
    failedSignIn: (at: number, username: string, ip: string) =>
      write(at, 'auth.login.failed', { username, reason: 'wrong_password' }, null, {
        ip,
        details: { username, reason: 'wrong_password' },
      }),
    signIn: (at: number, desk: Desk, ip = desk.ip) =>
      write(at, 'auth.login.succeeded', { username: desk.username }, desk, {
        ip,
        target: { type: 'staff', id: desk.id, label: desk.username },
      }),
    payment: (at: number, desk: Desk, amount: number) =>
      write(
        at,
        'payment.recorded',
        {
          by: desk.username,
          account: 'AC0001',
          name: 'Amina',
          amount: 'USD 1.00',
          method: 'cash',
          receipt: 'R-1',
        },
        desk,
        { details: { amount } },
      ),
    refund: (at: number, desk: Desk, amount: number) =>
      write(
        at,
        'refund.issued',
        {
          by: desk.username,
          account: 'AC0001',
          name: 'Amina',
          amount: 'USD 1.00',
          method: 'cash',
          receipt: 'R-2',
          payment: 'R-1',
        },
        desk,
        { details: { amount } },
      ),
    clientUpdated: (at: number, desk: Desk) =>
      write(
        at,
        'client.updated',
        { by: desk.username, account: 'AC0001', name: 'Amina', changes: 'phone' },
        desk,
      ),
    clientArchived: (at: number, desk: Desk) =>
      write(at, 'client.archived', { by: desk.username, account: 'AC0001', name: 'Amina' }, desk),
    routerOffline: (at: number, routerId: number, error = 'timed out') =>
      write(at, 'router.offline', { name: `Tower ${String(routerId)}`, error }, null, {
        routerId,
        target: { type: 'router', id: routerId, label: `Tower ${String(routerId)}` },
      }),
    routerOnline: (at: number, routerId: number) =>
      write(at, 'router.online', { name: `Tower ${String(routerId)}`, downtime: 'a while' }, null, {
        routerId,
        target: { type: 'router', id: routerId, label: `Tower ${String(routerId)}` },
      }),
  };
};
