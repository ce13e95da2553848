import { Alert, Text } from '@mantine/core';

/** Above the results when they include a change of the computer's clock or entries it held back. */
export function ClockChangeBanner() {
  return (
    <Alert
      color="orange"
      variant="light"
      title="The computer's clock was changed near these entries"
      data-testid="clock-change-banner"
    >
      <Text size="sm">
        While the clock was behind the log, new entries kept the time of the entry before them, so
        that the log stays in order; each says what the clock read (“clock read …” under its time).
        The changes they record carry the same time. See the “clock changed” entry for both times.
      </Text>
    </Alert>
  );
}
