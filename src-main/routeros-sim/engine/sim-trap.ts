/** One `!trap` reply: a message and, where RouterOS gives one, a category (reference §1.4). */
export type TrapReply = { message: string; category?: number };

/** Thrown by menu code to answer a command with one or more `!trap`s followed by `!done`. */
export class SimTrap extends Error {
  readonly traps: TrapReply[];
  constructor(message: string, category?: number, more: TrapReply[] = []) {
    super(message);
    this.name = 'SimTrap';
    this.traps = [category === undefined ? { message } : { message, category }, ...more];
  }
}

export const TRAP_CATEGORY = {
  missingItemOrCommand: 0,
  argumentValue: 1,
  interrupted: 2,
  scripting: 3,
  general: 4,
  api: 5,
} as const;
