import type { RuleStateRepo, RuleStates, RuleWindow } from './rule-state.repo';

type Slot = { rule: string; key: string; window: RuleWindow | undefined; changed: boolean };

/**
 * The rules' windows during one evaluation batch: each (rule, key) is read from the table at most
 * once, kept in memory while the batch's entries are evaluated, and written once by `flush` (or
 * removed). The evaluator flushes inside the batch's transaction, beside the cursor, so the
 * windows are exactly as durable as they were with a write per entry.
 */
export const createRuleStateBatch = (repo: RuleStateRepo) => {
  const slots = new Map<string, Slot>();
  const set = (rule: string, key: string, window: RuleWindow | undefined) => {
    const id = `${rule}\u0000${key}`;
    const slot = slots.get(id);
    if (slot) {
      slot.window = window;
      slot.changed = true;
    } else slots.set(id, { rule, key, window, changed: true });
  };
  const states: RuleStates & { flush(): void } = {
    get: (rule, key) => {
      const id = `${rule}\u0000${key}`;
      let slot = slots.get(id);
      if (!slot) {
        slot = { rule, key, window: repo.get(rule, key), changed: false };
        slots.set(id, slot);
      }
      return slot.window;
    },
    put: (rule, key, w) => {
      set(rule, key, w);
    },
    remove: (rule, key) => {
      set(rule, key, undefined);
    },
    /** Writes every window the batch changed; the batch starts empty again. */
    flush: () => {
      for (const s of slots.values()) {
        if (!s.changed) continue;
        if (s.window) repo.put(s.rule, s.key, s.window);
        else repo.remove(s.rule, s.key);
      }
      slots.clear();
    },
  };
  return states;
};

export type RuleStateBatch = ReturnType<typeof createRuleStateBatch>;
