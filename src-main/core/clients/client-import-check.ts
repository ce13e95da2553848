/**
 * The CSV import's checker: reads the file and judges every row against the office's clients,
 * plans and routers, writing nothing. It runs on a task thread with a read-only connection (see
 * tasks/client-task-bodies.ts), or on the main thread in slices that yield, and reports the rows
 * it has read so far.
 */
import { TZDate } from '@date-fns/tz';
import type Database from 'better-sqlite3';
import { CreateClientInput, MAX_IMPORT_ROWS } from '../../contract/schemas/clients';
import type { CreateClient, ImportPreview } from '../../contract/schemas/clients';
import { fieldIssuesOf, issueSentence } from '../../contract/zod-issues';
import { unguardCell } from '../../domain/csv-cells';
import { ormOf } from '../db/open-database';
import { createPlansRepo, type PlansRepo } from '../plans/plans.repo';
import { createRoutersRepo } from '../routers/routers.repo';
import { createCounters } from '../shared/counters';
import { dayRange } from '../shared/office-time';
import { createClientRules, type ClientRules } from './client-rules';
import { createClientsRepo } from './clients.repo';
import { csvError, iterateCsv } from './csv';

/** Header names the importer knows, with the aliases it accepts. */
const COLUMNS = {
  account_no: ['account_no', 'account', 'account_number'],
  full_name: ['full_name', 'name'],
  phone: ['phone', 'phone_number'],
  email: ['email'],
  address: ['address'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'lng', 'lon'],
  service_type: ['service_type', 'service'],
  login: ['login', 'service_login', 'username'],
  password: ['password', 'service_password'],
  static_ip: ['static_ip', 'ip'],
  mac: ['mac', 'mac_address'],
  plan: ['plan', 'plan_name', 'plan_id'],
  router: ['router', 'router_name', 'router_id'],
  expires: ['expires', 'expires_at', 'expiry'],
  notes: ['notes'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['full_name', 'phone', 'service_type', 'login', 'password', 'plan'];

/** A row that passed every check: what the commit inserts. */
export type ImportCandidate = {
  line: number;
  input: CreateClient & { accountNo?: string; expiresAt?: number };
};

/** What the checker reads of the database (the main connection's or a read-only one's). */
export type ImportLookups = {
  plans: Pick<PlansRepo, 'byId' | 'byName'>;
  accountTaken(accountNo: string): boolean;
  rules: Pick<
    ClientRules,
    'planProblem' | 'routerProblem' | 'routerByRef' | 'loginProblem' | 'ipProblem'
  >;
};

/** The lookups on a connection of their own (a task thread's read-only one). */
export const importLookupsOn = (sqlite: Database.Database): ImportLookups => {
  const orm = ormOf(sqlite);
  const clients = createClientsRepo(orm);
  const plans = createPlansRepo(orm, clients);
  return {
    plans,
    accountTaken: clients.accountTaken,
    // Counters are never advanced here: the checker only asks about existing rows.
    rules: createClientRules({
      clients,
      plans,
      routers: createRoutersRepo(orm),
      counters: createCounters(orm),
    }),
  };
};

/**
 * What the database says against a checked row now: run again just before the row is written,
 * because another desk may have taken its login, IP or account number since the check, or
 * retired its plan. Empty: the row may be inserted.
 */
export const storedConflicts = (c: ImportCandidate['input'], lookups: ImportLookups): string[] =>
  [
    lookups.rules.planProblem(c.planId, c.serviceType).problem,
    lookups.rules.routerProblem(c.routerId),
    lookups.rules.loginProblem(c.serviceLogin),
    lookups.rules.ipProblem(c.staticIp),
    c.accountNo !== undefined && lookups.accountTaken(c.accountNo)
      ? { path: ['account_no'], message: `${c.accountNo} already exists` }
      : null,
  ].flatMap((p) => (p ? [issueSentence(p)] : []));

export type CheckedImport = { rows: number; preview: ImportPreview };

/** Rows read between two yields to the event loop (and two progress reports). */
export const CHECK_SLICE_ROWS = 250;

const ACCOUNT_RE = /^[A-Z0-9-]{1,20}$/;

/** `2024-03-31` means "through that day" (office time zone); a full ISO time is taken as is. */
const parseExpiry = (s: string, timeZone: string): number | string => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const t = new Date(`${s}T00:00:00Z`);
    if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== s)
      return `expires: "${s}" is not a date`;
    return dayRange(s, timeZone).to;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m) {
    const [y, mo, d, h, mi, sec] = m.slice(1, 7).map((x: string | undefined) => Number(x ?? 0));
    const t = m[7]
      ? Date.parse(s)
      : new TZDate(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, sec ?? 0, timeZone).getTime();
    return Number.isNaN(t) ? `expires: "${s}" is not a date` : t;
  }
  return `expires: "${s}" is not a date (use yyyy-MM-dd)`;
};

