import { TZDate } from '@date-fns/tz';
import { CreateClientInput, MAX_IMPORT_ROWS } from '../../contract/schemas/clients';
import type { CreateClient, ImportPreview, ImportResult } from '../../contract/schemas/clients';
import { fieldIssuesOf, issueSentence } from '../../contract/zod-issues';
import { dayRange } from '../shared/office-time';
import type { PlansRepo } from '../plans/plans.repo';
import type { ClientsDeps, Ctx } from './clients.service';
import type { ClientRecord } from './clients.repo';
import { unguardCell } from '../../domain/csv-cells';
import { csvError, parseCsv } from './csv';

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

type Candidate = { line: number; input: CreateClient & { accountNo?: string; expiresAt?: number } };
type Checked = { rows: number; accepted: Candidate[]; preview: ImportPreview };

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

/**
 * CSV import in two steps that share one checker: `preview` reports every row it would reject
 * and why, writing nothing; `commit` inserts the accepted rows in one transaction.
 */
export const createClientImport = (
  deps: ClientsDeps & {
    plans: PlansRepo;
    insertLogged: (input: Candidate['input'], ctx: Ctx) => ClientRecord;
  },
) => {
  const check = (csv: string): Checked => {
    const [header, ...body] = parseCsv(csv);
    if (!header) throw csvError('The file has no header row.');
    if (body.length > MAX_IMPORT_ROWS) {
      throw csvError(`At most ${String(MAX_IMPORT_ROWS)} rows per import; split the file.`);
    }
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
    const { timeZone } = deps.settings.get();
    const seen = { login: new Set<string>(), ip: new Set<string>(), account: new Set<string>() };
    const accepted: Candidate[] = [];
    const rejected: ImportPreview['rejected'] = [];

    for (const row of body) {
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
        ? deps.plans.byId(Number(planRef))
        : deps.plans.byName(planRef);
      if (!plan) errors.push(`plan: No plan "${planRef}"`);
      const lat = get('latitude');
      const lng = get('longitude');
      const router = deps.rules.routerByRef(get('router'));
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
        else if (deps.clients.accountTaken(accountNo))
          errors.push(`account_no: ${accountNo} already exists`);
        seen.account.add(accountNo);
      }
      const expiresRaw = get('expires');
      const expiry = expiresRaw === undefined ? undefined : parseExpiry(expiresRaw, timeZone);
      if (typeof expiry === 'string') errors.push(expiry);

      if (parsed.success) {
        const v = parsed.data;
        if (plan) {
          const { problem } = deps.rules.planProblem(plan.id, v.serviceType);
          if (problem) errors.push(issueSentence(problem));
        }
        const routerProblem = deps.rules.routerProblem(v.routerId);
        if (routerProblem) errors.push(issueSentence(routerProblem));
        const loginKey = v.serviceLogin.toLowerCase();
        if (seen.login.has(loginKey))
          errors.push(`serviceLogin: "${v.serviceLogin}" appears twice in the file`);
        else {
          const p = deps.rules.loginProblem(v.serviceLogin);
          if (p) errors.push(issueSentence(p));
        }
        seen.login.add(loginKey);
        if (v.staticIp) {
          if (seen.ip.has(v.staticIp))
            errors.push(`staticIp: ${v.staticIp} appears twice in the file`);
          else {
            const p = deps.rules.ipProblem(v.staticIp);
            if (p) errors.push(issueSentence(p));
          }
          seen.ip.add(v.staticIp);
        }
        if (errors.length === 0) {
          accepted.push({
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
    return {
      rows: body.length,
      accepted,
      preview: { rows: body.length, accepted: accepted.length, rejected, ignoredColumns },
    };
  };

  return {
    preview: (csv: string): ImportPreview => check(csv).preview,

    /** Imports every accepted row in one transaction (all or none); rejected rows are skipped. */
    commit: (csv: string, ctx: Ctx): ImportResult =>
      deps.write(() => {
        const checked = check(csv);
        if (checked.accepted.length === 0) {
          throw csvError('No row can be imported; see the preview for the reasons.');
        }
        const created = checked.accepted.map((c) => deps.insertLogged(c.input, ctx));
        const first = created[0];
        const last = created[created.length - 1];
        deps.recorder.record({
          event: 'clients.imported',
          params: {
            by: ctx.actor.username,
            imported: created.length,
            rejected: checked.preview.rejected.length,
          },
          ctx,
          target: {
            type: 'import',
            id: ctx.correlationId,
            label: `CSV import of ${String(created.length)} clients`,
          },
          details: {
            rows: checked.rows,
            imported: created.length,
            rejected: checked.preview.rejected.slice(0, 200),
            ignoredColumns: checked.preview.ignoredColumns,
          },
        });
        return {
          ...checked.preview,
          imported: created.length,
          firstAccountNo: first?.accountNo ?? null,
          lastAccountNo: last?.accountNo ?? null,
        };
      }),
  };
};

export type ClientImport = ReturnType<typeof createClientImport>;
