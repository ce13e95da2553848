import { isIPv4, isIPv6 } from 'node:net';
import { fieldError } from '../shared/app-error';
import { canonicalIp } from '../shared/ip-address';

const HELP =
  'IP filter must be an address (10.0.0.1), a prefix (10.0.) or an IPv4 CIDR block (10.0.0.0/24)';

/** The filter's `ip` is not an address, prefix or block; the help names the field already. */
const badIp = () => fieldError('validation', { path: ['filter', 'ip'], message: HELP }, HELP);

/** The tag written for an address: `ip_10_0_0_1` (see the `tags` column). */
export const ipTag = (ip: string): string => `ip_${ip.replace(/[.:]/g, '_')}`;

/** The network tag of the first 1–3 octets: `n8_10`, `n16_10_0`, `n24_10_0_0`. */
const netTag = (octets: readonly number[]): string =>
  `n${String(octets.length * 8)}_${octets.join('_')}`;

/**
 * Parses an IP filter into exact FTS tag tokens, OR-ed together: an address, a dotted prefix
 * (whole octets) or an IPv4 CIDR block. No FTS prefix queries: those merge the doclists of every
 * matching address before returning anything, which grows with the log. Null means the filter
 * matches every address (0.0.0.0/0).
 */
export const ipFilterTokens = (raw: string): string[] | null => {
  const input = raw.trim();
  const cidr = /^([\d.]+)\/(\d{1,2})$/.exec(input);
  if (cidr) return cidrTokens(cidr[1] ?? '', Number(cidr[2]));
  if (isIPv4(input)) return [ipTag(input)];
  const v6 = isIPv6(input) ? canonicalIp(input) : null;
  if (v6) return [ipTag(v6)];
  const prefix = /^(\d{1,3})(?:\.(\d{1,3}))?(?:\.(\d{1,3}))?\.?$/.exec(input);
  if (prefix) {
    // Unmatched optional groups are undefined at run time, whatever RegExpExecArray's type says.
    const octets = prefix.slice(1).filter((o?: string): o is string => typeof o === 'string');
    if (octets.every((o) => Number(o) <= 255)) return [netTag(octets.map(Number))];
  }
  throw badIp();
};

const cidrTokens = (address: string, bits: number): string[] | null => {
  if (!isIPv4(address) || bits > 32) throw badIp();
  if (bits === 0) return null;
  const octets = address.split('.').map(Number);
  const whole = Math.floor(bits / 8);
  const spare = bits % 8;
  const fixed = octets.slice(0, whole);
  if (spare === 0) return whole === 4 ? [ipTag(address)] : [netTag(fixed)];
  // A block that ends inside an octet: one token per value of that octet it covers (at most
  // 128), each an address (/25–/31) or a network one octet longer than the block's whole part.
  const size = 2 ** (8 - spare);
  const start = (octets[whole] ?? 0) & ~(size - 1) & 0xff;
  return Array.from({ length: size }, (_, i) =>
    whole === 3 ? ipTag([...fixed, start + i].join('.')) : netTag([...fixed, start + i]),
  );
};
