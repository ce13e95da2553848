import type { DemoStatus } from '../contract/schemas/system';
import type { CallContext } from './call-context';

/**
 * What the launcher tells the transports about the office being served: whether it is the demo
 * office (its sign-in hints), how to switch to the demo office on first run, and back from it
 * (absent where the launcher cannot, e.g. in unit tests that serve one core).
 */
export type SystemHooks = {
  demo: () => DemoStatus['active'];
  openDemo?: (caller: CallContext) => Promise<void>;
  leaveDemo?: (caller: CallContext) => Promise<void>;
};

export const NO_SYSTEM_HOOKS: SystemHooks = { demo: () => null };
