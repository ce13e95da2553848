/** Resolves on the event loop's next turn: calls, timers and I/O waiting get in first. */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
