import { Affix, Badge, Button, Group, Paper, Switch, Text } from '@mantine/core';
import { formatNumber } from '../../lib/format';
import type { LiveStatus } from './live-tail';

/** The live tail switch, with a "Live" badge while new entries stream in. */
export function LiveTailSwitch({
  status,
  onToggle,
}: {
  status: LiveStatus;
  onToggle: (on: boolean) => void;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Switch
        label="Live tail"
        checked={status !== 'off'}
        onChange={(event) => onToggle(event.currentTarget.checked)}
      />
      {status === 'live' && (
        <Badge color="teal" variant="dot">
          Live
        </Badge>
      )}
    </Group>
  );
}

/**
 * While live tail is paused (the user scrolled down or opened an entry): how many entries are
 * waiting, and a button to go back to the top and show them. Floats at the bottom of the window,
 * where a reader who scrolled down can see it.
 */
export function LiveTailPaused({
  status,
  pending,
  onResume,
}: {
  status: LiveStatus;
  pending: number;
  onResume: () => void;
}) {
  return (
    <Affix position={{ bottom: 20, right: 20 }} zIndex={150}>
      <div aria-live="polite" data-testid="live-tail-status">
        {status === 'paused' && (
          <Paper withBorder shadow="md" radius="xl" px="md" py={6}>
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" fw={500}>
                {`Paused — ${formatNumber(pending)} new`}
              </Text>
              <Button size="compact-sm" onClick={onResume} aria-label="Resume live tail">
                Resume
              </Button>
            </Group>
          </Paper>
        )}
      </div>
    </Affix>
  );
}
