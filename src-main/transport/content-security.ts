/**
 * The page's Content Security Policy. `frame-ancestors` is ignored (with a console error on every
 * load) when it arrives in a `<meta>` tag, so index.html carries the rest and each shell sends the
 * whole policy as a response header: the headless server on every response, the Electron shell
 * through its session (see electron/window.ts).
 */
export const FRAME_ANCESTORS = "frame-ancestors 'none'";

/** The policy in index.html's `<meta>` tag, kept equal to it by content-security.test.ts. */
export const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "form-action 'self'";

/** The policy sent as an HTTP header. */
export const HEADER_POLICY = `${PAGE_POLICY}; ${FRAME_ANCESTORS}`;
