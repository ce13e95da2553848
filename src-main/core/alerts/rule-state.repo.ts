import type { Sqlite } from '../db/open-database';

/** One counting window of a rule for one key (an account, an address, a staff member's day). */
export type RuleWindow = {
  windowStart: number;
  count: number;
  amount: number;
  /** The window's entry ids (capped by the rule) and anything else the rule keeps. */
  data: { ids: number[]; seen?: string[] };
};

/** What the rules read and write of their windows: the repository, or one batch's cache of it. */
export type RuleStates = {
  get(rule: string, key: string): RuleWindow | undefined;
  put(rule: string, key: string, w: RuleWindow): void;
  remove(rule: string, key: string): void;
};

type Row = { window_start: number; count: number; amount: number; data: string };

/** Repository of the `alert_rule_state` table: one small row per rule and key. */
export const createRuleStateRepo = (sqlite: Sqlite) => {
  const get = sqlite.prepare<[string, string], Row>(
    'SELECT window_start, count, amount, data FROM alert_rule_state WHERE rule = ? AND key = ?',
  );
  const put = sqlite.prepare<[string, string, number, number, number, string]>(
    `INSERT INTO alert_rule_state (rule, key, window_start, count, amount, data) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (rule, key) DO UPDATE SET window_start = excluded.window_start,
       count = excluded.count, amount = excluded.amount, data = excluded.data`,
  );
  const remove = sqlite.prepare<[string, string]>(
    'DELETE FROM alert_rule_state WHERE rule = ? AND key = ?',
  );
  const ofRule = sqlite.prepare<[string], Row & { key: string }>(
    'SELECT key, window_start, count, amount, data FROM alert_rule_state WHERE rule = ?',
  );
  const pruneBefore = sqlite.prepare<[number, string]>(
    'DELETE FROM alert_rule_state WHERE window_start < ? AND rule != ?',
  );
  const toWindow = (r: Row): RuleWindow => ({
    windowStart: r.window_start,
    count: r.count,
    amount: r.amount,
    data: JSON.parse(r.data) as RuleWindow['data'],
  });
  return {
    get: (rule: string, key: string): RuleWindow | undefined => {
      const r = get.get(rule, key);
      return r ? toWindow(r) : undefined;
    },
    put: (rule: string, key: string, w: RuleWindow): void => {
      put.run(rule, key, w.windowStart, w.count, w.amount, JSON.stringify(w.data));
    },
    remove: (rule: string, key: string): void => {
      remove.run(rule, key);
    },
    /** Every key of one rule (a handful: the routers offline right now). */
    all: (rule: string): (RuleWindow & { key: string })[] =>
      ofRule.all(rule).map((r) => ({ key: r.key, ...toWindow(r) })),
    /** Drops windows that started before `ms`, except the rule whose rows are open-ended. */
    prune: (ms: number, keep: string): void => {
      pruneBefore.run(ms, keep);
    },
  };
};

export type RuleStateRepo = ReturnType<typeof createRuleStateRepo>;
