/** Reloads the app (after the server switched offices); a module of its own so tests can stub it. */
export const reloadPage = (): void => window.location.reload();
