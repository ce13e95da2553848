import { bool, readOnly, text } from '../engine/field';
import { fmtBuildTime, fmtDuration } from '../engine/format';
import type { MenuSpec } from '../engine/menu-table';
import type { RouterRuntime } from '../engine/router-runtime';

export const identityMenu = (): MenuSpec => ({
  path: '/system/identity',
  singleton: true,
  verbs: ['print', 'getall', 'set', 'get', 'listen'],
  fields: [text('name', { default: 'MikroTik' })],
});

const RESOURCE_FIELDS = [
  'uptime',
  'version',
  'build-time',
  'factory-software',
  'free-memory',
  'total-memory',
  'cpu',
  'cpu-count',
  'cpu-frequency',
  'cpu-load',
  'free-hdd-space',
  'total-hdd-space',
  'write-sect-since-reboot',
  'write-sect-total',
  'bad-blocks',
  'architecture-name',
  'board-name',
  'platform',
];

/** Computed at each print: uptime from the clock, cpu-load as a seeded random walk. */
export const resourceMenu = (rt: RouterRuntime): MenuSpec => {
  let cpuLoad = 3 + rt.rng.int(10);
  let freeMemory = Math.round(rt.profile.board.totalMemory * 0.62);
  return {
    path: '/system/resource',
    singleton: true,
    verbs: ['print', 'getall', 'get'],
    fields: RESOURCE_FIELDS.map((name) => readOnly(name)),
    computed: () => {
      const b = rt.profile.board;
      cpuLoad = Math.min(100, Math.max(0, cpuLoad + rt.rng.int(7) - 3));
      const drift = Math.round(b.totalMemory * 0.01);
      freeMemory = Math.min(
        Math.round(b.totalMemory * 0.8),
        Math.max(Math.round(b.totalMemory * 0.4), freeMemory + rt.rng.int(2 * drift + 1) - drift),
      );
      const uptimeMs = rt.now() - rt.bootTime();
      const out: Record<string, string> = {
        uptime: fmtDuration(uptimeMs),
        version: rt.profile.version,
        'build-time': fmtBuildTime(rt.profile.buildTimeMs, rt.profile.dates),
        'free-memory': String(freeMemory),
        'total-memory': String(b.totalMemory),
        cpu: b.cpu,
        'cpu-count': String(b.cpuCount),
        'cpu-frequency': String(b.cpuFrequency),
        'cpu-load': String(cpuLoad),
        'free-hdd-space': String(b.freeHdd),
        'total-hdd-space': String(b.totalHdd),
        'write-sect-since-reboot': String(Math.floor(uptimeMs / 60_000)),
        'write-sect-total': String(91274 + Math.floor(uptimeMs / 60_000)),
        'architecture-name': b.architecture,
        'board-name': b.boardName,
        platform: 'MikroTik',
      };
      if (rt.profile.factorySoftware) out['factory-software'] = rt.profile.factorySoftware;
      if (b.hasBadBlocks) out['bad-blocks'] = '0';
      return out;
    },
  };
};

export const routerboardMenu = (): MenuSpec => ({
  path: '/system/routerboard',
  singleton: true,
  verbs: ['print', 'getall', 'get'],
  fields: [
    bool('routerboard', true, false),
    readOnly('model'),
    readOnly('serial-number'),
    readOnly('firmware-type'),
    readOnly('factory-firmware'),
    readOnly('current-firmware'),
    readOnly('upgrade-firmware'),
  ],
});
