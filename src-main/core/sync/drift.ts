import type { DriftItem } from '../../contract/schemas/sync';
import {
  addressListMenu,
  hotspotProfileMenu,
  pppProfileMenu,
} from '../routeros-client/menus/isp-menus';
import type { MenuClient } from '../routeros-client/menus/menu-client';
import type { DesiredClient, DesiredProfile, ProfileMenu, ServiceMenu } from './desired-state';
import { entryDrift, readEntries, SERVICE_MENUS, type EntryRow } from './router-apply';
import { sameRate } from './rate-text';

/** What a router holds in the menus the app manages. */
export type RouterSnapshot = {
  entries: Record<ServiceMenu, EntryRow[]>;
  profiles: Record<ProfileMenu, { id: string; name: string; rateLimit: string | null }[]>;
  addresses: { id: string; list: string; address: string; comment: string | null }[];
};

/** Built-in entries every router has; never reported. */
const BUILT_IN_USERS = new Set(['default-trial']);

export const readSnapshot = async (
  menus: MenuClient,
  lists: readonly string[],
): Promise<RouterSnapshot> => {
  const [ppp, hotspot, pppProfiles, hotspotProfiles, addresses] = await Promise.all([
    readEntries(menus, 'ppp-secret'),
    readEntries(menus, 'hotspot-user'),
    menus.list(pppProfileMenu),
    menus.list(hotspotProfileMenu),
    Promise.all(lists.map((list) => menus.list(addressListMenu, { list }))),
  ]);
  return {
    entries: { 'ppp-secret': ppp, 'hotspot-user': hotspot },
    profiles: {
      'ppp-profile': pppProfiles.map((p) => ({
        id: p.id,
        name: p.name,
        rateLimit: p.rateLimit ?? null,
      })),
      'hotspot-profile': hotspotProfiles.map((p) => ({
        id: p.id,
        name: p.name,
        rateLimit: p.rateLimit ?? null,
      })),
    },
    addresses: addresses
      .flat()
      .filter((a) => !a.dynamic)
      .map((a) => ({ id: a.id, list: a.list, address: a.address, comment: a.comment ?? null })),
  };
};

const MARKER = /^ISP Desk (\S+)$/;

export type DriftInput = {
  desired: readonly DesiredClient[];
  profiles: readonly DesiredProfile[];
  lists: readonly string[];
  snapshot: RouterSnapshot;
  /** Report entries the database does not know (whole-router scopes only). */
  unknowns: boolean;
  /** The client an "ISP Desk <account>" comment belongs to. */
  clientOfAccount: (accountNo: string) => number | null;
};

export type Drift = { items: DriftItem[]; checked: number };

/**
 * Compares a router with the desired state. `missing`: desired, not on the router. `different`:
 * on both, some field differs (or an entry this app created is somewhere it should not be).
 * `unknown`: on the router only; its action is `keep` (removal needs the user's confirmation).
 */
export const diffRouter = (input: DriftInput): Drift => {
  const { snapshot, desired } = input;
  const items: DriftItem[] = [];
  const wanted = new Map<string, DesiredClient>();
  for (const d of desired) if (d.entry) wanted.set(`${d.entry.menu}:${d.entry.name}`, d);
  const byMarker = new Map(desired.map((d) => [d.marker, d]));
  /**
   * The client an entry this app created belongs to. Whole-router scopes take any client's
   * entry; a one-client scope only its own.
   */
  const ownerOf = (comment: string | null): number | null => {
    const account = MARKER.exec(comment ?? '')?.[1];
    if (account === undefined) return null;
    if (!input.unknowns) return byMarker.get(comment ?? '')?.clientId ?? null;
    return input.clientOfAccount(account);
  };
  let checked = 0;

  for (const menu of SERVICE_MENUS) {
    const rows = snapshot.entries[menu];
    for (const d of desired) {
      if (d.entry?.menu !== menu) continue;
      checked += 1;
      const row = rows.find((r) => r.name === d.entry?.name);
      const key = `${menu}:${d.entry.name}`;
      if (!row) {
        items.push({
          key,
          menu,
          kind: 'missing',
          name: d.entry.name,
          clientId: d.clientId,
          planId: null,
          fields: [],
          action: 'add',
        });
        continue;
      }
      const fields = entryDrift(row, d.entry);
      if (fields.length > 0) {
        items.push({
          key,
          menu,
          kind: 'different',
          name: row.name,
          clientId: d.clientId,
          planId: null,
          fields,
          action: 'set',
        });
      }
    }
    for (const row of rows) {
      if (wanted.has(`${menu}:${row.name}`) || BUILT_IN_USERS.has(row.name)) continue;
      const owner = ownerOf(row.comment);
      if (owner === null && !input.unknowns) continue;
      checked += 1;
      items.push(
        owner === null
          ? {
              key: `${menu}:${row.name}@${row.id}`,
              menu,
              kind: 'unknown',
              name: row.name,
              clientId: null,
              planId: null,
              fields: [],
              action: 'keep',
            }
          : {
              key: `${menu}:${row.name}@${row.id}`,
              menu,
              kind: 'different',
              name: row.name,
              clientId: owner,
              planId: null,
              fields: [{ field: 'present', router: 'yes', desired: 'no' }],
              action: 'remove',
            },
      );
    }
  }

  for (const p of input.profiles) {
    checked += 1;
    const row = snapshot.profiles[p.menu].find((r) => r.name === p.name);
    const key = `${p.menu}:${p.name}`;
    if (!row) {
      items.push({
        key,
        menu: p.menu,
        kind: 'missing',
        name: p.name,
        clientId: null,
        planId: p.planId,
        fields: [],
        action: 'add',
      });
    } else if (p.rateLimit !== null && !sameRate(row.rateLimit, p.rateLimit)) {
      items.push({
        key,
        menu: p.menu,
        kind: 'different',
        name: p.name,
        clientId: null,
        planId: p.planId,
        fields: [{ field: 'rate-limit', router: row.rateLimit, desired: p.rateLimit }],
        action: 'set',
      });
    }
  }

  const isolations = desired.flatMap((d) => (d.isolation ? [{ d, iso: d.isolation }] : []));
  for (const { d, iso } of isolations) {
    if (!iso.present) continue;
    checked += 1;
    if (!snapshot.addresses.some((a) => a.list === iso.list && a.address === iso.address)) {
      items.push({
        key: `address-list:${iso.list}:${iso.address}`,
        menu: 'address-list',
        kind: 'missing',
        name: `${iso.list} ${iso.address}`,
        clientId: d.clientId,
        planId: null,
        fields: [],
        action: 'add',
      });
    }
  }
  for (const a of snapshot.addresses) {
    if (
      isolations.some(({ iso }) => iso.present && iso.list === a.list && iso.address === a.address)
    )
      continue;
    const owner = ownerOf(a.comment);
    if (owner === null && !input.unknowns) continue;
    checked += 1;
    items.push({
      key: `address-list:${a.list}:${a.address}@${a.id}`,
      menu: 'address-list',
      kind: owner === null ? 'unknown' : 'different',
      name: `${a.list} ${a.address}`,
      clientId: owner,
      planId: null,
      fields: owner === null ? [] : [{ field: 'present', router: 'yes', desired: 'no' }],
      action: owner === null ? 'keep' : 'remove',
    });
  }
  return { items, checked };
};
