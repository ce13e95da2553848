import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_POLICY } from './auth-policy';
import { createIpThrottle } from './ip-throttle';
import { createLoginGate } from './login-gate';
import {
  ADMIN,
  failure,
  signInAdmin,
  testCore,
  unwrap,
  type TestClient,
} from '../test-support/test-core';

describe('sign-in admission', () => {
  it('checks at most two passwords per address at once and answers the rest at once', async () => {
    const tc = testCore();
    await signInAdmin(tc, { ip: '10.0.0.5' });
    const attacker = tc.client({ ip: '10.6.6.6' });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        attacker.call('auth.login', { username: 'admin', password: `guess ${String(i)}` }),
      ),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'invalid_credentials')).toHaveLength(2);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(198);
    const refused = failure(results.at(-1) ?? { ok: true, value: null }, 'rate_limited');
    expect(refused.message).toMatch(/Too many sign-in attempts at once\. Try again in \d+ s\./);
    expect(refused.details).toEqual({ retryAfterSeconds: expect.any(Number) as number });
    // Only the two that were checked count as failures (and reach the log).
    expect(tc.core.sqlite.prepare('SELECT failed_logins AS n FROM staff').get()).toEqual({ n: 2 });

    // Other addresses are not held up; the attacker's next attempt is admitted again.
    const office = tc.client({ ip: '10.0.0.7' });
    unwrap(await office.call('auth.login', { username: 'admin', password: ADMIN.password }));
    failure(
      await attacker.call('auth.login', { username: 'admin', password: 'one more' }),
      'invalid_credentials',
    );
  });

  it('caps password checks in progress across all addresses', async () => {
    const tc = testCore({ authPolicy: { maxSignInsInProgress: 5 } });
    await signInAdmin(tc);
    const clients: TestClient[] = Array.from({ length: 12 }, (_, i) =>
      tc.client({ ip: `10.1.0.${String(i + 1)}` }),
    );
    const results = await Promise.all(
      clients.map((c) => c.call('auth.login', { username: 'nobody', password: 'x' })),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'invalid_credentials')).toHaveLength(5);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(7);
  });

  it('spaces parallel attempts of a failing address one delay apart, at admission', () => {
    let now = 1_000_000;
    const throttle = createIpThrottle(DEFAULT_AUTH_POLICY, () => now);
    const gate = createLoginGate(DEFAULT_AUTH_POLICY, throttle, () => now);
    for (let i = 0; i < 4; i++) throttle.failed('10.6.6.6'); // one over the threshold: 500 ms
    const first = gate.admit('10.6.6.6');
    const second = gate.admit('10.6.6.6');
    expect([first.waitMs, second.waitMs]).toEqual([500, 1000]);
    // A third in parallel is refused, told when its turn would come.
    expect(() => gate.admit('10.6.6.6')).toThrow(/Try again in 2 s/);
    expect(gate.admit('10.0.0.1').waitMs).toBe(0); // another address: no wait
    now += 500;
    first.release();
    const third = gate.admit('10.6.6.6'); // after the second's slot
    expect(third.waitMs).toBe(1000);
    second.release();
    third.release();
    now += 5_000;
    // Sequential attempts wait one delay each, as before.
    expect(gate.admit('10.6.6.6').waitMs).toBe(500);
  });
});
