import type { MenuTable, Row } from './menu-table';
import type { SimMessages } from './messages';
import type { VersionProfile } from './profiles';
import type { SeededRandom } from '../../domain/seeded-random';

/** What menu definitions may use of the router they belong to. */
export type RouterRuntime = {
  readonly profile: VersionProfile;
  readonly messages: SimMessages;
  readonly rng: SeededRandom;
  now(): number;
  /** Epoch ms of the last (simulated) boot. */
  bootTime(): number;
  /** A date in the profile's format. */
  date(epochMs: number): string;
  table(path: string): MenuTable;
  /** Ends the PPP session of an `/ppp/active` row (already removed from its table). */
  endPppSession(row: Row, reason: string): void;
  /** Ends the hotspot session of an `/ip/hotspot/active` row (already removed). */
  endHotspotSession(row: Row): void;
};
