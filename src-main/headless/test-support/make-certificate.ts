import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * A self-signed certificate for `ip` (and localhost), made with openssl as the README tells
 * operators; valid for two days.
 */
export const makeCertificate = (dir: string, name = 'server', ip = '127.0.0.1') => {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=ISP Desk',
      '-addext',
      `subjectAltName=IP:${ip},DNS:localhost`,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
};
