import {
  fmtDuration,
  fmtIpv4,
  isMac,
  networkOf,
  parseBool,
  parseDuration,
  parseIpv4,
  parsePrefix,
  parseRatePair,
} from './format';
import type { SimMessages } from './messages';
import { SimTrap, TRAP_CATEGORY } from './sim-trap';

/** What a normaliser may look at besides the value: messages and other tables. */
export type FieldContext = {
  messages: SimMessages;
  /** True when `name` exists in the table at `path` (reference checks). */
  exists(path: string, name: string): boolean;
  /** True when `name` is an interface (for queue targets). */
  isInterface(name: string): boolean;
};

export type Normalizer = (value: string, ctx: FieldContext) => string;

/** One property of a menu: output order is the order of the menu's field list. */
export type FieldSpec = {
  name: string;
  writable: boolean;
  mandatory?: boolean;
  /** Stored output string when the property is not given on add; absent → omitted when unset. */
  default?: string;
  /** Input → stored output string; throws SimTrap. */
  normalize?: Normalizer;
  /** Stored but never printed (passwords of `/user`). */
  hidden?: boolean;
  /** Query values for this property are normalised too (booleans: `no` → `false`). */
  queryNormalize?: (value: string) => string;
};

const bad = (ctx: FieldContext, name: string): never => {
  throw new SimTrap(ctx.messages.invalidValue(name), TRAP_CATEGORY.argumentValue);
};

export const text = (name: string, opts: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  writable: true,
  ...opts,
});

export const readOnly = (name: string, opts: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  writable: false,
  ...opts,
});

const boolQuery = (v: string): string => {
  const b = parseBool(v);
  return b === null ? v : String(b);
};

export const bool = (name: string, def: boolean | undefined, writable = true): FieldSpec => ({
  name,
  writable,
  ...(def === undefined ? {} : { default: String(def) }),
  normalize: (v, ctx) => {
    const b = parseBool(v);
    return b === null ? bad(ctx, name) : String(b);
  },
  queryNormalize: boolQuery,
});

export const enumOf = (name: string, values: readonly string[], def?: string): FieldSpec => ({
  name,
  writable: true,
  ...(def === undefined ? {} : { default: def }),
  normalize: (v, ctx) => (values.includes(v) ? v : bad(ctx, name)),
});

export const int = (name: string, def?: string, opts: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  writable: true,
  ...(def === undefined ? {} : { default: def }),
  normalize: (v, ctx) => (/^\d+$/.test(v) ? String(Number(v)) : bad(ctx, name)),
  ...opts,
});

export const duration = (name: string, def?: string, allowNone = false): FieldSpec => ({
  name,
  writable: true,
  ...(def === undefined ? {} : { default: def }),
  normalize: (v, ctx) => {
    if (allowNone && v === 'none') return 'none';
    const ms = parseDuration(v);
    return ms === null ? bad(ctx, name) : fmtDuration(ms);
  },
});

export const ipv4 = (name: string): FieldSpec => ({
  name,
  writable: true,
  normalize: (v, ctx) => {
    const n = parseIpv4(v);
    return n === null ? bad(ctx, name) : fmtIpv4(n);
  },
});

export const mac = (name: string): FieldSpec => ({
  name,
  writable: true,
  normalize: (v, ctx) => (isMac(v) ? v.toUpperCase() : bad(ctx, name)),
});

/** An IP address or the name of an existing `/ip/pool` (PPP profile addresses). */
export const ipOrPool = (name: string): FieldSpec => ({
  name,
  writable: true,
  normalize: (v, ctx) => {
    const n = parseIpv4(v);
    if (n !== null) return fmtIpv4(n);
    if (ctx.exists('/ip/pool', v)) return v;
    throw new SimTrap(ctx.messages.inputDoesNotMatch(name), TRAP_CATEGORY.argumentValue);
  },
});

/** The name of an existing item in another table (`profile`, `group`, …). */
export const ref = (name: string, path: string, def?: string, extra: string[] = []): FieldSpec => ({
  name,
  writable: true,
  ...(def === undefined ? {} : { default: def }),
  normalize: (v, ctx) => {
    if (extra.includes(v) || ctx.exists(path, v)) return v;
    throw new SimTrap(ctx.messages.inputDoesNotMatch(name), TRAP_CATEGORY.argumentValue);
  },
});

/** Queue rates: `25M` → `25000000/25000000`, `300M/150M` → `300000000/150000000`. */
export const ratePair = (name: string, def = '0/0'): FieldSpec => ({
  name,
  writable: true,
  default: def,
  normalize: (v, ctx) => {
    const pair = parseRatePair(v);
    return pair === null ? bad(ctx, name) : `${pair[0]}/${pair[1]}`;
  },
});

/** Queue `target`: addresses become `a.b.c.d/32`; interface names stay. */
export const queueTarget = (name: string): FieldSpec => ({
  name,
  writable: true,
  mandatory: true,
  normalize: (v, ctx) =>
    v
      .split(',')
      .map((part) => {
        const p = parsePrefix(part);
        if (p) return `${fmtIpv4(networkOf(p[0], p[1]))}/${p[1]}`;
        if (ctx.isInterface(part)) return part;
        throw new SimTrap(ctx.messages.inputDoesNotMatch(name), TRAP_CATEGORY.argumentValue);
      })
      .join(','),
});

/** Address-list `address`: IP, prefix (host bits cleared), range or DNS name. */
export const listAddress = (name: string): FieldSpec => ({
  name,
  writable: true,
  mandatory: true,
  normalize: (v, ctx) => {
    const p = parsePrefix(v);
    if (p) return p[1] === 32 ? fmtIpv4(p[0]) : `${fmtIpv4(networkOf(p[0], p[1]))}/${p[1]}`;
    const range = /^(\S+)-(\S+)$/.exec(v);
    if (range && parseIpv4(range[1] ?? '') !== null && parseIpv4(range[2] ?? '') !== null) return v;
    if (
      /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(v)
    ) {
      return v;
    }
    return bad(ctx, name);
  },
});

/** `ranges` of an IP pool: comma list of `a-b` ranges or prefixes. */
export const poolRanges = (name: string): FieldSpec => ({
  name,
  writable: true,
  mandatory: true,
  normalize: (v, ctx) => {
    for (const part of v.split(',')) {
      const [a = '', b] = part.split('-');
      const ok =
        b === undefined ? parsePrefix(a) !== null : parseIpv4(a) !== null && parseIpv4(b) !== null;
      if (!ok) bad(ctx, name);
    }
    return v;
  },
});
