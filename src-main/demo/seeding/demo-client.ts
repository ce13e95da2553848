import type { DemoPlanKey } from '../demo-catalog';

/** How a client pays over the months: on time, late, until they stop, or until they leave. */
export type Profile = 'prompt' | 'late' | 'churn' | 'suspend' | 'archive';

/** A client as the seeder follows it (its id once `clients.create` has run). */
export type DemoClient = {
  id: number;
  plan: DemoPlanKey;
  profile: Profile;
  /** Payments left before a churning client stops paying. */
  paymentsLeft: number;
  business: boolean;
  /** Suspended or archived from this moment on: no more payments. */
  stopsAt: number;
};
