import { Code, Stack, Table, Text } from '@mantine/core';
import { useContext } from 'react';
import { fieldLabel, isNegativeMoney, valueText, type ValueWords } from '@domain/labels';
import { OfficeClockContext } from '../../lib/office-clock-context';
import { OfficeContext } from '../settings/office-context';
import { describeDetails, prettyJson } from './details-diff';

/** Money in the office currency and times in its zone, where the office is known. */
function useValueWords(): ValueWords {
  const office = useContext(OfficeContext);
  const clock = useContext(OfficeClockContext);
  return {
    ...(office ? { money: office.money } : {}),
    ...(clock ? { dateTime: (ms: number) => `${clock.dateTime(ms)} ${clock.zone}` } : {}),
  };
}

/** Before is struck through in grey; after is plain, and red when it is money owed. */
const valueColor = (key: string, value: unknown, side: 'before' | 'after') =>
  isNegativeMoney(key, value) ? 'red.8' : side === 'before' ? 'dimmed' : undefined;

/** An entry's `details`: before→after for changed keys, or the JSON as it is. */
export function DetailsDiff({ details }: { details: unknown }) {
  const view = describeDetails(details);
  const words = useValueWords();
  switch (view.kind) {
    case 'none':
      return (
        <Text size="sm" c="dimmed">
          No details recorded.
        </Text>
      );
    case 'json':
      return (
        <Code block aria-label="Details JSON">
          {view.text}
        </Code>
      );
    case 'diff':
      return (
        <Stack gap="sm">
          {view.rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              No fields changed.
            </Text>
          ) : (
            <Table withTableBorder withColumnBorders aria-label="Changes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Field</Table.Th>
                  <Table.Th>Before</Table.Th>
                  <Table.Th>After</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.rows.map((row) => (
                  <Table.Tr key={row.key}>
                    <Table.Th scope="row" fw={500} title={row.key}>
                      {fieldLabel(row.key)}
                    </Table.Th>
                    <Table.Td
                      c={valueColor(row.key, row.before, 'before')}
                      style={{ wordBreak: 'break-word' }}
                    >
                      {valueText(row.key, row.before, words)}
                    </Table.Td>
                    <Table.Td
                      c={valueColor(row.key, row.after, 'after')}
                      style={{ wordBreak: 'break-word' }}
                    >
                      {valueText(row.key, row.after, words)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {view.rest && (
            <Code block aria-label="Other details">
              {prettyJson(view.rest)}
            </Code>
          )}
        </Stack>
      );
  }
}
