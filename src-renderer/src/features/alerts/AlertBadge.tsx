import { Badge, Button } from '@mantine/core';
import { Link } from 'react-router';
import { useAlertPush, useAlertsList } from './use-alerts';

/** The header's count of open alerts, linking to the Alerts screen (for those allowed). */
export function AlertBadge() {
  useAlertPush(true);
  const list = useAlertsList();
  const open = list.data?.open ?? 0;
  return (
    <Button
      component={Link}
      to="/alerts"
      variant={open > 0 ? 'light' : 'subtle'}
      color={open > 0 ? 'red' : 'gray'}
      size="xs"
      data-testid="alerts-badge"
      aria-label={open === 1 ? '1 open alert' : `${String(open)} open alerts`}
      rightSection={
        open > 0 ? (
          <Badge size="sm" color="red" variant="filled" circle>
            {open}
          </Badge>
        ) : null
      }
    >
      Alerts
    </Button>
  );
}
