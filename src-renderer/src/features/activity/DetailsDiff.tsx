import { Code, Stack, Table, Text } from '@mantine/core';
import { describeDetails, formatDiffValue, prettyJson } from './details-diff';

/** An entry's `details`: before→after for changed keys, or the JSON as it is. */
export function DetailsDiff({ details }: { details: unknown }) {
  const view = describeDetails(details);
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
                    <Table.Th scope="row" fw={500}>
                      {row.key}
                    </Table.Th>
                    <Table.Td c="red.8" style={{ wordBreak: 'break-word' }}>
                      {formatDiffValue(row.before)}
                    </Table.Td>
                    <Table.Td c="teal.8" style={{ wordBreak: 'break-word' }}>
                      {formatDiffValue(row.after)}
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
