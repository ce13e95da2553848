import { addressListMenu } from '../menus/address-list.menu';
import { hotspotActiveMenu, hotspotProfileMenu, hotspotUserMenu } from '../menus/hotspot.menus';
import { interfaceMenu } from '../menus/interface.menu';
import { ipPoolMenu } from '../menus/ip-pool.menu';
import { pppActiveMenu, pppProfileMenu, pppSecretMenu } from '../menus/ppp.menus';
import { queueSimpleMenu } from '../menus/queue-simple.menu';
import { identityMenu, resourceMenu, routerboardMenu } from '../menus/system.menus';
import { userGroupMenu, userMenu } from '../menus/user.menus';
import type { FieldContext } from './field';
import {
  fmtDate,
  fmtDuration,
  parseDuration,
  parseIpv4,
  parsePrefix,
  parseRatePair,
} from './format';
import { MenuTable, type ChangeKind, type MenuEnv, type MenuSpec, type Row } from './menu-table';
import type { SimMessages } from './messages';
import type { VersionProfile } from './profiles';
import { seededRandom, type SeededRandom } from '../../domain/seeded-random';
import type { RouterRuntime } from './router-runtime';
import { seedBase, seedIsp, type SeedUser } from './seed-data';
import type { SimClock } from './sim-clock';

export type RouterStateOptions = {
  profile: VersionProfile;
  messages: SimMessages;
  seed: number;
  clock: SimClock;
  identity: string;
  users: readonly SeedUser[];
  /** `isp` adds pools, plans and subscribers; `minimal` only what every router has. */
  data: 'isp' | 'minimal';
};

export type ChangeListener = (table: MenuTable, kind: ChangeKind, row: Row) => void;

export type LoginCheck = 'ok' | 'invalid' | 'not-allowed';

export type SessionInput = { callerId?: string; address?: string; service?: string };

/** One router's data: its menus (tables), sessions and clock-driven state. */
export class RouterState implements RouterRuntime, MenuEnv {
  readonly rng: SeededRandom;
  readonly fields: FieldContext;
  private readonly tables = new Map<string, MenuTable>();
  private readonly listeners = new Set<ChangeListener>();
  private bootAt: number;
  private sessionCounter = 0;

  constructor(private readonly opts: RouterStateOptions) {
    this.rng = seededRandom(opts.seed);
    this.bootAt = opts.clock.now();
    this.fields = {
      messages: opts.messages,
      exists: (path, name) => this.tryTable(path)?.hasName(name) ?? false,
      isInterface: (name) => this.table('/interface').hasName(name),
    };
    const specs: MenuSpec[] = [
      userGroupMenu(),
      userMenu(),
      identityMenu(),
      resourceMenu(this),
      interfaceMenu(this),
      ipPoolMenu(),
      pppProfileMenu(),
      pppSecretMenu(),
      pppActiveMenu(this),
      hotspotProfileMenu(),
      hotspotUserMenu(),
      hotspotActiveMenu(this),
      queueSimpleMenu(this),
      addressListMenu(this),
    ];
    if (opts.profile.board.hasRouterboard) specs.push(routerboardMenu());
    for (const spec of specs) {
      const firstId = spec.path.endsWith('/active')
        ? 0x81000000 + this.rng.int(0x1000)
        : 0x10 + this.rng.int(0xfe0);
      this.tables.set(spec.path, new MenuTable(spec, firstId));
    }
    seedBase(this, opts.users, opts.identity);
    if (opts.data === 'isp') seedIsp(this);
  }

  get profile(): VersionProfile {
    return this.opts.profile;
  }

  get messages(): SimMessages {
    return this.opts.messages;
  }

  now(): number {
    return this.opts.clock.now();
  }

  bootTime(): number {
    return this.bootAt;
  }

  date(epochMs: number): string {
    return fmtDate(epochMs, this.opts.profile.dates);
  }

  menuPaths(): string[] {
    return [...this.tables.keys()];
  }

  tryTable(path: string): MenuTable | undefined {
    return this.tables.get(path);
  }

  table(path: string): MenuTable {
    const t = this.tables.get(path);
    if (!t) throw new Error(`no table ${path}`);
    return t;
  }

