import { describe, expect, it, onTestFinished } from 'vitest';
import { createRsyslog, type Rsyslog } from '../test-support/rsyslog-receiver';
import {
  ADMIN,
  createTestCore,
  failure,
  logRows,
  makeTempDir,
  signInAdmin,
  testCore,
  unwrap,
  type TestClient,
  type TestCore,
} from '../test-support/test-core';
import { octetCounted, syslogMessage } from './syslog-format';

const FAST = { retryMs: 20, retryMaxMs: 200, connectTimeoutMs: 2_000, resendWindowMs: 10_000 };

const receiver = async (): Promise<Rsyslog> => {
  const rsyslog = await createRsyslog(makeTempDir('rsyslog'));
  onTestFinished(() => rsyslog.stop());
  await rsyslog.start();
  return rsyslog;
};

const forwardTo = async (admin: TestClient, rsyslog: Rsyslog) =>
  unwrap(
    await admin.call('forwarding.update', {
      enabled: true,
      host: '127.0.0.1',
      port: rsyslog.port,
      facility: 13,
    }),
  );

/** The entry id in a received message's structured data. */
const idOf = (line: string): number => Number(/ id="(\d+)"/.exec(line)?.[1]);

/** Waits until the receiver holds every entry of the log (polling, never a fixed wait). */
const everyEntryArrives = async (rsyslog: Rsyslog, tc: TestCore) => {
  await expect
    .poll(
      () => {
        const got = new Set(rsyslog.lines().map(idOf));
        return logRows(tc.core).filter((r) => !got.has(r.id)).length;
      },
      { timeout: 20_000, interval: 50 },
    )
    .toBe(0);
};

/** The messages as the app formats them, by entry id. */
const expectedMessages = (tc: TestCore) =>
  new Map(
    logRows(tc.core).map((r) => [
      r.id,
      syslogMessage(r, {
        facility: 13,
        appName: 'isp-desk',
        hostname: tc.core.host.name,
        procId: String(process.pid),
        timeZone: 'UTC',
      }),
    ]),
  );

const signIns = async (tc: TestCore, n: number) => {
  for (let i = 0; i < n; i++) {
    const c = tc.client({ ip: `10.1.0.${String(i + 1)}` });
    unwrap(await c.call('auth.login', { username: 'admin', password: ADMIN.password }));
  }
};

/** First arrivals in order, without gaps: what an at-least-once stream promises. */
const expectInOrderWithoutGaps = (rsyslog: Rsyslog, tc: TestCore) => {
  const firsts: number[] = [];
  const seen = new Set<number>();
  for (const id of rsyslog.lines().map(idOf)) {
    if (!seen.has(id)) firsts.push(id);
    seen.add(id);
  }
  expect(firsts).toEqual(logRows(tc.core).map((r) => r.id));
};

