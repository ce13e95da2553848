import { describe, expect, it, onTestFinished } from 'vitest';
import { seedTestOffice } from './demo-test-office';

describe('the demo office raises real alerts from its story', () => {
  it('a brute-force attempt and an after-hours refund, and nothing from its ordinary days', async () => {
    const { core, stop } = await seedTestOffice({ clients: 40, days: 30 });
    onTestFinished(stop);
    core.evaluateAlerts();
    const { alerts } = core.services.alerts.list(undefined);
    // The alert story (five guesses at one account, an after-hours refund) and the log's stories
    // (twelve guesses from one address at several accounts, a router's power cut) raise these,
    // and nothing else does.
    expect(alerts.map((a) => a.rule).sort()).toEqual([
      'brute_force',
      'brute_force',
      'outside_hours',
      'password_spraying',
      'router_trouble',
    ]);
    expect(alerts.some((a) => a.rule === 'brute_force' && a.count >= 5)).toBe(true);
    const late = alerts.find((a) => a.rule === 'outside_hours');
    expect(late?.title).toContain('Amina Hassan');
  });
});
