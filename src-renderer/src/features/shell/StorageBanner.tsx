import { Alert } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApiClient } from '../../api/api-context';
import { queryKey, useApiQuery } from '../../api/hooks';
import { formatBytes } from '../activity/export-progress';

/**
 * Above every signed-in screen while the disk holding the data folder is low on space
 * (`system.storage`, pushed when it changes): when it is full, nothing can be saved.
 */
export function StorageBanner() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  // The server checks every 2 min and pushes a change at once. No polling: a call every minute
  // from every open screen would keep an unattended session alive past its idle timeout; coming
  // back to the window reads it again instead.
  const status = useApiQuery('system.storage', undefined, {
    refetchOnWindowFocus: true,
    retry: false,
  });

  useEffect(
    () =>
      client.subscribe('system.storage', (next) => {
        queryClient.setQueryData(queryKey('system.storage'), next);
      }),
    [client, queryClient],
  );

  const s = status.data;
  if (!s?.low) return null;
  return (
    <Alert
      color="orange"
      variant="filled"
      title="The disk is almost full"
      role="alert"
      mb="md"
      className="no-print"
      data-testid="storage-banner"
    >
      Only {formatBytes(s.freeBytes)} of {formatBytes(s.totalBytes)} is free on the disk holding the
      data folder. Free space now: when the disk is full, nothing can be saved — payments, changes
      and sign-ins are refused.
    </Alert>
  );
}
