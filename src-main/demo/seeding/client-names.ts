import type { SeededRandom } from '../../domain/seeded-random';
import { BUSINESS_NAMES, DEMO_STAFF, FIRST_NAMES, LAST_NAMES } from '../demo-catalog';

export type ClientName = { first: string; last: string; fullName: string };

/**
 * Client names that are never repeated: no "Achieng Achieng" (a first name that is also a family
 * name), no two clients with one name, no client named like a member of staff. A business whose
 * name is taken gets its area added ("Zuri Bakery Kasarani").
 */
export const createNamePicker = (rng: SeededRandom) => {
  const used = new Set(DEMO_STAFF.map((s) => s.displayName));
  const person = (): ClientName => {
    for (;;) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const fullName = `${first} ${last}`;
      if (first === last || used.has(fullName)) continue;
      used.add(fullName);
      return { first, last, fullName };
    }
  };
  const business = (area: string): string => {
    const free = BUSINESS_NAMES.filter((n) => !used.has(n));
    const base = free.length > 0 ? rng.pick(free) : `${rng.pick(BUSINESS_NAMES)} ${area}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} ${String(n)}`;
    used.add(name);
    return name;
  };
  return { person, business };
};
