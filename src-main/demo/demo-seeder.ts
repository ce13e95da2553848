import type { AuthPolicy } from '../core/auth/auth-policy';
import type { Core } from '../core/create-core';
import { scheduleLogStories } from './seeding/log-stories';
import { scheduleOfficeEvents } from './seeding/office-events';
import { openTheOffice } from './seeding/open-the-office';
import {
  createSeedContext,
  HOUR,
  type SeedOptions,
  type SeedSummary,
} from './seeding/seed-context';
import { scheduleSignUps } from './seeding/sign-ups';
import { scheduleAlertStory } from './seeding/alert-story';
import { seedHealthHistory } from './seeding/health-history';
import { playOutTheDays } from './seeding/working-days';

export type { SeedOptions, SeedSummary };

/**
 * The seeding core's sign-in policy: demo passwords hashed cheaply (the first real sign-in
 * rehashes them with the OWASP parameters) and sessions that last a working day, so that staff
 * sign in once each morning instead of after every pause. The core given to the seeder must use it.
 */
export const SEEDING_AUTH_POLICY: Partial<AuthPolicy> = {
  scrypt: { N: 2 ** 8, r: 8, p: 1 },
  // The night's password guessing (seeding/log-stories.ts) is not made to wait in real time.
  maxIpDelayMs: 0,
  idleTimeoutMs: 11 * HOUR,
};

/**
 * Seeds a demo office into a fresh core through the same dispatcher the app's screens use, in
 * time order on the core's controllable clock: setup, staff, routers, plans, then about six
 * months of sign-ups, payments and renewals, late payers who expire (the real expiry job) and
 * come back, churn, suspensions, archived clients, refunds, voids and outage credits, and the
 * stories the activity log is for (failed sign-ins, a router outage, a retried push, a late
 * change: seeding/log-stories.ts). Router work
 * is pushed to the simulated routers by the real queue; the routers' months of health history
 * follow (seeding/health-history.ts). Same options, same office.
 *
 * The scenario steps (seeding/) run in this order and draw from one random stream, so their
 * order is part of what makes the office.
 */
export const seedDemoOffice = async (core: Core, opts: SeedOptions): Promise<SeedSummary> => {
  const s = createSeedContext(core, opts);
  const ids = await openTheOffice(s, opts.routers.ports);
  scheduleSignUps(s, ids);
  scheduleOfficeEvents(s, ids);
  scheduleLogStories(s, ids);
  scheduleAlertStory(s);
  await playOutTheDays(s);
  await seedHealthHistory(s, ids);
  s.summary.entries = core.services.demo.logEntries();
  return s.summary;
};
