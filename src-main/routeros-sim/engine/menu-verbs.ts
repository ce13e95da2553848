import type { CommandSentence } from '../protocol/command-sentence';
import { matchesQuery } from '../protocol/query-stack';
import { fmtId } from './format';
import type { Attr, MenuEnv, MenuTable, Row, Verb } from './menu-table';
import { SimTrap, TRAP_CATEGORY } from './sim-trap';

export type ReplyOutcome = {
  kind: 'reply';
  rows: Attr[][];
  done: Attr[];
  /** The command produced no data (7.18+ may answer `!empty`). */
  noData: boolean;
  isPrint: boolean;
};

export type ListenOutcome = {
  kind: 'listen';
  table: MenuTable;
  initial: Attr[][];
  proplist: string[] | null;
  queries: string[];
};

export type VerbOutcome = ReplyOutcome | ListenOutcome;

const PRINT_ARGS = new Set([
  '.proplist',
  'count-only',
  'detail',
  'without-paging',
  'terse',
  'follow',
  'follow-only',
  'stats',
  'brief',
  'as-value',
  'interval',
]);

const done = (attrs: Attr[] = [], noData = true): ReplyOutcome => ({
  kind: 'reply',
  rows: [],
  done: attrs,
  noData,
  isPrint: false,
});

/** Applies `.proplist` (exact names; `.id` only when listed) to printable attributes. */
export const applyProplist = (attrs: readonly Attr[], proplist: string[] | null): Attr[] =>
  proplist === null ? [...attrs] : attrs.filter(([k]) => proplist.includes(k));

export const parseProplist = (cmd: CommandSentence): string[] | null => {
  const raw = cmd.attributes.get('.proplist') ?? cmd.apiAttributes.get('proplist');
  return raw === undefined ? null : raw.split(',').filter((p) => p !== '');
};

export const rowMatches = (
  table: MenuTable,
  attrs: readonly Attr[],
  queries: readonly string[],
): boolean =>
  matchesQuery(queries, Object.fromEntries(attrs), (name, value) => {
    const norm = table.field(name)?.queryNormalize;
    return norm ? norm(value) : value;
  });

const unknownParam = (env: MenuEnv, name: string): never => {
  throw new SimTrap(env.messages.unknownParameter(name), TRAP_CATEGORY.argumentValue);
};

/** Validates and normalises the property attributes of add/set (everything but addressing). */
const normalizeInput = (
  table: MenuTable,
  cmd: CommandSentence,
  env: MenuEnv,
  skip: readonly string[],
): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of cmd.attributes) {
    if (skip.includes(name) || name.startsWith('.')) continue;
    const field = table.field(name);
    if (!field) return unknownParam(env, name);
    if (!field.writable) {
      throw new SimTrap(env.messages.readOnlyProperty(name), TRAP_CATEGORY.argumentValue);
    }
    out[name] = field.normalize ? field.normalize(value, env.fields) : value;
  }
  return out;
};

const print = (table: MenuTable, cmd: CommandSentence, env: MenuEnv): VerbOutcome => {
  for (const name of cmd.attributes.keys()) if (!PRINT_ARGS.has(name)) unknownParam(env, name);
  const proplist = parseProplist(cmd);
  const all = [...table.rows.values()].map((row) => table.output(row, env));
  const matching = all.filter((attrs) => rowMatches(table, attrs, cmd.queries));
  if (cmd.attributes.has('follow-only')) {
    return { kind: 'listen', table, initial: [], proplist, queries: cmd.queries };
  }
  if (cmd.attributes.has('follow')) {
    const initial = matching.map((attrs) => applyProplist(attrs, proplist));
    return { kind: 'listen', table, initial, proplist, queries: cmd.queries };
  }
  if (cmd.attributes.has('count-only')) return done([['ret', String(matching.length)]], false);
  const rows = matching.map((attrs) => applyProplist(attrs, proplist));
  return { kind: 'reply', rows, done: [], noData: rows.length === 0, isPrint: true };
};

const add = (table: MenuTable, cmd: CommandSentence, env: MenuEnv): VerbOutcome => {
  const input = normalizeInput(table, cmd, env, []);
  for (const f of table.spec.fields) {
    if (f.mandatory && input[f.name] === undefined) {
      throw new SimTrap(env.messages.missingMandatory(f.name), TRAP_CATEGORY.argumentValue);
    }
  }
  const values = table.withDefaults(input);
  table.spec.validate?.(values, env);
  table.checkUnique(values, env);
  const row = table.insert(values, { createdAt: env.now() });
  table.spec.onUpdate?.(row, {}, env);
  env.notify(table, 'upsert', row);
  return done([['ret', fmtId(row.id)]], false);
};

