import { weakPasswordMessage } from '../../contract/password-strength';
import { AppError } from '../shared/app-error';

/**
 * Refuses a password that is too easy to guess for someone who knows the account's user name and
 * display name, naming the form field. Called wherever a password is set, before it is hashed;
 * never on sign-in (the estimator is CPU work).
 */
export const requireStrongPassword = (
  password: string,
  account: { username: string; displayName: string },
  field: string,
): void => {
  const message = weakPasswordMessage(password, [account.username, account.displayName]);
  if (message) {
    throw new AppError('validation', message, { issues: [{ path: [field], message }] });
  }
};
