import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/api-error';

export const notifySuccess = (message: string, title?: string): void => {
  notifications.show({ color: 'teal', message, title });
};

export const notifyError = (error: unknown, title = 'Something went wrong'): void => {
  notifications.show({ color: 'red', title, message: errorMessage(error) });
};
