import {
  ActionIcon,
  Button,
  CloseIcon,
  Divider,
  Group,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error';
import { queryKey, useApiMutation, useApiQuery } from '../../api/hooks';
import { notifyError } from '../../lib/notify';
import { viewFromApiFilter } from './filter-params';
import type { ActivityView } from './filter-params';
import { describeView, recentView } from './recent-searches';
import { useOfficeClock } from '../../lib/office-clock-context';

export type SavedSearchesMenuProps = {
  /** Recent filters (URL query strings), most recent first. */
  recent: string[];
  onApply: (view: ActivityView) => void;
  onSaveCurrent: () => void;
  staffName?: (id: number) => string | undefined;
};

const ITEM_STYLE = {
  display: 'block',
  width: '100%',
  padding: '4px 8px',
  borderRadius: 'var(--mantine-radius-sm)',
} as const;

/** Saved searches (per staff member, on the server) and recent ones (this workstation). */
export function SavedSearchesMenu({
  recent,
  onApply,
  onSaveCurrent,
  staffName,
}: SavedSearchesMenuProps) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const apply = (view: ActivityView) => {
    close();
    onApply(view);
  };
  return (
    <Popover opened={opened} onChange={(o) => !o && close()} position="bottom-end" width={360}>
      <Popover.Target>
        <Button variant="default" onClick={toggle}>
          Saved searches
        </Button>
      </Popover.Target>
      {/* A dialog named after its button ("Saved searches"), by Mantine. */}
      <Popover.Dropdown>
        <Stack gap="xs">
          <Button
            size="xs"
            variant="light"
            onClick={() => {
              close();
              onSaveCurrent();
            }}
          >
            Save current search…
          </Button>
          <Divider label="Saved" labelPosition="left" />
          <SavedList onApply={apply} />
          <Divider label="Recent" labelPosition="left" />
          {recent.length === 0 ? (
            <Text size="xs" c="dimmed">
              Searches you run appear here.
            </Text>
          ) : (
            <ScrollArea.Autosize mah={220}>
              <Stack gap={0} role="list" aria-label="Recent searches">
                {recent.map((key) => {
                  const label = describeView(recentView(key), staffName);
                  return (
                    <div role="listitem" key={key}>
                      <UnstyledButton
                        style={ITEM_STYLE}
                        className="mantine-focus-auto"
                        aria-label={`Apply recent search: ${label}`}
                        onClick={() => apply(recentView(key))}
                      >
                        <Text size="sm" truncate="end">
                          {label}
                        </Text>
                      </UnstyledButton>
                    </div>
                  );
                })}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function SavedList({ onApply }: { onApply: (view: ActivityView) => void }) {
  const clock = useOfficeClock();
  const queryClient = useQueryClient();
  const saved = useApiQuery('searches.list', undefined);
  const remove = useApiMutation('searches.delete', {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKey('searches.list') }),
    onError: (error) => notifyError(error, 'Could not delete the saved search'),
  });

  if (saved.isPending) {
    return (
      <Text size="xs" c="dimmed" role="status">
        Loading saved searches…
      </Text>
    );
  }
  if (saved.isError) {
    return (
      <Group gap="xs">
        <Text size="xs" c="red">
          {`Could not load saved searches: ${errorMessage(saved.error)}`}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => void saved.refetch()}>
          Retry
        </Button>
      </Group>
    );
  }
  if (saved.data.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        No saved searches yet.
      </Text>
    );
  }
  return (
    <ScrollArea.Autosize mah={220}>
      <Stack gap={0} role="list" aria-label="Saved searches">
        {saved.data.map((s) => (
          <Group key={s.id} role="listitem" gap={4} wrap="nowrap">
            <UnstyledButton
              style={ITEM_STYLE}
              className="mantine-focus-auto"
              aria-label={`Apply saved search ${s.name}`}
              onClick={() => onApply(viewFromApiFilter(s.filter, clock))}
            >
              <Text size="sm" fw={500} truncate="end">
                {s.name}
              </Text>
              <Text size="xs" c="dimmed" truncate="end">
                {describeView(viewFromApiFilter(s.filter, clock))}
              </Text>
            </UnstyledButton>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={`Delete saved search ${s.name}`}
              loading={remove.isPending && remove.variables.id === s.id}
              onClick={() => remove.mutate({ id: s.id })}
            >
              <CloseIcon size="12" />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
