import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DebouncedTextInput } from '../../components/DebouncedTextInput';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatEntryCount } from '../../lib/format';
import { ActivityDetailDrawer } from './ActivityDetailDrawer';
import { ActivityTable } from './ActivityTable';
import { EMPTY_VIEW, viewToParams } from './filter-params';
import type { ActivityView } from './filter-params';
import { searchTerms } from './highlight';
import { useActivitySearch } from './use-activity-search';

/** The fields a timeline can be fixed to (e.g. one client's or one router's history). */
export type TimelineFilter = Partial<
  Pick<ActivityView, 'clientId' | 'routerId' | 'actorId' | 'ip' | 'correlationId'>
>;

export type ActivityTimelineProps = {
  /** Always applied; the user cannot remove it here. */
  filter: TimelineFilter;
  /** Heading, e.g. "Activity for Jane Doe". */
  title?: string;
  pageSize?: number;
};

/** The activity log screen for one filter, e.g. `#/activity?client=42`. */
const logHref = (view: ActivityView) => `#/activity?${viewToParams(view).toString()}`;

/**
 * The activity log's search and table with a fixed filter, compact, for other screens to embed
 * (a client's or a router's history). It has its own search box, "Load more" and entry drawer,
 * and a link to the full activity log with the same filter.
 */
export function ActivityTimeline({
  filter,
  title = 'Activity',
  pageSize = 20,
}: ActivityTimelineProps) {
  const [text, setText] = useState('');
  const [openId, setOpenId] = useState<number | null>(null);
  const fixed: ActivityView = { ...EMPTY_VIEW, ...filter };
  const view: ActivityView = { ...fixed, text };
  const search = useActivitySearch(view, { pageSize });
  const entries = search.data?.pages.flatMap((p) => p.entries) ?? [];
  const total = search.data?.pages[0]?.total;
  const terms = searchTerms(text);
  // From the drawer, a click on an IP or a name opens the full log with that filter.
  const goToLog = (patch: Partial<ActivityView>) => {
    window.location.hash = logHref({ ...EMPTY_VIEW, ...patch });
  };

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={0}>
            <Title order={2} size="h5">
              {title}
            </Title>
            {total && (
              <Text size="xs" c="dimmed">
                {formatEntryCount(total.count, total.capped)}
              </Text>
            )}
          </Stack>
          <Anchor href={logHref(view)} size="sm">
            Open in activity log
          </Anchor>
        </Group>
        <DebouncedTextInput
          label={`Search ${title.toLowerCase()}`}
          placeholder="Description, event, staff…"
          type="search"
          size="xs"
          value={text}
          onCommit={setText}
        />
        {search.isPending ? (
          <LoadingState label="Loading activity…" />
        ) : !search.data ? (
          <ErrorState
            title="Could not load the activity"
            error={search.error}
            onRetry={() => void search.refetch()}
          />
        ) : entries.length === 0 ? (
          <EmptyState>{text ? 'No entries match this search.' : 'No activity yet.'}</EmptyState>
        ) : (
          <>
            <ActivityTable
              compact
              label={`${title} entries`}
              entries={entries}
              selectedId={openId}
              terms={terms}
              onOpen={setOpenId}
              onFilterIp={(ip) => goToLog({ ip })}
              onFilterActor={(actor) => goToLog({ actorId: actor.id })}
            />
            {search.isFetchNextPageError && (
              <ErrorState title="Could not load more entries" error={search.error} />
            )}
            {search.hasNextPage && (
              <Group justify="center">
                <Button
                  size="xs"
                  variant="default"
                  loading={search.isFetchingNextPage}
                  onClick={() => void search.fetchNextPage()}
                >
                  Load more
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
      <ActivityDetailDrawer
        entryId={openId}
        entry={entries.find((e) => e.id === openId)}
        onClose={() => setOpenId(null)}
        onFilterIp={(ip) => goToLog({ ip })}
        onFilterActor={(actor) => goToLog({ actorId: actor.id })}
        onFilterCorrelation={(correlationId) => goToLog({ correlationId })}
      />
    </Paper>
  );
}
