/**
 * Whether a URL is the app's own page: the same file for the built app (file://…/index.html, any
 * hash), the same origin for the dev server. Used for IPC senders and for navigation.
 */
export const isAppUrl = (url: string, appUrl: string): boolean => {
  let a: URL;
  let b: URL;
  try {
    a = new URL(url);
    b = new URL(appUrl);
  } catch {
    return false;
  }
  if (b.protocol === 'file:')
    return a.protocol === 'file:' && a.pathname === b.pathname && a.host === b.host;
  return a.origin === b.origin;
};
