import {
  addressListMenu,
  hotspotActiveMenu,
  hotspotProfileMenu,
  hotspotUserMenu,
  pppActiveMenu,
  pppProfileMenu,
  pppSecretMenu,
} from '../routeros-client/menus/isp-menus';
import type { MenuClient } from '../routeros-client/menus/menu-client';
import {
  ISOLATION_RATE_LIMIT,
  type DesiredClient,
  type DesiredEntry,
  type DesiredProfile,
  type ServiceMenu,
} from './desired-state';
import { sameRate } from './rate-text';
import { RouterWriter, type CommandRecord } from './router-writer';

/** A PPP secret or hotspot user as read from the router, in one shape. */
export type EntryRow = {
  id: string;
  name: string;
  password: string | null;
  profile: string;
  address: string | null;
  disabled: boolean;
  comment: string | null;
};

export type FieldDrift = {
  field: 'profile' | 'password' | 'disabled' | 'address';
  router: string | null;
  desired: string | null;
};

export const SERVICE_MENUS: readonly ServiceMenu[] = ['ppp-secret', 'hotspot-user'];

export const readEntries = async (
  menus: MenuClient,
  menu: ServiceMenu,
  name?: string,
): Promise<EntryRow[]> => {
  if (menu === 'ppp-secret') {
    const rows = await menus.list(pppSecretMenu, name === undefined ? {} : { name });
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      password: r.password,
      profile: r.profile,
      address: r.remoteAddress ?? null,
      disabled: r.disabled,
      comment: r.comment ?? null,
    }));
  }
  const rows = await menus.list(hotspotUserMenu, name === undefined ? {} : { name });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    password: r.password ?? null,
    profile: r.profile,
    address: r.address ?? null,
    disabled: r.disabled,
    comment: r.comment ?? null,
  }));
};

/** The fields of a router entry that differ from the desired entry (drift and push share it). */
export const entryDrift = (row: EntryRow, want: DesiredEntry): FieldDrift[] => {
  const out: FieldDrift[] = [];
  if (row.profile !== want.profile)
    out.push({ field: 'profile', router: row.profile, desired: want.profile });
  // null: the API user may not read passwords (no "sensitive" policy); nothing to compare.
  if (row.password !== null && row.password !== want.password)
    out.push({ field: 'password', router: '***', desired: '***' });
  if (row.disabled !== want.disabled)
    out.push({ field: 'disabled', router: String(row.disabled), desired: String(want.disabled) });
  if ((row.address ?? null) !== want.address)
    out.push({ field: 'address', router: row.address, desired: want.address });
  return out;
};

const addEntry = (w: RouterWriter, e: DesiredEntry): Promise<string> =>
  e.menu === 'ppp-secret'
    ? w.add(pppSecretMenu, {
        name: e.name,
        password: e.password,
        service: 'pppoe',
        profile: e.profile,
        ...(e.address ? { remoteAddress: e.address } : {}),
        disabled: e.disabled,
        comment: e.comment,
      })
    : w.add(hotspotUserMenu, {
        name: e.name,
        password: e.password,
        profile: e.profile,
        ...(e.address ? { address: e.address } : {}),
        disabled: e.disabled,
        comment: e.comment,
      });

const fixEntry = async (w: RouterWriter, row: EntryRow, e: DesiredEntry): Promise<boolean> => {
  const drift = entryDrift(row, e);
  const has = (f: FieldDrift['field']) => drift.some((d) => d.field === f);
  const patch = {
    ...(has('profile') ? { profile: e.profile } : {}),
    // A password the router will not show is written every time (idempotent, no kick).
    ...(has('password') || row.password === null ? { password: e.password } : {}),
    ...(has('disabled') ? { disabled: e.disabled } : {}),
    ...(has('address') && e.address !== null ? { address: e.address } : {}),
    ...(row.comment !== e.comment ? { comment: e.comment } : {}),
  };
  if (Object.keys(patch).length > 0) {
    if (e.menu === 'ppp-secret') {
      const { address, ...rest } = patch;
      await w.set(pppSecretMenu, row.id, {
        ...rest,
        ...(address === undefined ? {} : { remoteAddress: address }),
      });
    } else {
      await w.set(hotspotUserMenu, row.id, patch);
    }
  }
  if (has('address') && e.address === null) {
    if (e.menu === 'ppp-secret') await w.unset(pppSecretMenu, row.id, 'remoteAddress');
    else await w.unset(hotspotUserMenu, row.id, 'address');
  }
  return drift.length > 0;
};

const removeEntry = (w: RouterWriter, menu: ServiceMenu, row: EntryRow): Promise<void> =>
  menu === 'ppp-secret'
    ? w.remove(pppSecretMenu, row.id, row.name)
    : w.remove(hotspotUserMenu, row.id, row.name);

