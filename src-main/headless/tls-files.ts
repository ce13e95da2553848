import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type { TlsFiles } from './http-server';

/** A TLS certificate or key that cannot be used; its message is the one line the operator reads. */
export class TlsSetupError extends Error {}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/**
 * Reads the PEM certificate (chain) and private key given with --tls-cert/--tls-key and checks
 * that they belong together, before anything else starts.
 */
export const readTlsFiles = (files: { cert: string; key: string }): TlsFiles => {
  const read = (what: string, file: string) => {
    try {
      return readFileSync(file);
    } catch (e) {
      throw new TlsSetupError(`Cannot read the TLS ${what} ${file}: ${firstLine(e)}`);
    }
  };
  const tls = { cert: read('certificate', files.cert), key: read('key', files.key) };
  try {
    createSecureContext(tls);
  } catch (e) {
    throw new TlsSetupError(
      `Cannot use the TLS certificate ${files.cert} with the key ${files.key}: ${firstLine(e)}`,
    );
  }
  return tls;
};