const targetRows = (table: MenuTable, cmd: CommandSentence, env: MenuEnv): Row[] => {
  if (table.spec.singleton) return [...table.rows.values()];
  const ref = cmd.attributes.get('.id') ?? cmd.attributes.get('numbers');
  if (ref === undefined) {
    throw new SimTrap(env.messages.missingMandatory('numbers'), TRAP_CATEGORY.argumentValue);
  }
  return table.resolve(ref, env);
};

const update = (
  table: MenuTable,
  rows: readonly Row[],
  changes: Record<string, string | undefined>,
  env: MenuEnv,
): void => {
  const planned = rows.map((row) => {
    const next = { ...row.values };
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) Reflect.deleteProperty(next, k);
      else next[k] = v;
    }
    table.spec.validate?.(next, env);
    table.checkUnique(next, env, row);
    return [row, next] as const;
  });
  for (const [row, next] of planned) {
    const before = row.values;
    row.values = next;
    table.spec.onUpdate?.(row, before, env);
    env.notify(table, 'upsert', row);
  }
};

const set = (table: MenuTable, cmd: CommandSentence, env: MenuEnv): VerbOutcome => {
  const rows = targetRows(table, cmd, env);
  update(table, rows, normalizeInput(table, cmd, env, ['numbers']), env);
  return done();
};

const onlyAddressing = (cmd: CommandSentence, env: MenuEnv, extra: readonly string[]): void => {
  for (const name of cmd.attributes.keys()) {
    if (name !== '.id' && name !== 'numbers' && !extra.includes(name)) unknownParam(env, name);
  }
};

const remove = (table: MenuTable, cmd: CommandSentence, env: MenuEnv): VerbOutcome => {
  onlyAddressing(cmd, env, []);
  const rows = targetRows(table, cmd, env);
  if (rows.some((r) => r.meta.builtin)) throw new SimTrap(env.messages.cannotRemoveBuiltin);
  for (const row of rows) {
    table.rows.delete(row.id);
    table.spec.onRemove?.(row, env);
    env.notify(table, 'dead', row);
  }
  return done();
};

const setDisabled = (
  table: MenuTable,
  cmd: CommandSentence,
  env: MenuEnv,
  disabled: boolean,
): VerbOutcome => {
  onlyAddressing(cmd, env, []);
  update(table, targetRows(table, cmd, env), { disabled: String(disabled) }, env);
  return done();
};

const unset = (table: MenuTable, cmd: CommandSentence, env: MenuEnv): VerbOutcome => {
  onlyAddressing(cmd, env, ['value-name']);
  const name = cmd.attributes.get('value-name') ?? '';
  const field = table.field(name);
  if (!field) return unknownParam(env, name);
  if (!field.writable || field.mandatory) {
    throw new SimTrap(env.messages.invalidValue(name), TRAP_CATEGORY.argumentValue);
  }
  update(table, targetRows(table, cmd, env), { [name]: field.default }, env);
  return done();
};

const comment = (table: MenuTable, cmd: CommandSentence, env: MenuEnv): VerbOutcome => {
  onlyAddressing(cmd, env, ['comment']);
  update(table, targetRows(table, cmd, env), { comment: cmd.attributes.get('comment') ?? '' }, env);
  return done();
};

const get = (table: MenuTable, cmd: CommandSentence, env: MenuEnv): VerbOutcome => {
  const ref = cmd.attributes.get('number') ?? cmd.attributes.get('.id');
  const rows = table.spec.singleton
    ? [...table.rows.values()]
    : table.resolve(ref ?? '', env).slice(0, 1);
  const [row] = rows;
  if (!row) throw new SimTrap(env.messages.noSuchItem, TRAP_CATEGORY.missingItemOrCommand);
  const name = cmd.attributes.get('value-name');
  const attrs = table.output(row, env);
  if (name === undefined) return done(attrs, false);
  const found = attrs.find(([k]) => k === name);
  if (!found) unknownParam(env, name);
  return done([['ret', found?.[1] ?? '']], false);
};

export const runMenuVerb = (
  table: MenuTable,
  verb: Verb,
  cmd: CommandSentence,
  env: MenuEnv,
): VerbOutcome => {
  switch (verb) {
    case 'print':
    case 'getall':
      return print(table, cmd, env);
    case 'add':
      return add(table, cmd, env);
    case 'set':
      return set(table, cmd, env);
    case 'remove':
      return remove(table, cmd, env);
    case 'enable':
      return setDisabled(table, cmd, env, false);
    case 'disable':
      return setDisabled(table, cmd, env, true);
    case 'unset':
      return unset(table, cmd, env);
    case 'comment':
      return comment(table, cmd, env);
    case 'listen': {
      onlyAddressing(cmd, env, ['.proplist']);
      return {
        kind: 'listen',
        table,
        initial: [],
        proplist: parseProplist(cmd),
        queries: cmd.queries,
      };
    }
    case 'get':
      return get(table, cmd, env);
  }
};
