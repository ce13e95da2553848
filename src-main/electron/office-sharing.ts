import type { SharingPort } from '../core/sharing/sharing-port';
import { createHttpServer } from '../headless/http-server';
import { readTlsFiles } from '../headless/tls-files';
import type { CoreHost } from '../transport/core-host';

/** hostLanAddress()'s answer when the machine has no LAN interface. */
const NO_LAN = '127.0.0.1';

const plainReason = (e: unknown, port: number, address: string): string => {
  const code = (e as { code?: unknown }).code;
  if (code === 'EADDRINUSE') {
    return `port ${String(port)} is already used by another program on this computer; choose another port`;
  }
  if (code === 'EACCES')
    return `port ${String(port)} is not allowed for this program; choose another port`;
  if (code === 'EADDRNOTAVAIL') return `this computer no longer has the address ${address}`;
  return e instanceof Error ? e.message : String(e);
};

/**
 * The desktop shell's side of "Share this workstation with the office": the same HTTP server as
 * `npm run headless`, inside the Electron main process, on this workstation's LAN address, serving
 * the same host (so the same sessions, permissions and log) as the window.
 */
export const createOfficeSharing = (deps: {
  /** The host the window serves; set once the office is open (sharing starts after that). */
  host: () => CoreHost | null;
  rendererDir: string;
  lanAddress: () => string;
  /**
   * The headless server's `--tls-cert`/`--tls-key` (or `ISPDESK_TLS_*`): other workstations then
   * get HTTPS. The files are read at each start, so a replaced certificate is picked up by the
   * next start, and one that cannot be used is the reason sharing did not start.
   */
  tls?: { cert: string; key: string };
}): SharingPort => {
  let server: ReturnType<typeof createHttpServer> | null = null;
  return {
    start: async (port) => {
      const host = deps.host();
      if (!host) throw new Error('ISP Desk is still starting');
      const address = deps.lanAddress();
      if (address === NO_LAN) {
        throw new Error(
          'this computer has no network address other workstations can reach (is it connected to the office network?)',
        );
      }
      const tls = deps.tls ? readTlsFiles(deps.tls) : undefined;
      const next = createHttpServer({
        host,
        rendererDir: deps.rendererDir,
        ...(tls ? { tls } : {}),
      });
      try {
        const { url } = await next.listen(port, address);
        server = next;
        return { url };
      } catch (e) {
        await next.close();
        throw new Error(plainReason(e, port, address));
      }
    },
    stop: async () => {
      const current = server;
      server = null;
      await current?.close();
    },
  };
};
