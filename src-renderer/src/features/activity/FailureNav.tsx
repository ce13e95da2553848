import { Button, Group, Text } from '@mantine/core';
import type { Direction } from './entry-navigation';

/** "Previous failure" / "Next failure" jumps through the results (also `N` / `n`). */
export function FailureNav({
  busy,
  message,
  onJump,
}: {
  busy: Direction | null;
  message: string | null;
  onJump: (direction: Direction) => void;
}) {
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        size="xs"
        variant="default"
        aria-keyshortcuts="Shift+N"
        loading={busy === 'previous'}
        disabled={busy !== null}
        onClick={() => onJump('previous')}
      >
        Previous failure
      </Button>
      <Button
        size="xs"
        variant="default"
        aria-keyshortcuts="n"
        loading={busy === 'next'}
        disabled={busy !== null}
        onClick={() => onJump('next')}
      >
        Next failure
      </Button>
      <Text size="xs" c="dimmed" aria-live="polite" data-testid="failure-nav-status">
        {message ?? ''}
      </Text>
    </Group>
  );
}
