import type { In } from '../../contract/api';

/**
 * A valid `plans.create` input (a 10 Mbit/s PPPoE plan at 25.00 a month), with `over` on top.
 * Free of the test runner, so that benchmarks use it too.
 */
export const planInput = (over: Partial<In<'plans.create'>> = {}): In<'plans.create'> => ({
  name: 'Home 10M',
  serviceType: 'pppoe',
  rateDownKbps: 10_000,
  rateUpKbps: 5_000,
  price: 2_500,
  validity: { unit: 'months', count: 1 },
  routerProfile: 'home-10m',
  expiryAction: 'isolate',
  isolationProfile: 'expired',
  ...over,
});
