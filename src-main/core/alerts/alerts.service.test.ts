import { fieldLabel } from '../../domain/labels';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createLogWriter, DESKS } from '../test-support/alert-fixtures';
import { createSmtpReceiver } from '../test-support/smtp-receiver';
import {
  addStaff,
  failure,
  logEntries,
  makeTempDir,
  MINUTE,
  signInAdmin,
  T0,
  testCore,
  unwrap,
} from '../test-support/test-core';
import { eventAudience } from '../../transport/event-audience';
import type { EventPayload } from '../../contract/api';

/** A core with one alert raised (six refunds by one cashier in a morning). */
const withAlert = async () => {
  const tc = testCore({ alertMail: { retryMs: 10, timeoutMs: 3_000 } });
  const admin = await signInAdmin(tc);
  const log = createLogWriter(tc);
  for (let i = 0; i < 6; i += 1) log.refund(T0 + i * MINUTE, DESKS.cashier, 1_000);
  return { tc, admin, log };
};

describe('alerts: acknowledge and resolve, logged', () => {
  it('lists the open alert, acknowledges it with a note, resolves it; each step is an entry', async () => {
    const { tc, admin } = await withAlert();
    tc.core.evaluateAlerts();
    const listed = unwrap(await admin.call('alerts.list', undefined));
    expect(listed.open).toBe(1);
    const [alert] = listed.alerts;
    if (!alert) throw new Error('no alert');
    const raised = logEntries(tc.core).filter((e) => e.event === 'alert.raised');
    expect(raised).toHaveLength(1);
    expect(raised[0]?.target).toEqual({ type: 'alert', id: String(alert.id), label: alert.title });

    const acked = unwrap(
      await admin.call('alerts.acknowledge', { id: alert.id, note: 'Maria was closing a batch.' }),
    );
    expect(acked).toMatchObject({ status: 'acknowledged', note: 'Maria was closing a batch.' });
    expect(unwrap(await admin.call('alerts.list', undefined)).open).toBe(0);
    const resolved = unwrap(await admin.call('alerts.resolve', { id: alert.id }));
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolvedBy).not.toBeNull();

    const trail = logEntries(tc.core)
      .filter((e) => e.event.startsWith('alert.'))
      .map((e) => e.event);
    expect(trail).toEqual(['alert.raised', 'alert.acknowledged', 'alert.resolved']);
    // The rules saw those entries too and raised nothing from them.
    tc.core.evaluateAlerts();
    expect(unwrap(await admin.call('alerts.list', { statuses: ['resolved'] })).alerts).toHaveLength(
      1,
    );
    expect(unwrap(await admin.call('alerts.list', undefined)).alerts).toHaveLength(0);
  });

  it('refuses what cannot be done, as data, and changes nothing', async () => {
    const { tc, admin } = await withAlert();
    tc.core.evaluateAlerts();
    failure(await admin.call('alerts.acknowledge', { id: 999, note: 'x' }), 'not_found');
    const [alert] = unwrap(await admin.call('alerts.list', undefined)).alerts;
    if (!alert) throw new Error('no alert');
    failure(await admin.call('alerts.acknowledge', { id: alert.id, note: '  ' }), 'validation');
    unwrap(await admin.call('alerts.resolve', { id: alert.id }));
    failure(await admin.call('alerts.acknowledge', { id: alert.id, note: 'late' }), 'conflict');
    failure(await admin.call('alerts.resolve', { id: alert.id }), 'conflict');
  });

  it('is for administrators: a viewer may not list, a cashier may not acknowledge', async () => {
    const { tc, admin } = await withAlert();
    tc.core.evaluateAlerts();
    const viewer = await addStaff(tc, admin, 'vera', 'viewer');
    failure(await viewer.client.call('alerts.list', undefined), 'forbidden');
    const cashier = await addStaff(tc, admin, 'cash', 'cashier');
    failure(await cashier.client.call('alerts.acknowledge', { id: 1, note: 'x' }), 'forbidden');
  });

  it('pushes alert.raised to administrators only', async () => {
    const { tc, admin, log } = await withAlert();
    const viewer = await addStaff(tc, admin, 'vera', 'viewer');
    const heard: { who: string; payload: EventPayload<'alert.raised'> }[] = [];
    tc.core.events.on('alert.raised', (payload, to) => {
      for (const [who, c] of [
        ['admin', admin],
        ['viewer', viewer.client],
      ] as const) {
        const where = { ip: c.ctx.ip, workstation: c.ctx.workstation };
        const a = eventAudience(tc.core, c.ctx.sessionToken, where, 'alert.raised', payload, to);
        if (a !== 'skip' && a !== 'ended') heard.push({ who, payload: a.send });
      }
    });
    tc.core.evaluateAlerts();
    log.routerOffline(T0 + 10 * MINUTE, 3, 'The router refused the API user name or password.');
    tc.core.evaluateAlerts();
    expect(heard.map((h) => h.who)).toEqual(['admin', 'admin']);
    expect(heard[1]?.payload).toMatchObject({ rule: 'router_trouble', severity: 'high' });
  });

  it('rule thresholds are settings; a change is logged with before and after', async () => {
    const { tc, admin } = await withAlert();
    const out = unwrap(
      await admin.call('alerts.updateRules', { rules: { moneyCountPerDay: 10, hoursSat: '' } }),
    );
    expect(out.rules).toMatchObject({ moneyCountPerDay: 10, hoursSat: '' });
    const entry = logEntries(tc.core).find((e) => e.event === 'alerts.rules_updated');
    expect(entry?.description).toContain(fieldLabel('moneyCountPerDay'));
    // With ten allowed, six refunds raise nothing.
    tc.core.evaluateAlerts();
    expect(unwrap(await admin.call('alerts.list', undefined)).alerts).toEqual([]);
    failure(
      await admin.call('alerts.updateRules', { rules: { hoursMon: '18:00-08:00' } }),
      'validation',
    );
  });
});

