import { DEMO_PASSWORD } from '../demo-catalog';
import {
  firstDayPassword,
  MINUTE,
  HOUR,
  type SeedContext,
  type StaffKey,
  type Task,
} from './seed-context';

/** Staff sign out before a pause longer than this (below the seeding policy's idle timeout). */
const MAX_GAP = 10 * HOUR;

/**
 * Plays the planned tasks out day by day: the expiry job just after midnight (as the running app
 * does it, isolating expired clients on the routers), then the day's tasks in time order.
 */
export const playOutTheDays = async (s: SeedContext): Promise<void> => {
  let reported = 0;
  for (let day = 0; day < s.days; day++) {
    if (day > 0) {
      if (s.officeTime(day, 0, 5) >= s.endAt) break;
      s.setClock(s.officeTime(day, 0, 5));
      await s.core.services.expiry.run(s.core.systemMeta());
    }
    const todays = s.takeTasksBefore(s.officeTime(day + 1, 0));
    if (todays.length > 0) await playDay(s, todays);
    s.onDay((reported = day + 1), s.days, s.summary);
  }
  // The history ends now: the last day may have been today, cut short.
  if (reported < s.days) s.onDay(s.days, s.days, s.summary);
  await s.push();
};

type Step =
  | { at: number; seq: number; kind: 'login' | 'logout'; who: StaffKey }
  | { at: number; seq: number; kind: 'task'; task: Task };

/** One working day: each staff member signs in before their first task and after any long pause. */
const playDay = async (s: SeedContext, todays: Task[]) => {
  const { rng } = s;
  const steps: Step[] = [];
  let seq = 0;
  const byStaff = new Map<StaffKey, Task[]>();
  for (const t of todays) {
    if (t.who === null) steps.push({ at: t.at, seq: (seq += 1), kind: 'task', task: t });
    else byStaff.set(t.who, [...(byStaff.get(t.who) ?? []), t]);
  }
  for (const [who, list] of byStaff) {
    list.forEach((t, i) => {
      const prev = list[i - 1];
      const next = list[i + 1];
      if (!prev || t.at - prev.at > MAX_GAP) {
        steps.push({ at: t.at - rng.between(1, 3) * MINUTE, seq: (seq += 1), kind: 'login', who });
      }
      steps.push({ at: t.at, seq: (seq += 1), kind: 'task', task: t });
      if (!next || next.at - t.at > MAX_GAP) {
        steps.push({ at: t.at + rng.between(1, 4) * MINUTE, seq: (seq += 1), kind: 'logout', who });
      }
    });
  }
  steps.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const step of steps) {
    s.setClock(step.at);
    if (step.kind === 'task') {
      const { task } = step;
      await (task.who === null ? task.run() : task.run(s.deskOf(task.who)));
      await s.push();
      continue;
    }
    const desk = s.deskOf(step.who);
    if (step.kind === 'login') {
      const password = desk.firstDay ? firstDayPassword(desk.staff) : DEMO_PASSWORD;
      await s.call(desk, 'auth.login', { username: desk.staff.username, password });
      if (desk.firstDay) {
        await s.call(desk, 'auth.changePassword', {
          currentPassword: password,
          newPassword: DEMO_PASSWORD,
        });
        desk.firstDay = false;
      }
    } else if (desk.ctx.sessionToken !== null) {
      await s.call(desk, 'auth.logout', undefined);
    }
  }
};
