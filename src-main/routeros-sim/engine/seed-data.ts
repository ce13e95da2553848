import { fmtMac } from './format';
import type { RouterState } from './router-state';

export type SeedUser = {
  name: string;
  password: string;
  group?: string;
  disabled?: boolean;
  /** Comma list of addresses/prefixes the user may log in from (`/user address`). */
  address?: string;
};

export const FULL_POLICY =
  'local,telnet,ssh,ftp,reboot,read,write,policy,test,winbox,password,web,sniff,sensitive,api,romon,rest-api';
export const READ_POLICY =
  'local,telnet,ssh,reboot,read,test,winbox,password,web,sniff,sensitive,api,romon,rest-api';
export const WRITE_POLICY = `${READ_POLICY},write`;

/** Groups, users, identity, interfaces and the built-in PPP/hotspot items every router has. */
export const seedBase = (s: RouterState, users: readonly SeedUser[], identity: string): void => {
  const groups = s.table('/user/group');
  groups.insert({ name: 'read', policy: READ_POLICY, skin: 'default' }, { builtin: true });
  groups.insert({ name: 'write', policy: WRITE_POLICY, skin: 'default' }, { builtin: true });
  groups.insert({ name: 'full', policy: FULL_POLICY, skin: 'default' }, { builtin: true });
  groups.insert({ name: 'no-api', policy: 'local,ssh,read,write,winbox', skin: 'default' });
  const userTable = s.table('/user');
  for (const u of users) {
    userTable.insert(
      userTable.withDefaults({
        name: u.name,
        password: u.password,
        group: u.group ?? 'full',
        disabled: String(u.disabled ?? false),
        ...(u.address === undefined ? {} : { address: u.address }),
      }),
    );
  }

  s.table('/system/identity').insert({ name: identity });
  s.table('/system/resource').insert({});
  s.tryTable('/system/routerboard')?.insert({
    routerboard: 'true',
    model: s.profile.board.boardName,
    'serial-number': s.rng.hex(6).toUpperCase(),
    'firmware-type': 'al2',
    'factory-firmware': '6.44.6',
    'current-firmware': s.profile.version.split(' ')[0] ?? '',
    'upgrade-firmware': s.profile.version.split(' ')[0] ?? '',
  });

  const ifaces = s.table('/interface');
  const macBase = [0x48, 0xa9, 0x8a, s.rng.int(256), s.rng.int(256)];
  for (let i = 1; i <= s.profile.board.etherCount; i++) {
    ifaces.insert(
      {
        name: `ether${i}`,
        'default-name': `ether${i}`,
        type: 'ether',
        mtu: '1500',
        'actual-mtu': '1500',
        l2mtu: '1514',
        'max-l2mtu': '9796',
        'mac-address': fmtMac([...macBase, i]),
        'link-downs': '0',
        'rx-drop': '0',
        'tx-drop': '0',
        'tx-queue-drop': '0',
        'rx-error': '0',
        'tx-error': '0',
        slave: 'false',
        disabled: 'false',
      },
      {
        builtin: true,
        rxBase: s.rng.int(1_000_000_000),
        txBase: s.rng.int(1_000_000_000),
        rxRate: i === 1 ? 2_500_000 + s.rng.int(1_000_000) : s.rng.int(400_000),
        txRate: i === 1 ? 600_000 + s.rng.int(400_000) : s.rng.int(1_500_000),
      },
    );
  }
  ifaces.insert(
    {
      name: 'bridge',
      type: 'bridge',
      mtu: 'auto',
      'actual-mtu': '1500',
      l2mtu: '1514',
      'mac-address': fmtMac([...macBase, 0xff]),
      'link-downs': '0',
      'rx-drop': '0',
      'tx-drop': '0',
      'tx-queue-drop': '0',
      'rx-error': '0',
      'tx-error': '0',
      slave: 'false',
      disabled: 'false',
    },
    { builtin: true, rxRate: s.rng.int(50_000), txRate: s.rng.int(50_000) },
  );

  const profiles = s.table('/ppp/profile');
  profiles.insert(
    profiles.withDefaults({ name: 'default', 'change-tcp-mss': 'yes', default: 'true' }),
    { builtin: true },
    0,
  );
  profiles.insert(
    profiles.withDefaults({ name: 'default-encryption', 'use-encryption': 'yes', default: 'true' }),
    { builtin: true },
    0xfffffffe,
  );
  const hsProfiles = s.table('/ip/hotspot/user/profile');
  hsProfiles.insert(
    hsProfiles.withDefaults({ name: 'default', default: 'true' }),
    { builtin: true },
    0,
  );
  const hsUsers = s.table('/ip/hotspot/user');
  hsUsers.insert(hsUsers.withDefaults({ name: 'default-trial', default: 'true' }), {
    builtin: true,
  });
};

/** A small ISP: a pool, two plans, a few subscribers with queues and one suspension entry. */
export const seedIsp = (s: RouterState): void => {
  const add = (path: string, values: Record<string, string>): void => {
    const t = s.table(path);
    t.insert(t.withDefaults(values), { createdAt: s.now() });
  };
  add('/ip/pool', { name: 'pool-clientes', ranges: '10.20.0.10-10.20.0.250' });
  add('/ip/pool', { name: 'pool-hotspot', ranges: '10.30.0.10-10.30.0.250' });
  for (const [name, rate] of [
    ['PLAN-10M', '10M/10M'],
    ['PLAN-20M', '5M/20M'],
  ] as const) {
    add('/ppp/profile', {
      name,
      'local-address': '10.20.0.1',
      'remote-address': 'pool-clientes',
      'rate-limit': rate,
      'only-one': 'yes',
    });
  }
  for (let i = 1; i <= 5; i++) {
    const name = `cliente${String(i).padStart(3, '0')}`;
    add('/ppp/secret', {
      name,
      service: 'pppoe',
      password: s.rng.hex(4),
      profile: i % 2 === 0 ? 'PLAN-20M' : 'PLAN-10M',
      'remote-address': `10.20.0.${10 + i}`,
      ...(i === 5 ? { disabled: 'true', comment: 'suspended: unpaid' } : {}),
    });
  }
  add('/queue/simple', {
    name: 'office',
    target: '10.20.1.0/24',
    'max-limit': '50000000/50000000',
  });
  add('/ip/firewall/address-list', {
    list: 'suspended',
    address: '10.20.0.15',
    comment: 'cliente005',
  });
  add('/ip/hotspot/user/profile', { name: '1h-pass', 'shared-users': '1', 'rate-limit': '2M/2M' });
  add('/ip/hotspot/user', { name: 'guest01', password: s.rng.hex(3), profile: '1h-pass' });
};
