import type { DemoProgress } from '../contract/schemas/system';
import type { SeedSummary } from './demo-seeder';

/** "1 client", "212 clients". */
const count = (n: number, one: string, many = `${one}s`) => `${String(n)} ${n === 1 ? one : many}`;

/**
 * What opening the demo office is doing, in words with counts, for the first-run screen and the
 * console: the simulated routers starting, each day of the history being made (when the folder is
 * new), then the routers being brought up to date. `total` counts those steps.
 */
export const demoProgress = (opts: { routers: number; days: number; seeding: boolean }) => {
  const total = 2 + (opts.seeding ? opts.days : 0);
  return {
    routersStarting: (): DemoProgress => ({
      message: `Starting ${count(opts.routers, 'simulated router')}`,
      done: 0,
      total,
    }),
    day: (day: number, days: number, made: Readonly<SeedSummary>): DemoProgress => ({
      message:
        `Making six months of office life: day ${String(day)} of ${String(days)} ` +
        `(${count(made.clients, 'client')}, ${count(made.payments, 'payment')})`,
      done: 1 + day,
      total,
    }),
    provisioning: (): DemoProgress => ({
      message: `Bringing ${count(opts.routers, 'simulated router')} up to date with the office's clients`,
      done: total - 1,
      total,
    }),
  };
};
