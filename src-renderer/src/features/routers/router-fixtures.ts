import type { Router } from '@contract/schemas/routers';
import type { DriftItem } from '@contract/schemas/sync';

/** A router as `routers.list` returns it, for renderer tests. */
export const routerFixture = (id: number, overrides: Partial<Router> = {}): Router => ({
  id,
  name: `Router ${String(id)}`,
  host: `10.0.0.${String(id)}`,
  port: null,
  tls: 'off',
  apiUser: 'admin',
  pollIntervalSec: 30,
  enabled: true,
  notes: '',
  createdAt: Date.UTC(2025, 0, 1),
  updatedAt: Date.UTC(2025, 0, 1),
  status: 'online',
  statusSince: Date.UTC(2025, 0, 1),
  lastSeenAt: Date.now() - 10_000,
  lastError: null,
  identity: `MikroTik-${String(id)}`,
  version: '7.16',
  board: 'RB4011',
  uptimeSec: 90_061,
  cpuLoad: 12,
  memoryUsedPct: 40,
  activeSessions: 37,
  latencyMs: 3,
  flapping: false,
  pendingChanges: 0,
  clientCount: 50,
  ...overrides,
});

export const driftFixture = (key: string, overrides: Partial<DriftItem> = {}): DriftItem => ({
  key,
  menu: 'ppp-secret',
  kind: 'missing',
  name: key,
  clientId: null,
  planId: null,
  fields: [],
  action: 'add',
  ...overrides,
});
