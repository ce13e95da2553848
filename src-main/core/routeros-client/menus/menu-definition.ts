import { z } from 'zod';
import type { RawRow } from '../router-client.port';

/**
 * Typed descriptions of RouterOS menus: which property words exist, how their strings map to
 * JavaScript values, and which can be written. No other code builds RouterOS words by hand.
 */
export type FieldKind = 'string' | 'bool' | 'int';

export type FieldSpec = {
  /** The RouterOS property name (`remote-address`). */
  word: string;
  kind: FieldKind;
  /** Absent from replies when unset. */
  optional?: boolean;
  /** Shown by the router, never written. */
  readOnly?: boolean;
};

export type Fields = Readonly<Record<string, FieldSpec>>;

type ValueOf<K extends FieldKind> = K extends 'bool' ? boolean : K extends 'int' ? number : string;

type RequiredKeys<F extends Fields> = {
  [K in keyof F]: F[K]['optional'] extends true ? never : K;
}[keyof F];
type OptionalKeys<F extends Fields> = Exclude<keyof F, RequiredKeys<F>>;
type WritableKeys<F extends Fields> = {
  [K in keyof F]: F[K]['readOnly'] extends true ? never : K;
}[keyof F];

/** A row as the app sees it: `id` plus typed properties. */
export type RowOf<F extends Fields> = { id: string } & {
  [K in RequiredKeys<F>]: ValueOf<F[K]['kind']>;
} & { [K in OptionalKeys<F>]?: ValueOf<F[K]['kind']> };

/** What may be written with add/set. */
export type InputOf<F extends Fields> = {
  [K in WritableKeys<F>]?: ValueOf<F[K]['kind']>;
};

export type MenuDef<F extends Fields> = {
  /** `/ppp/secret` */
  path: string;
  fields: F;
  /** The property items are found by (`name`), if any. */
  nameField?: keyof F & string;
  singleton?: boolean;
};

export const defineMenu = <const F extends Fields>(def: MenuDef<F>): MenuDef<F> => def;

const boolValue = z
  .enum(['true', 'false', 'yes', 'no'])
  .transform((v) => v === 'true' || v === 'yes');
const intValue = z
  .string()
  .regex(/^-?\d+$/)
  .transform(Number);

const schemaFor = (kind: FieldKind): z.ZodType<string | boolean | number> => {
  switch (kind) {
    case 'bool':
      return boolValue;
    case 'int':
      return intValue;
    case 'string':
      return z.string();
  }
};

const ROUTER_WORD = /^[a-z0-9][a-z0-9-]*$/;

/** `.proplist` for a menu: `.id` (unless singleton) and every field. */
export const proplistOf = <F extends Fields>(menu: MenuDef<F>): string =>
  [...(menu.singleton ? [] : ['.id']), ...Object.values(menu.fields).map((f) => f.word)].join(',');

export type ParseResult<T> = { ok: true; row: T } | { ok: false; problem: string };

/** RawRow → typed row; a missing required property or a malformed value is a problem. */
export const parseRow = <F extends Fields>(
  menu: MenuDef<F>,
  raw: RawRow,
): ParseResult<RowOf<F>> => {
  const out: Record<string, string | number | boolean> = {};
  if (!menu.singleton) {
    const id = raw['.id'];
    if (id === undefined) return { ok: false, problem: `${menu.path}: row without .id` };
    out.id = id;
  }
  for (const [key, spec] of Object.entries(menu.fields)) {
    const value = raw[spec.word];
    if (value === undefined) {
      if (spec.optional) continue;
      return { ok: false, problem: `${menu.path}: missing ${spec.word}` };
    }
    const parsed = schemaFor(spec.kind).safeParse(value);
    if (!parsed.success) {
      return { ok: false, problem: `${menu.path}: bad ${spec.word}=${JSON.stringify(value)}` };
    }
    out[key] = parsed.data;
  }
  // The shape was checked field by field above against the same definition.
  return { ok: true, row: out as RowOf<F> };
};

const wordValue = (v: string | number | boolean): string =>
  typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);

/** Typed input → `=word=value` attribute words (unknown and read-only keys rejected). */
export const inputWords = <F extends Fields>(menu: MenuDef<F>, input: InputOf<F>): string[] => {
  const words: string[] = [];
  for (const [key, value] of Object.entries<unknown>(input)) {
    if (value === undefined) continue;
    const spec = menu.fields[key];
    if (!spec || spec.readOnly) throw new Error(`${menu.path}: ${key} cannot be written`);
    if (!ROUTER_WORD.test(spec.word)) throw new Error(`${menu.path}: bad property ${spec.word}`);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Error(`${menu.path}: ${key} must be a string, number or boolean`);
    }
    words.push(`=${spec.word}=${wordValue(value)}`);
  }
  return words;
};

/** Equality filters → `?word=value` query words (AND). */
export const queryWords = <F extends Fields>(
  menu: MenuDef<F>,
  where: Partial<Record<keyof F & string, string | number | boolean>>,
): string[] => {
  const words: string[] = [];
  for (const [key, value] of Object.entries<unknown>(where)) {
    if (value === undefined) continue;
    const spec = menu.fields[key];
    if (!spec) throw new Error(`${menu.path}: unknown field ${key}`);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Error(`${menu.path}: ${key} must be a string, number or boolean`);
    }
    words.push(`?=${spec.word}=${String(value)}`);
  }
  return words;
};
