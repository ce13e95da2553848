import { Button, Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { SHORTCUTS } from './keyboard-shortcuts';

export function KeyboardShortcutsButton({ onOpen }: { onOpen: () => void }) {
  return (
    <Button variant="subtle" size="sm" onClick={onOpen} aria-keyshortcuts="?">
      Keyboard shortcuts
    </Button>
  );
}

/** The list of the activity log's keyboard shortcuts (also opened with `?`). */
export function KeyboardShortcutsHelp({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Keyboard shortcuts"
      closeButtonProps={{ 'aria-label': 'Close keyboard shortcuts' }}
    >
      <Table aria-label="Keyboard shortcuts" verticalSpacing={6}>
        <Table.Tbody>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.action}>
              <Table.Td w={110}>
                <Group gap={4} wrap="nowrap">
                  {s.keys.map((key, i) => (
                    <Fragment key={key}>
                      {i > 0 && (
                        <Text span size="xs">
                          +
                        </Text>
                      )}
                      <Kbd>{key}</Kbd>
                    </Fragment>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{s.description}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        Shortcuts do nothing while you are typing in a field.
      </Text>
    </Modal>
  );
}
