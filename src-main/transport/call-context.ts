/** What a transport knows about one incoming call. */
export type CallContext = {
  /** The bearer token of the caller's session (cookie or per-window), if any. */
  sessionToken: string | null;
  /** Source address: the socket's remote address (HTTP) or the workstation's LAN address (IPC). */
  ip: string | null;
  workstation: string | null;
  /** Lets sign-in and sign-out hand the new token to the transport, which keeps it from the page. */
  setSessionToken(token: string | null): void;
};
