import type { HealthSample } from '../../contract/schemas/routers';
import { DEMO_ROUTERS } from '../demo-catalog';
import { outageWindow, OUTAGE_ROUTER } from './log-stories';
import { DAY, HOUR, MINUTE, type OfficeIds, type SeedContext } from './seed-context';

/** The last week is kept as the monitor keeps it (a sample every 5 minutes); older days hourly. */
const FINE_DAYS = 7;
const FINE_EVERY = 5 * MINUTE;
const COARSE_EVERY = HOUR;

/** Share of a router's subscribers online at each office hour (quiet at night, busy evenings). */
const ONLINE_BY_HOUR = [
  0.42, 0.36, 0.32, 0.3, 0.3, 0.33, 0.4, 0.48, 0.52, 0.55, 0.56, 0.57, 0.6, 0.58, 0.56, 0.57, 0.6,
  0.66, 0.74, 0.82, 0.86, 0.85, 0.74, 0.56,
];

/** When each sample falls: hourly until the last FINE_DAYS, then every 5 minutes, up to `end`. */
const sampleTimes = (start: number, end: number): number[] => {
  const fineFrom = end - FINE_DAYS * DAY;
  const times: number[] = [];
  let t = Math.ceil(start / COARSE_EVERY) * COARSE_EVERY;
  for (; t < fineFrom; t += COARSE_EVERY) times.push(t);
  for (t = Math.ceil(fineFrom / FINE_EVERY) * FINE_EVERY; t < end; t += FINE_EVERY) times.push(t);
  return times;
};

/**
 * The routers' health over the months of the demo, as their monitor would have kept it: CPU and
 * sessions that follow the day (busy evenings) and grow with the office's clients, memory that
 * creeps up between reboots, a few milliseconds of latency with evening peaks, and the tower's
 * power cut of the outage story (failed checks from 03:52 until the power came back at 09:54,
 * after which it counts its uptime from zero). The real checks the stories ran (the first one,
 * the outage's) are already stored; these fill the hours around them. Written through the core's
 * demo support in bounded transactions. Drawn after the days are played out, from the same
 * random stream, so the rest of the office does not change with it.
 */
export const seedHealthHistory = async (s: SeedContext, ids: OfficeIds): Promise<number> => {
  const start = s.officeTime(0, 11, 30); // just after the routers' first health check
  const times = sampleTimes(start, s.endAt);
  const outage = outageWindow(s);
  let written = 0;
  for (const [index, def] of DEMO_ROUTERS.entries()) {
    const routerId = ids.routerIds[index];
    if (routerId === undefined) continue;
    const subscribers = (s.clientTarget * def.weight) / 100;
    const cpuBase = s.rng.between(6, 14);
    const latencyBase = s.rng.between(2, 6);
    const memoryBase = s.rng.between(28, 38);
    const bootedAt = start - s.rng.between(10, 40) * DAY;
    const samples: HealthSample[] = [];
    for (const ts of times) {
      const down = index === OUTAGE_ROUTER && ts >= outage.from && ts < outage.to;
      if (down) {
        samples.push({
          ts,
          ok: false,
          latencyMs: null,
          cpuLoad: null,
          memoryUsedPct: null,
          activeSessions: null,
          uptimeSec: null,
        });
        continue;
      }
      const since = index === OUTAGE_ROUTER && ts >= outage.to ? outage.to : bootedAt;
      const grown = 0.15 + 0.85 * Math.min(1, (ts - start) / Math.max(DAY, s.endAt - start));
      const hour = Math.floor((ts - s.officeTime(s.dayOf(ts), 0)) / HOUR);
      const online = ONLINE_BY_HOUR[hour] ?? 0.5;
      const busy = online * grown;
      const spike = s.rng.chance(0.01) ? 40 : 0;
      const creep = ((ts - since) / DAY) * 0.08;
      samples.push({
        ts,
        ok: true,
        latencyMs: latencyBase + Math.round(busy * 6 + s.rng.next() * 3) + spike,
        cpuLoad: Math.min(100, cpuBase + Math.round(busy * 45 + s.rng.next() * 8)),
        memoryUsedPct: Math.min(95, memoryBase + Math.round(creep + s.rng.next() * 3)),
        activeSessions: Math.round(subscribers * busy * (0.92 + s.rng.next() * 0.16)),
        uptimeSec: Math.round((ts - since) / 1000),
      });
    }
    await s.core.services.demo.healthHistory(routerId, samples);
    written += samples.length;
  }
  return written;
};
