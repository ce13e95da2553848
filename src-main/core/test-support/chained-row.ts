import type { ChainedRow } from '../activity/hash-chain';
import { T0 } from './test-core';

/** A System entry for the chain appender, with the fields a test cares about overridden. */
export const chainedRow = (over: Partial<Omit<ChainedRow, 'id'>> = {}): Omit<ChainedRow, 'id'> => ({
  ts: T0,
  type: 'system',
  category: 'system',
  event: 'system.started',
  outcome: 'success',
  actorId: null,
  actorName: null,
  ip: '10.0.0.1',
  workstation: 'office',
  description: 'ISP Desk started',
  targetType: null,
  targetId: null,
  targetLabel: null,
  clientId: null,
  routerId: null,
  details: null,
  correlationId: null,
  ...over,
});
