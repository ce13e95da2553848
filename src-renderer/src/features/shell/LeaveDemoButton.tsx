import { Button, Tooltip } from '@mantine/core';
import { useApiMutation } from '../../api/hooks';
import { reloadPage } from '../../lib/reload-page';
import { useDemoStatus } from '../auth/use-demo-status';

/**
 * "Leave demo" in the demo office's header: the server goes back to the office (its first-run
 * screen if it has no accounts yet) and the page reloads at its start.
 */
export function LeaveDemoButton() {
  const offered = useDemoStatus().data?.leave === true;
  const leave = useApiMutation('system.leaveDemo', {
    onSuccess: () => {
      window.location.hash = '#/';
      reloadPage();
    },
  });
  if (!offered) return null;
  return (
    <Tooltip
      label={
        leave.isError
          ? leave.error.message
          : 'Back to your office (its first-run screen if it has no accounts yet). The demo office is kept for next time.'
      }
      multiline
      w={260}
      color={leave.isError ? 'red' : undefined}
      opened={leave.isError ? true : undefined}
    >
      <Button
        variant="white"
        color="dark"
        size="xs"
        loading={leave.isPending}
        onClick={() => leave.mutate(undefined)}
        data-testid="leave-demo"
      >
        Leave demo
      </Button>
    </Tooltip>
  );
}
