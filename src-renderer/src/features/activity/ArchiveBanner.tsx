import { Alert, Button, Group, Text } from '@mantine/core';

/** Says plainly that the screen shows an archive file, not the live log, and leads back. */
export function ArchiveBanner({ name, onBack }: { name: string; onBack: () => void }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      title={`Reviewing archive ${name} (read-only)`}
      aria-label="Archive under review"
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          Search, filters, histogram, counts, verify and export all work on this archive file.
          Nothing in it can be changed, and no new entries arrive.
        </Text>
        <Button size="xs" variant="filled" color="yellow" onClick={onBack}>
          Back to the live log
        </Button>
      </Group>
    </Alert>
  );
}
