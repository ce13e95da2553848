/**
 * How the core asks the desktop shell to serve this office to other workstations. The core keeps
 * the setting and decides; the shell (src-main/electron/office-sharing.ts) runs the HTTP server.
 * Absent in the headless server, the CLI and tests that do not share.
 */
export type SharingPort = {
  /** Starts serving on the workstation's LAN address; resolves with the address to open. */
  start(port: number): Promise<{ url: string }>;
  /** Stops serving (and ends the connections of other workstations). */
  stop(): Promise<void>;
};
