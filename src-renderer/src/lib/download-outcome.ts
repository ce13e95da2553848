import type { DownloadOutcome } from '../api/transport';
import { notifySuccess } from './notify';

/** Says where a finished download went (a cancelled save dialog says nothing). */
export const notifyDownloadOutcome = (outcome: DownloadOutcome): void => {
  switch (outcome.kind) {
    case 'saved':
      notifySuccess(`Saved to ${outcome.path}`, 'Export complete');
      break;
    case 'downloaded':
      notifySuccess(`Downloaded as ${outcome.filename}`, 'Export complete');
      break;
    case 'cancelled':
      break;
  }
};
