import { notifications } from '@mantine/notifications';
import { errorMessage, isApiError } from '../api/api-error';

export const notifySuccess = (message: string, title?: string): void => {
  notifications.show({ color: 'teal', message, title });
};

/** A full disk is named as such, whatever the screen calls its failure. */
export const notifyError = (error: unknown, title = 'Something went wrong'): void => {
  const full = isApiError(error) && error.code === 'storage_full';
  notifications.show({
    color: 'red',
    title: full ? 'The disk is full' : title,
    message: errorMessage(error),
  });
};