describe('alert email to the owner', () => {
  it('arrives at a real SMTP server, after retries while it was down; the password stays sealed', async () => {
    const smtp = await createSmtpReceiver(makeTempDir('smtp'));
    onTestFinished(() => smtp.stop());
    const { tc, admin } = await withAlert();
    const settings = unwrap(
      await admin.call('alerts.updateRules', {
        mail: {
          enabled: true,
          host: '127.0.0.1',
          port: smtp.port,
          tls: false,
          from: 'isp-desk@office.test',
          to: 'owner@office.test',
          password: 'smtp-Secret-42',
        },
      }),
    );
    expect(settings.mail).toMatchObject({ passwordSet: true, to: 'owner@office.test' });
    expect(JSON.stringify(settings)).not.toContain('smtp-Secret-42');

    // The server is not up yet: the first attempt fails and is logged for a retry.
    tc.core.evaluateAlerts();
    await expect
      .poll(() => tc.core.alertMail.sendLog()[0]?.attempts ?? 0, { timeout: 15_000, interval: 20 })
      .toBeGreaterThanOrEqual(1);
    expect(tc.core.alertMail.sendLog()[0]).toMatchObject({ status: 'pending' });

    await smtp.start();
    await expect
      .poll(
        () => {
          tc.clock.advance(MINUTE);
          tc.core.alertMail.tick();
          return smtp.messages().length;
        },
        { timeout: 20_000, interval: 50 },
      )
      .toBe(1);
    const [message] = smtp.messages();
    expect(message).toContain('Subject: [ISP Desk alert]');
    expect(message).toContain('To: owner@office.test');
    expect(message).toContain('refunds, voids or negative adjustments');
    await expect.poll(() => tc.core.alertMail.sendLog()[0]?.status).toBe('sent');

    // Never in clear: not in the log, not in the settings table.
    const everything = JSON.stringify(logEntries(tc.core));
    expect(everything).not.toContain('smtp-Secret-42');
    expect(everything).toContain('SMTP password changed');
    const stored = tc.core.sqlite
      .prepare<[], { value: string }>("SELECT value FROM settings WHERE key LIKE 'alerts.mail.%'")
      .all()
      .map((r) => r.value)
      .join(' ');
    expect(stored).not.toContain('smtp-Secret-42');
  });
});
