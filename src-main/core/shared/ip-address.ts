import { isIPv4, isIPv6 } from 'node:net';
import { networkInterfaces } from 'node:os';

/** Canonical text form: IPv4-mapped IPv6 becomes plain IPv4, IPv6 is lower-case. */
export const canonicalIp = (raw: string | undefined | null): string | null => {
  if (!raw) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(raw)) return raw;
  // The URL parser writes IPv6 in its RFC 5952 form (lower case, longest zero run as ::).
  if (isIPv6(raw)) return new URL(`http://[${raw}]/`).hostname.slice(1, -1);
  return null;
};

/** The machine's LAN address (first non-internal IPv4), used for System entries and in Electron. */
export const hostLanAddress = (): string => {
  for (const list of Object.values(networkInterfaces())) {
    for (const nic of list ?? []) {
      if (nic.family === 'IPv4' && !nic.internal) return nic.address;
    }
  }
  return '127.0.0.1';
};
