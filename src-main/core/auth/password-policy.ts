import { fieldError } from '../shared/app-error';
import type { PasswordHasher } from './password-hash';

/**
 * Refuses a password that is too easy to guess for someone who knows the account's user name and
 * display name, naming the form field. Called wherever a password is set, before it is hashed;
 * never on sign-in. The estimator is CPU work: the hasher runs it on its threads, like scrypt.
 */
export const requireStrongPassword = async (
  hasher: Pick<PasswordHasher, 'weakPasswordMessage'>,
  password: string,
  account: { username: string; displayName: string },
  field: string,
): Promise<void> => {
  const message = await hasher.weakPasswordMessage(password, [
    account.username,
    account.displayName,
  ]);
  if (message) {
    throw fieldError('validation', { path: [field], message }, message);
  }
};