/** Lines in the text: the most rows it can hold (a quoted line break makes a row longer). */
export const lineCount = (text: string): number => {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * Checks every row: each one it would reject and why, and each one it accepts (handed to
 * `accept`, in file order). A file it cannot read as a whole (no header, a missing column, more
 * than MAX_IMPORT_ROWS rows, a quote never closed) fails with a `csv` validation error.
 */
export const checkImport = async (
  csv: string,
  opts: {
    timeZone: string;
    lookups: ImportLookups;
    accept?(candidate: ImportCandidate): void;
    /** After each slice of rows: rows read so far. */
    progress?(done: number): void;
    /** Between slices; a task thread needs none, the main thread gives way to other work. */
    breathe?(): Promise<void>;
    sliceRows?: number;
  },
): Promise<CheckedImport> => {
  const { timeZone, lookups } = opts;
  const sliceRows = opts.sliceRows ?? CHECK_SLICE_ROWS;
  const rowsOf = iterateCsv(csv);
  const first = rowsOf.next();
  const header = first.done ? undefined : first.value;
  if (!header) throw csvError('The file has no header row.');
  const names = header.cells.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const index = new Map<Column, number>();
  const ignoredColumns: string[] = [];
  names.forEach((n, i) => {
    const col = (Object.keys(COLUMNS) as Column[]).find((c) =>
      (COLUMNS[c] as readonly string[]).includes(n),
    );
    if (col && !index.has(col)) index.set(col, i);
    else ignoredColumns.push(header.cells[i] ?? n);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw csvError(`Missing column(s): ${missing.join(', ')}.`);
  }
  const seen = { login: new Set<string>(), ip: new Set<string>(), account: new Set<string>() };
  let rows = 0;
  let accepted = 0;
  const rejected: ImportPreview['rejected'] = [];

  for (const row of rowsOf) {
    rows++;
    if (rows > MAX_IMPORT_ROWS) {
      throw csvError(`At most ${String(MAX_IMPORT_ROWS)} rows per import; split the file.`);
    }
    if (rows % sliceRows === 0) {
      opts.progress?.(rows);
      await opts.breathe?.();
    }
    const errors: string[] = [];
    const get = (c: Column): string | undefined => {
      const i = index.get(c);
      const v = i === undefined ? undefined : unguardCell((row.cells[i] ?? '').trim());
      return v === '' ? undefined : v;
    };
    if (row.cells.length !== header.cells.length) {
      errors.push(
        `Row has ${String(row.cells.length)} fields, the header has ${String(header.cells.length)}`,
      );
    }
    const planRef = get('plan') ?? '';
    const plan = /^\d+$/.test(planRef)
      ? lookups.plans.byId(Number(planRef))
      : lookups.plans.byName(planRef);
    if (!plan) errors.push(`plan: No plan "${planRef}"`);
    const lat = get('latitude');
    const lng = get('longitude');
    // The router by its name (as an export writes it), or by its id.
    const router = lookups.rules.routerByRef(get('router'));
    if ('problem' in router) errors.push(issueSentence(router.problem));
    const raw = {
      fullName: get('full_name') ?? '',
      phone: get('phone') ?? '',
      email: get('email') ?? null,
      address: get('address') ?? null,
      gps: lat !== undefined || lng !== undefined ? { lat: Number(lat), lng: Number(lng) } : null,
      serviceType: (get('service_type') ?? '').toLowerCase(),
      serviceLogin: get('login') ?? '',
      servicePassword: get('password') ?? '',
      staticIp: get('static_ip') ?? null,
      mac: get('mac') ?? null,
      planId: plan?.id ?? 1,
      routerId: 'problem' in router ? null : router.routerId,
      notes: get('notes') ?? '',
    };
    const parsed = CreateClientInput.safeParse(raw);
    if (!parsed.success) errors.push(...fieldIssuesOf(parsed.error).map(issueSentence));

    const accountNo = get('account_no')?.toUpperCase();
    if (accountNo !== undefined) {
      if (!ACCOUNT_RE.test(accountNo))
        errors.push(`account_no: "${accountNo}" is not a valid account number`);
      else if (seen.account.has(accountNo))
        errors.push(`account_no: ${accountNo} appears twice in the file`);
      else if (lookups.accountTaken(accountNo))
        errors.push(`account_no: ${accountNo} already exists`);
      seen.account.add(accountNo);
    }
    const expiresRaw = get('expires');
    const expiry = expiresRaw === undefined ? undefined : parseExpiry(expiresRaw, timeZone);
    if (typeof expiry === 'string') errors.push(expiry);

    if (parsed.success) {
      const v = parsed.data;
      if (plan) {
        const { problem } = lookups.rules.planProblem(plan.id, v.serviceType);
        if (problem) errors.push(issueSentence(problem));
      }
      const routerProblem = lookups.rules.routerProblem(v.routerId);
      if (routerProblem) errors.push(issueSentence(routerProblem));
      const loginKey = v.serviceLogin.toLowerCase();
      if (seen.login.has(loginKey))
        errors.push(`serviceLogin: "${v.serviceLogin}" appears twice in the file`);
      else {
        const p = lookups.rules.loginProblem(v.serviceLogin);
        if (p) errors.push(issueSentence(p));
      }
      seen.login.add(loginKey);
      if (v.staticIp) {
        if (seen.ip.has(v.staticIp))
          errors.push(`staticIp: ${v.staticIp} appears twice in the file`);
        else {
          const p = lookups.rules.ipProblem(v.staticIp);
          if (p) errors.push(issueSentence(p));
        }
        seen.ip.add(v.staticIp);
      }
      if (errors.length === 0) {
        accepted++;
        opts.accept?.({
          line: row.line,
          input: {
            ...v,
            ...(accountNo !== undefined ? { accountNo } : {}),
            ...(typeof expiry === 'number' ? { expiresAt: expiry } : {}),
          },
        });
      }
    }
    if (errors.length > 0) rejected.push({ line: row.line, errors });
  }
  opts.progress?.(rows);
  return { rows, preview: { rows, accepted, rejected, ignoredColumns } };
};