/** Kicks every active session of `name`; returns how many. */
export const kickSessions = async (
  w: RouterWriter,
  menu: ServiceMenu,
  name: string,
): Promise<number> => {
  if (menu === 'ppp-secret') {
    const active = await w.menus.list(pppActiveMenu, { name });
    for (const a of active) await w.remove(pppActiveMenu, a.id, name);
    return active.length;
  }
  const active = await w.menus.list(hotspotActiveMenu, { user: name });
  for (const a of active) await w.remove(hotspotActiveMenu, a.id, name);
  return active.length;
};

/** Makes sure a profile exists (and carries the plan's rate); `done` skips repeats in a batch. */
export const ensureProfile = async (
  w: RouterWriter,
  p: DesiredProfile,
  done?: Set<string>,
): Promise<void> => {
  const key = `${p.menu}:${p.name}`;
  if (done?.has(key)) return;
  if (p.menu === 'ppp-profile') {
    const row = await w.menus.findByName(pppProfileMenu, p.name);
    if (!row)
      await w.add(pppProfileMenu, { name: p.name, rateLimit: p.rateLimit ?? ISOLATION_RATE_LIMIT });
    else if (p.rateLimit !== null && !sameRate(row.rateLimit, p.rateLimit))
      await w.set(pppProfileMenu, row.id, { rateLimit: p.rateLimit });
  } else {
    const row = await w.menus.findByName(hotspotProfileMenu, p.name);
    if (!row)
      await w.add(hotspotProfileMenu, {
        name: p.name,
        rateLimit: p.rateLimit ?? ISOLATION_RATE_LIMIT,
      });
    else if (p.rateLimit !== null && !sameRate(row.rateLimit, p.rateLimit))
      await w.set(hotspotProfileMenu, row.id, { rateLimit: p.rateLimit });
  }
  done?.add(key);
};

export type ApplyResult = {
  commands: CommandRecord[];
  kicked: number;
  /** Something a live session depends on changed (profile, password, address, disabled, gone). */
  sessionChanged: boolean;
};

/** A push that failed part-way: what reached the router before it did. */
export class ApplyFailure extends Error {
  constructor(
    override readonly cause: unknown,
    readonly commands: CommandRecord[],
    readonly sessionChanged: boolean,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ApplyFailure';
  }
}

/**
 * Makes one router hold exactly what the database wants for one client. Idempotent: reads
 * first and writes only what differs, so a second run sends no write. Removes only entries this
 * app created (their comment names the client's account). Kicks the client's sessions when a
 * change affects them, when a previous attempt left a kick undone, or when they must be off.
 */
export const applyClient = async (
  menus: MenuClient,
  d: DesiredClient,
  opts: { staleNames?: readonly string[]; kickPending?: boolean; profilesDone?: Set<string> } = {},
): Promise<ApplyResult> => {
  const w = new RouterWriter(menus);
  let sessionChanged = false;
  let kicked = 0;
  try {
    const names = [...new Set([d.login, ...(opts.staleNames ?? [])])];
    for (const menu of SERVICE_MENUS) {
      const want = d.entry?.menu === menu ? d.entry : null;
      for (const name of names) {
        const rows = await readEntries(menus, menu, name);
        const keep = want !== null && name === want.name;
        if (keep) {
          const [row, ...dupes] = rows;
          for (const p of d.profiles) await ensureProfile(w, p, opts.profilesDone);
          if (!row) {
            await addEntry(w, want);
          } else if (await fixEntry(w, row, want)) {
            sessionChanged = true;
          }
          for (const extra of dupes.filter((r) => r.comment === d.marker)) {
            await removeEntry(w, menu, extra);
          }
        } else {
          for (const row of rows.filter((r) => r.comment === d.marker)) {
            await removeEntry(w, menu, row);
            sessionChanged = true;
          }
        }
      }
    }
    if (d.isolation) {
      const { list, address, present } = d.isolation;
      const rows = (await menus.list(addressListMenu, { list, address })).filter((r) => !r.dynamic);
      if (present && rows.length === 0) {
        await w.add(addressListMenu, { list, address, comment: d.marker });
        sessionChanged = true;
      } else if (!present) {
        for (const r of rows.filter((x) => x.comment === d.marker)) {
          await w.remove(addressListMenu, r.id, `${list} ${address}`);
        }
      }
    }
    const mustKick =
      sessionChanged || opts.kickPending === true || (d.entry !== null && d.entry.disabled);
    if (mustKick) {
      for (const menu of SERVICE_MENUS) {
        if (d.entry && d.entry.menu !== menu && !sessionChanged) continue;
        for (const name of names) kicked += await kickSessions(w, menu, name);
      }
    }
    return { commands: w.commands, kicked, sessionChanged };
  } catch (e) {
    throw new ApplyFailure(e, w.commands, sessionChanged);
  }
};

/** Makes sure a plan's profiles exist on the router with the plan's rate. */
export const applyProfiles = async (
  menus: MenuClient,
  profiles: readonly DesiredProfile[],
): Promise<ApplyResult> => {
  const w = new RouterWriter(menus);
  try {
    for (const p of profiles) await ensureProfile(w, p);
    return { commands: w.commands, kicked: 0, sessionChanged: false };
  } catch (e) {
    throw new ApplyFailure(e, w.commands, false);
  }
};
