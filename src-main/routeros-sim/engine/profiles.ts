import type { DateStyle } from './format';

export const VERSION_NAMES = ['6.42', '6.49', '7.9', '7.16', '7.19'] as const;
export type VersionName = (typeof VERSION_NAMES)[number];

export type LoginMethod = 'plain' | 'legacy' | 'mixed';
export type EmptyReplyMode = 'print' | 'all' | 'none';

/** One simulated RouterOS release (reference §7.2) on one board. */
export type VersionProfile = {
  name: VersionName;
  version: string;
  login: LoginMethod;
  emptyReply: EmptyReplyMode;
  dates: DateStyle;
  buildTimeMs: number;
  factorySoftware: string | null;
  board: BoardProfile;
};

export type BoardProfile = {
  boardName: string;
  architecture: string;
  cpu: string;
  cpuCount: number;
  cpuFrequency: number;
  totalMemory: number;
  totalHdd: number;
  freeHdd: number;
  hasBadBlocks: boolean;
  hasRouterboard: boolean;
  etherCount: number;
};

const rb: BoardProfile = {
  boardName: 'RB4011iGS+',
  architecture: 'arm',
  cpu: 'ARMv7',
  cpuCount: 4,
  cpuFrequency: 1400,
  totalMemory: 1073741824,
  totalHdd: 536870912,
  freeHdd: 452198400,
  hasBadBlocks: true,
  hasRouterboard: true,
  etherCount: 5,
};

const chr: BoardProfile = {
  boardName: 'CHR',
  architecture: 'x86_64',
  cpu: 'Common',
  cpuCount: 2,
  cpuFrequency: 2099,
  totalMemory: 1073741824,
  totalHdd: 134217728,
  freeHdd: 92979200,
  hasBadBlocks: false,
  hasRouterboard: false,
  etherCount: 4,
};

export const PROFILES: Readonly<Record<VersionName, VersionProfile>> = {
  '6.42': {
    name: '6.42',
    version: '6.42.12 (long-term)',
    login: 'legacy',
    emptyReply: 'none',
    dates: 'legacy',
    buildTimeMs: Date.UTC(2019, 0, 31, 10, 22, 0),
    factorySoftware: null,
    board: rb,
  },
  '6.49': {
    name: '6.49',
    version: '6.49.10 (long-term)',
    login: 'plain',
    emptyReply: 'none',
    dates: 'legacy',
    buildTimeMs: Date.UTC(2023, 8, 26, 11, 32, 23),
    factorySoftware: '6.44.6',
    board: rb,
  },
  '7.9': {
    name: '7.9',
    version: '7.9.2 (stable)',
    login: 'plain',
    emptyReply: 'none',
    dates: 'legacy',
    buildTimeMs: Date.UTC(2023, 5, 6, 9, 10, 26),
    factorySoftware: '6.44.6',
    board: rb,
  },
  '7.16': {
    name: '7.16',
    version: '7.16.2 (stable)',
    login: 'plain',
    emptyReply: 'none',
    dates: 'iso',
    buildTimeMs: Date.UTC(2024, 10, 26, 13, 22, 16),
    factorySoftware: '7.2.1',
    board: rb,
  },
  '7.19': {
    name: '7.19',
    version: '7.19.4 (stable)',
    login: 'plain',
    emptyReply: 'print',
    dates: 'iso',
    buildTimeMs: Date.UTC(2025, 6, 28, 10, 0, 16),
    factorySoftware: '7.19.4',
    board: chr,
  },
};

export const isVersionName = (v: string): v is VersionName =>
  (VERSION_NAMES as readonly string[]).includes(v);
