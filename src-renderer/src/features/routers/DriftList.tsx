import { Badge, Checkbox, Table, Text } from '@mantine/core';
import type { DriftItem } from '@contract/schemas/sync';
import { DRIFT_KIND_COLORS, DRIFT_KIND_LABELS, MENU_LABELS } from './router-labels';

/** What `sync.apply` will do with an entry, given the user's removal choices. */
export const driftActionLabel = (item: DriftItem, removeChecked: boolean): string => {
  if (item.kind === 'unknown') return removeChecked ? 'Remove from router' : 'Keep';
  switch (item.action) {
    case 'add':
      return 'Add to router';
    case 'set':
      return 'Update on router';
    case 'remove':
      return 'Remove from router';
    case 'keep':
      return 'Keep';
  }
};

/**
 * The drift of one router: missing, unknown and different entries. Unknown entries carry a
 * checkbox (when `onToggleRemove` is given); they are kept unless ticked.
 */
export function DriftList({
  drift,
  removeKeys,
  onToggleRemove,
}: {
  drift: DriftItem[];
  removeKeys: ReadonlySet<string>;
  onToggleRemove?: (key: string, remove: boolean) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table verticalSpacing="xs" aria-label="Drift">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Menu</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Differences</Table.Th>
            <Table.Th>Sync will</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {drift.map((item) => {
            const checked = removeKeys.has(item.key);
            return (
              <Table.Tr key={item.key} data-drift-kind={item.kind}>
                <Table.Td>
                  <Badge color={DRIFT_KIND_COLORS[item.kind]} variant="light">
                    {DRIFT_KIND_LABELS[item.kind]}
                  </Badge>
                </Table.Td>
                <Table.Td>{MENU_LABELS[item.menu]}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {item.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {item.fields.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    item.fields.map((f) => (
                      <Text size="sm" key={f.field}>
                        {f.field}: router {f.router ?? '(none)'} → {f.desired ?? '(none)'}
                      </Text>
                    ))
                  )}
                </Table.Td>
                <Table.Td>
                  {item.kind === 'unknown' && onToggleRemove ? (
                    <Checkbox
                      label={`Remove ${item.name} from the router`}
                      checked={checked}
                      onChange={(event) => onToggleRemove(item.key, event.currentTarget.checked)}
                    />
                  ) : (
                    <Text size="sm">{driftActionLabel(item, checked)}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
