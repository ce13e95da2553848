import type { Clock } from '../shared/clock';
import type { WriteTransaction } from '../db/write-transaction';
import type { Recorder } from '../activity/recorder';
import type { AuthPolicy } from './auth-policy';
import type { PasswordHasher } from './password-hash';
import type { StaffRepo } from './staff.repo';
import type { SessionsRepo } from './sessions.repo';

/** What the authentication services share; built once in create-core.ts. */
export type AuthDeps = {
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  policy: AuthPolicy;
  /**
   * scrypt and the password-strength estimate on the app's own hashing threads (libuv's pool and
   * the calling thread in unit tests and the CLI).
   */
  hasher: PasswordHasher;
  staff: StaffRepo;
  sessions: SessionsRepo;
};
