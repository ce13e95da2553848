import { Alert, List, Stack, Table, Text } from '@mantine/core';
import type { ImportPreview } from '@contract/schemas/clients';
import { formatNumber } from '../../lib/format';

const plural = (n: number, one: string, many: string) =>
  `${formatNumber(n)} ${n === 1 ? one : many}`;

/** The dry run's verdict: how many rows would go in, and every rejected row with its reasons. */
export function ImportPreviewReport({ preview }: { preview: ImportPreview }) {
  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="import-summary">
        {`${plural(preview.rows, 'row', 'rows')} checked: ${plural(preview.accepted, 'client', 'clients')} can be imported, ${plural(preview.rejected.length, 'row', 'rows')} rejected.`}
      </Text>
      {preview.ignoredColumns.length > 0 && (
        <Alert color="yellow" variant="light" title="Columns that will be ignored">
          {preview.ignoredColumns.join(', ')}
        </Alert>
      )}
      {preview.rejected.length > 0 && (
        <Table.ScrollContainer minWidth={400} mah={320}>
          <Table striped verticalSpacing="xs" aria-label="Rejected rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>Line</Table.Th>
                <Table.Th>Why it is rejected</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rejected.map((row) => (
                <Table.Tr key={row.line} data-line={row.line}>
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td>
                    {row.errors.length === 1 ? (
                      <Text size="sm">{row.errors[0]}</Text>
                    ) : (
                      <List size="sm" spacing={2}>
                        {row.errors.map((e) => (
                          <List.Item key={e}>{e}</List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
