import type { TlsOptions } from 'node:tls';

/**
 * API-SSL without a certificate is anonymous Diffie-Hellman. TLS 1.3 has no anonymous suites, so
 * the server is capped at TLS 1.2; `@SECLEVEL=0` is needed for OpenSSL 3 to offer ADH at all.
 */
export const ADH_CIPHERS = 'ADH-AES256-GCM-SHA384:@SECLEVEL=0';

export const ADH_SERVER_OPTIONS: TlsOptions = {
  ciphers: ADH_CIPHERS,
  dhparam: 'auto',
  maxVersion: 'TLSv1.2',
};