  /** Plain snapshot of a table's printable rows (`.id` included), for tests and demos. */
  rows(path: string): Record<string, string>[] {
    const t = this.table(path);
    return [...t.rows.values()].map((r) => Object.fromEntries(t.output(r, this)));
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(table: MenuTable, kind: ChangeKind, row: Row): void {
    for (const l of this.listeners) l(table, kind, row);
  }

  private dropRow(table: MenuTable, row: Row): void {
    if (table.rows.delete(row.id)) this.notify(table, 'dead', row);
  }

  /** Removes address-list entries whose timeout has passed. */
  expire(): void {
    const list = this.table('/ip/firewall/address-list');
    const now = this.now();
    for (const row of [...list.rows.values()]) {
      if (row.meta.expiresAt !== undefined && row.meta.expiresAt <= now) this.dropRow(list, row);
    }
  }

  // --- login -----------------------------------------------------------------------------------

  userPassword(name: string): string | undefined {
    return this.table('/user').findBy('name', name)?.values.password;
  }

  checkLogin(name: string, password: string | null, peer: string): LoginCheck {
    const user = this.table('/user').findBy('name', name);
    if (!user || user.values.disabled === 'true') return 'invalid';
    if (password !== null && user.values.password !== password) return 'invalid';
    if (!this.peerAllowed(user.values.address ?? '', peer)) return 'invalid';
    return this.policies(name).has('api') ? 'ok' : 'not-allowed';
  }

  policies(userName: string): Set<string> {
    const group = this.table('/user').findBy('name', userName)?.values.group ?? '';
    const policy = this.table('/user/group').findBy('name', group)?.values.policy ?? '';
    return new Set(policy.split(',').filter((p) => p !== ''));
  }

  recordLogin(name: string): void {
    const user = this.table('/user').findBy('name', name);
    if (user) user.values['last-logged-in'] = this.date(this.now());
  }

  private peerAllowed(allowed: string, peer: string): boolean {
    if (allowed === '') return true;
    const ip = parseIpv4(peer.replace(/^::ffff:/, ''));
    if (ip === null) return false;
    return allowed.split(',').some((entry) => {
      const p = parsePrefix(entry);
      if (!p) return false;
      const size = 2 ** (32 - p[1]);
      return Math.floor(ip / size) === Math.floor(p[0] / size);
    });
  }

  // --- sessions ----------------------------------------------------------------------------------

  /** A PPPoE client logs in: active row, dynamic interface and (with a rate-limit) a queue. */
  pppConnect(name: string, input: SessionInput = {}): Row {
    const secret = this.table('/ppp/secret').findBy('name', name);
    if (!secret || secret.values.disabled === 'true') {
      throw new Error(`ppp login refused for ${name}`);
    }
    const profile = this.table('/ppp/profile').findBy('name', secret.values.profile ?? 'default');
    const active = this.table('/ppp/active');
    if (profile?.values['only-one'] === 'yes' && active.findBy('name', name)) {
      throw new Error(this.messages.onlyOneRefused);
    }
    this.sessionCounter += 1;
    const now = this.now();
    const callerId =
      input.callerId ??
      `48:A9:8A:${this.rng
        .hex(3)
        .toUpperCase()
        .replace(/(..)(?=.)/g, '$1:')}`;
    const row = active.insert(
      {
        name,
        service:
          input.service ??
          (secret.values.service === 'any' ? 'pppoe' : (secret.values.service ?? 'pppoe')),
        'caller-id': callerId,
        address:
          input.address ??
          secret.values['remote-address'] ??
          `10.20.${this.rng.int(250)}.${2 + this.rng.int(250)}`,
        encoding: '',
        'session-id': `0x${(0x81000000 + this.sessionCounter).toString(16)}`,
        'limit-bytes-in': secret.values['limit-bytes-in'] ?? '0',
        'limit-bytes-out': secret.values['limit-bytes-out'] ?? '0',
        radius: 'false',
      },
      { startedAt: now },
    );
    this.notify(active, 'upsert', row);
    const ifName = `<pppoe-${name}>`;
    const ifaces = this.table('/interface');
    const iface = ifaces.insert(
      {
        name: ifName,
        type: 'pppoe-in',
        mtu: '1480',
        'actual-mtu': '1480',
        'link-downs': '0',
        'rx-drop': '0',
        'tx-drop': '0',
        'tx-queue-drop': '0',
        'rx-error': '0',
        'tx-error': '0',
        slave: 'false',
        dynamic: 'true',
        disabled: 'false',
      },
      {
        startedAt: now,
        rxRate: this.rng.int(200_000),
        txRate: this.rng.int(1_200_000),
        session: name,
      },
    );
    this.notify(ifaces, 'upsert', iface);
    const rate = parseRatePair((profile?.values['rate-limit'] ?? '').split(' ')[0] ?? '');
    if (rate) {
      const queues = this.table('/queue/simple');
      const q = queues.insert(
        queues.withDefaults({
          name: ifName,
          target: ifName,
          'max-limit': `${rate[0]}/${rate[1]}`,
          dynamic: 'true',
        }),
        {
          startedAt: now,
          rxRate: iface.meta.rxRate ?? 0,
          txRate: iface.meta.txRate ?? 0,
          session: name,
        },
      );
      this.notify(queues, 'upsert', q);
    }
    return row;
  }

  /** The client side hangs up (or the router drops it) with the given reason. */
  pppDisconnect(name: string, reason = 'peer-request'): void {
    const active = this.table('/ppp/active');
    const row = active.findBy('name', name);
    if (!row) throw new Error(`no active session for ${name}`);
    this.dropRow(active, row);
    this.endPppSession(row, reason);
  }

  endPppSession(row: Row, reason: string): void {
    const name = row.values.name ?? '';
    const secrets = this.table('/ppp/secret');
    const secret = secrets.findBy('name', name);
    if (secret) {
      secret.values['last-logged-out'] = this.date(this.now());
      secret.values['last-caller-id'] = row.values['caller-id'] ?? '';
      secret.values['last-disconnect-reason'] = reason;
      this.notify(secrets, 'upsert', secret);
    }
    for (const path of ['/interface', '/queue/simple']) {
      const t = this.table(path);
      for (const r of [...t.rows.values()]) if (r.meta.session === name) this.dropRow(t, r);
    }
  }

  hotspotLogin(user: string, input: { address?: string; mac?: string } = {}): Row {
    const u = this.table('/ip/hotspot/user').findBy('name', user);
    if (!u || u.values.disabled === 'true') throw new Error(`hotspot login refused for ${user}`);
    const active = this.table('/ip/hotspot/active');
    const row = active.insert(
      {
        server: 'hotspot1',
        user,
        address: input.address ?? `10.30.0.${10 + this.rng.int(240)}`,
        'mac-address':
          input.mac ??
          `D4:CA:6D:${this.rng
            .hex(3)
            .toUpperCase()
            .replace(/(..)(?=.)/g, '$1:')}`,
        'login-by': 'http-chap',
        'bytes-in': '0',
        'bytes-out': '0',
        'packets-in': '0',
        'packets-out': '0',
        radius: 'false',
      },
      { startedAt: this.now() },
    );
    this.notify(active, 'upsert', row);
    return row;
  }

  hotspotLogout(user: string): void {
    const active = this.table('/ip/hotspot/active');
    const row = active.findBy('user', user);
    if (!row) throw new Error(`no hotspot session for ${user}`);
    this.dropRow(active, row);
    this.endHotspotSession(row);
  }

  endHotspotSession(row: Row): void {
    const users = this.table('/ip/hotspot/user');
    const u = users.findBy('name', row.values.user ?? '');
    if (!u) return;
    const before = parseDuration(u.values.uptime ?? '0s') ?? 0;
    const session = Math.floor((this.now() - (row.meta.startedAt ?? this.now())) / 1000) * 1000;
    u.values.uptime = fmtDuration(before + session);
    this.notify(users, 'upsert', u);
  }

  /** Uptime restarts; sessions, dynamic queues/interfaces and dynamic list entries are gone. */
  reboot(): void {
    for (const row of [...this.table('/ppp/active').rows.values()]) {
      this.dropRow(this.table('/ppp/active'), row);
      this.endPppSession(row, this.messages.rebootReason);
    }
    for (const row of [...this.table('/ip/hotspot/active').rows.values()]) {
      this.dropRow(this.table('/ip/hotspot/active'), row);
      this.endHotspotSession(row);
    }
    const list = this.table('/ip/firewall/address-list');
    for (const row of [...list.rows.values()])
      if (row.values.dynamic === 'true') this.dropRow(list, row);
    this.bootAt = this.now();
  }
}
