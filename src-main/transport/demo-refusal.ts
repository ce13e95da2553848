import type { DemoRefusal } from '../core/activity/events/system-events';
import type { Core } from '../core/create-core';
import { AppError } from '../core/shared/app-error';
import type { RequestMeta } from '../core/shared/context';

const ANSWER: Record<DemoRefusal, AppError> = {
  unavailable: new AppError('unavailable', 'The demo office cannot be opened from here.'),
  accounts_exist: new AppError(
    'forbidden',
    'This office already has accounts: the demo office opens only from the first-run screen.',
  ),
  already_opening: new AppError('conflict', 'The demo office is already being opened.'),
};

/** Logs a refused `system.openDemo` in the office's own log; returns the error to answer with. */
export const refuseDemo = (core: Core, where: RequestMeta, reason: DemoRefusal): AppError => {
  core.services.demo.refused(where, reason);
  const answer = ANSWER[reason];
  return new AppError(answer.code, answer.message);
};
