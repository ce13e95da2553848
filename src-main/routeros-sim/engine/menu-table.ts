import type { FieldContext, FieldSpec } from './field';
import { fmtId, parseId } from './format';
import type { SimMessages } from './messages';
import { SimTrap, TRAP_CATEGORY } from './sim-trap';

export type Attr = readonly [string, string];

export const VERBS = [
  'print',
  'getall',
  'add',
  'set',
  'remove',
  'enable',
  'disable',
  'unset',
  'comment',
  'listen',
  'get',
] as const;
export type Verb = (typeof VERBS)[number];

/** Hidden per-row state: never printed, used by computed fields and sessions. */
export type RowMeta = {
  builtin?: boolean;
  createdAt?: number;
  expiresAt?: number;
  startedAt?: number;
  rxBase?: number;
  txBase?: number;
  rxRate?: number;
  txRate?: number;
  session?: string;
};

export type Row = { id: number; values: Record<string, string>; meta: RowMeta };

export type ChangeKind = 'upsert' | 'dead';

/** What a table needs from the router around it. */
export type MenuEnv = {
  readonly messages: SimMessages;
  readonly fields: FieldContext;
  now(): number;
  notify(table: MenuTable, kind: ChangeKind, row: Row): void;
};

export type UniqueRule = {
  fields: readonly string[];
  message: (m: SimMessages) => string;
};

export type MenuSpec = {
  path: string;
  fields: readonly FieldSpec[];
  verbs: readonly Verb[];
  singleton?: boolean;
  /** Items may be addressed by this property in `.id`/`numbers` as well as by id. */
  nameField?: string;
  unique?: readonly UniqueRule[];
  /** Values computed at print time (uptime, counters, remaining timeout). */
  computed?: (row: Row, env: MenuEnv) => Record<string, string>;
  /** Cross-field checks after normalisation; throws SimTrap. */
  validate?: (values: Record<string, string>, env: MenuEnv) => void;
  /** Called after a row is removed through the API (session kick). */
  onRemove?: (row: Row, env: MenuEnv) => void;
  /** Called after a row changed through the API. */
  onUpdate?: (row: Row, before: Record<string, string>, env: MenuEnv) => void;
};

export class MenuTable {
  readonly rows = new Map<number, Row>();
  private fieldMap: Map<string, FieldSpec>;

  constructor(
    readonly spec: MenuSpec,
    private nextId: number,
  ) {
    this.fieldMap = new Map(spec.fields.map((f) => [f.name, f]));
  }

  get path(): string {
    return this.spec.path;
  }

  field(name: string): FieldSpec | undefined {
    return this.fieldMap.get(name);
  }

  allocateId(): number {
    const id = this.nextId;
    this.nextId += 1;
    return id;
  }

  /** Inserts a row as given (seeds, sessions); no validation. */
  insert(values: Record<string, string>, meta: RowMeta = {}, id = this.allocateId()): Row {
    const row: Row = { id, values: { ...values }, meta };
    this.rows.set(id, row);
    return row;
  }

  /** The row with defaults filled in, as `add` would store it. */
  withDefaults(values: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.spec.fields) {
      const v = values[f.name] ?? f.default;
      if (v !== undefined) out[f.name] = v;
    }
    return out;
  }

  findBy(name: string, value: string): Row | undefined {
    for (const row of this.rows.values()) if (row.values[name] === value) return row;
    return undefined;
  }

  hasName(value: string): boolean {
    const key = this.spec.nameField;
    return key !== undefined && this.findBy(key, value) !== undefined;
  }

  /** Printable attributes in field order: `.id` first (unless singleton), hidden ones left out. */
  output(row: Row, env: MenuEnv): Attr[] {
    const computed = this.spec.computed?.(row, env) ?? {};
    const out: Attr[] = this.spec.singleton ? [] : [['.id', fmtId(row.id)]];
    for (const f of this.spec.fields) {
      if (f.hidden) continue;
      const v = computed[f.name] ?? row.values[f.name];
      if (v !== undefined) out.push([f.name, v]);
    }
    return out;
  }

  /** Resolves `=.id=` / `=numbers=` (comma list of ids or names); traps on any miss. */
  resolve(refs: string, env: MenuEnv): Row[] {
    const rows: Row[] = [];
    for (const ref of refs.split(',')) {
      const id = parseId(ref);
      const byId = id === null ? undefined : this.rows.get(id);
      const byName =
        byId ?? (this.spec.nameField ? this.findBy(this.spec.nameField, ref) : undefined);
      if (!byName) throw new SimTrap(env.messages.noSuchItem, TRAP_CATEGORY.missingItemOrCommand);
      rows.push(byName);
    }
    return rows;
  }

  /** Throws the rule's message if another row has the same values for a unique key. */
  checkUnique(values: Record<string, string>, env: MenuEnv, self?: Row): void {
    for (const rule of this.spec.unique ?? []) {
      for (const row of this.rows.values()) {
        if (row === self) continue;
        if (rule.fields.every((f) => (row.values[f] ?? '') === (values[f] ?? ''))) {
          throw new SimTrap(rule.message(env.messages));
        }
      }
    }
  }
}
