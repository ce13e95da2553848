import { isIPv4, isIPv6 } from 'node:net';
import { AppError } from '../shared/app-error';
import { canonicalIp } from '../shared/ip-address';

const HELP =
  'IP filter must be an address (10.0.0.1), a prefix (10.0.) or an IPv4 CIDR block (10.0.0.0/24)';

/** The tag written for an address: `ip_10_0_0_1` (see the `tags` column). */
export const ipTag = (ip: string): string => `ip_${ip.replace(/[.:]/g, '_')}`;

/**
 * Parses an IP filter into FTS tag tokens (a trailing `*` marks a prefix token). Null means the
 * filter matches every address (e.g. 0.0.0.0/0).
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
    if (octets.every((o) => Number(o) <= 255)) return [`ip_${octets.map(Number).join('_')}_*`];
  }
  throw new AppError('validation', HELP);
};

const cidrTokens = (address: string, bits: number): string[] | null => {
  if (!isIPv4(address) || bits > 32) throw new AppError('validation', HELP);
  if (bits === 0) return null;
  const octets = address.split('.').map(Number);
  const whole = Math.floor(bits / 8);
  const spare = bits % 8;
  const fixed = octets.slice(0, whole);
  if (spare === 0) {
    return whole === 4 ? [ipTag(address)] : [`ip_${fixed.join('_')}_*`];
  }
  // A block that ends inside an octet: list every value of that octet it covers.
  const size = 2 ** (8 - spare);
  const start = (octets[whole] ?? 0) & ~(size - 1) & 0xff;
  const tokens: string[] = [];
  for (let v = start; v < start + size; v++) {
    const head = [...fixed, v].join('_');
    tokens.push(whole === 3 ? `ip_${head}` : `ip_${head}_*`);
  }
  return tokens;
};