describe('forwarding the log to a real rsyslog (RFC 5424 over TCP, octet counting)', () => {
  it('delivers every entry exactly as sent, with its id and hash in structured data', async () => {
    const rsyslog = await receiver();
    const tc = testCore({ forwarding: FAST });
    tc.core.start();
    const admin = await signInAdmin(tc);
    await forwardTo(admin, rsyslog);
    await signIns(tc, 5);
    await everyEntryArrives(rsyslog, tc);

    const expected = expectedMessages(tc);
    for (const line of rsyslog.lines()) expect(line).toBe(expected.get(idOf(line)));
    const [first] = rsyslog.lines();
    expect(first).toMatch(/^<110>1 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00 /);
    expect(first).toMatch(/\[isp-desk@32473 id="1" type="system" .* hash="[0-9a-f]{64}"\]/);
    expectInOrderWithoutGaps(rsyslog, tc);

    // The receiver may have the last entry a moment before the app hears its write finished.
    await expect
      .poll(async () => unwrap(await admin.call('forwarding.status', undefined)))
      .toMatchObject({ connected: true, behindEntries: 0, behindMs: 0, lastError: null });
  });

  it('catches up in order after the receiver was down, and logs the outage', async () => {
    const rsyslog = await receiver();
    const tc = testCore({ forwarding: FAST });
    tc.core.start();
    const admin = await signInAdmin(tc);
    await forwardTo(admin, rsyslog);
    unwrap(await admin.call('forwarding.update', { behindEntries: 4 }));
    await everyEntryArrives(rsyslog, tc);

    await rsyslog.stop();
    await signIns(tc, 3);
    // The app notices the stream is gone and logs it once, retrying meanwhile.
    await expect
      .poll(() => logRows(tc.core).some((r) => r.event === 'forwarding.interrupted'), {
        timeout: 20_000,
      })
      .toBe(true);
    await signIns(tc, 3);
    const behind = unwrap(await admin.call('forwarding.status', undefined));
    expect(behind.behindEntries).toBeGreaterThan(0);
    expect(behind.lastError).not.toBeNull();

    await rsyslog.start();
    await expect
      .poll(() => logRows(tc.core).some((r) => r.event === 'forwarding.resumed'), {
        timeout: 20_000,
      })
      .toBe(true);
    await everyEntryArrives(rsyslog, tc);
    expectInOrderWithoutGaps(rsyslog, tc);
    // Falling 4 entries behind was logged once (an alert rule's input), and catching up.
    const events = logRows(tc.core).map((r) => r.event);
    expect(events.filter((e) => e === 'forwarding.behind')).toHaveLength(1);
    await expect
      .poll(() => logRows(tc.core).some((r) => r.event === 'forwarding.caught_up'), {
        timeout: 20_000,
      })
      .toBe(true);
    const expected = expectedMessages(tc);
    for (const line of rsyslog.lines()) expect(line).toBe(expected.get(idOf(line)));
  });

  it('resumes from its saved place after the app restarts', async () => {
    const rsyslog = await receiver();
    const dataDir = makeTempDir('forward-restart');
    const first = createTestCore({ dataDir, forwarding: FAST });
    first.core.start();
    const admin = await signInAdmin(first);
    await forwardTo(admin, rsyslog);
    await signIns(first, 2);
    await everyEntryArrives(rsyslog, first);
    await first.close(); // its "stopped" entry is sent before the stream closes

    const second = createTestCore({ dataDir, forwarding: FAST });
    onTestFinished(() => second.close());
    second.core.start();
    await signIns(second, 2);
    await everyEntryArrives(rsyslog, second);
    expectInOrderWithoutGaps(rsyslog, second);
    // Sent once each: nothing before the restart was sent again.
    const ids = rsyslog.lines().map(idOf);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('checks its settings, logs their changes, and only an administrator may change them', async () => {
    const tc = testCore({ forwarding: FAST });
    const admin = await signInAdmin(tc);
    const noHost = failure(await admin.call('forwarding.update', { enabled: true }), 'validation');
    expect(noHost.message).toMatch(/needs a host/);
    failure(await admin.raw('forwarding.update', { port: 70_000 }), 'validation');
    failure(await admin.raw('forwarding.update', { host: 'bad host!' }), 'validation');
    failure(await admin.raw('forwarding.update', { appName: 'two words' }), 'validation');
    const changed = unwrap(
      await admin.call('forwarding.update', { host: 'logs.example.net', port: 6514, tls: true }),
    );
    expect(changed.settings).toMatchObject({ host: 'logs.example.net', port: 6514, tls: true });
    const entry = logRows(tc.core).find((r) => r.event === 'forwarding.settings_updated');
    expect(entry?.description).toMatch(/changed log forwarding/);
  });
});

describe('syslog message format', () => {
  it('escapes structured-data values and counts octets in bytes', () => {
    const row = {
      id: 7,
      ts: Date.UTC(2026, 11, 7, 12, 0, 13, 147),
      type: 'user' as const,
      category: 'financial' as const,
      event: 'payment.recorded',
      outcome: 'failure' as const,
      actor_id: 2,
      actor_name: 'ma"ri]a\\',
      ip: '10.0.0.5',
      workstation: 'Front desk',
      description: 'Payment of KES 1,000 — M-Pesa',
      target_type: null,
      target_id: null,
      target_label: null,
      client_id: 12,
      router_id: null,
      details: null,
      correlation_id: 'c1',
      row_hash: Buffer.alloc(32, 1),
    };
    const message = syslogMessage(row, {
      facility: 13,
      appName: 'isp-desk',
      hostname: 'front desk pc',
      procId: '42',
      timeZone: 'Africa/Nairobi',
    });
    expect(message).toBe(
      `<108>1 2026-12-07T15:00:13.147+03:00 front_desk_pc isp-desk 42 payment.recorded [isp-desk@32473 id="7" type="user" category="financial" event="payment.recorded" outcome="failure" actor="ma\\"ri\\]a\\\\" actorId="2" ip="10.0.0.5" workstation="Front desk" client="12" correlation="c1" hash="${'01'.repeat(32)}"] Payment of KES 1,000 — M-Pesa`,
    );
    const framed = octetCounted(message);
    const length = Buffer.byteLength(message);
    expect(framed.toString('utf8')).toBe(`${String(length)} ${message}`);
    expect(length).toBeGreaterThan(message.length); // the dash is three bytes
  });
});
