import { Button, Group, Stack, Title } from '@mantine/core';
import type { ActivityEntry } from '@contract/schemas/activity';
import type { ActivityView } from './filter-params';

/** The single-field filters an entry leads to ("everything from this IP", …). */
export type Pivot = Partial<
  Pick<ActivityView, 'actorId' | 'ip' | 'clientId' | 'routerId' | 'correlationId'>
>;

/** The pivots an entry offers, with their button labels; fields the entry lacks are left out. */
export function entryPivots(entry: ActivityEntry): { label: string; pivot: Pivot }[] {
  const pivots: { label: string; pivot: Pivot }[] = [];
  if (entry.actor) {
    pivots.push({ label: 'Everything by this staff member', pivot: { actorId: entry.actor.id } });
  }
  if (entry.ip) pivots.push({ label: 'Everything from this IP', pivot: { ip: entry.ip } });
  if (entry.clientId !== null) {
    pivots.push({ label: 'Everything for this client', pivot: { clientId: entry.clientId } });
  }
  if (entry.routerId !== null) {
    pivots.push({ label: 'Everything for this router', pivot: { routerId: entry.routerId } });
  }
  if (entry.correlationId) {
    pivots.push({
      label: 'Everything with this correlation id',
      pivot: { correlationId: entry.correlationId },
    });
  }
  return pivots;
}

/** Buttons that replace the whole filter with one of the entry's fields. */
export function EntryPivots({
  entry,
  onPivot,
}: {
  entry: ActivityEntry;
  onPivot: (pivot: Pivot) => void;
}) {
  const pivots = entryPivots(entry);
  if (pivots.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" id="entry-pivots">
        Pivot
      </Title>
      <Group gap="xs" role="group" aria-labelledby="entry-pivots">
        {pivots.map(({ label, pivot }) => (
          <Button key={label} size="xs" variant="light" onClick={() => onPivot(pivot)}>
            {label}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
