import { Button, Group, Stack, Text } from '@mantine/core';
import type { ActivityEntry } from '@contract/schemas/activity';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatNumber } from '../../lib/format';
import { ActivityTable } from './ActivityTable';
import { ClockChangeBanner } from './ClockChangeBanner';
import { showsClockChange } from './clock-notes';
import type { FilterClicks } from './ActivityCells';
import { FailureNav } from './FailureNav';
import type { Direction } from './entry-navigation';
import type { useActivitySearch } from './use-activity-search';

type Search = ReturnType<typeof useActivitySearch>;

export type ActivityResultsProps = FilterClicks & {
  search: Search;
  entries: ActivityEntry[];
  filtered: boolean;
  ipError: string | undefined;
  selectedId: number | null;
  cursorId: number | null;
  terms: readonly string[];
  onOpen: (id: number) => void;
  /** The entry an "around this entry" view is around, when it is in the results. */
  aroundId: number | null;
  /** A row's "Show surrounding entries". */
  onAround: (entry: ActivityEntry) => void;
  failures: { busy: Direction | null; message: string | null; jump: (d: Direction) => void };
};

/** The results: loading, error and empty states, the table, failure jumps and "Load more". */
export function ActivityResults({
  search,
  entries,
  filtered,
  ipError,
  selectedId,
  cursorId,
  terms,
  onOpen,
  failures,
  aroundId,
  onAround,
  ...clicks
}: ActivityResultsProps) {
  if (search.isPending) return <LoadingState label="Loading activity…" />;
  if (!search.data) {
    return ipError ? (
      <EmptyState>Correct the IP address filter to see entries.</EmptyState>
    ) : (
      <ErrorState
        title="Could not load the activity log"
        error={search.error}
        onRetry={() => void search.refetch()}
      />
    );
  }
  if (entries.length === 0) {
    return (
      <EmptyState>
        {filtered ? 'No entries match these filters.' : 'The activity log is empty.'}
      </EmptyState>
    );
  }
  return (
    <Stack gap="sm">
      {search.isRefetchError && (
        <ErrorState title="Could not refresh the activity log" error={search.error} />
      )}
      <Group className="no-print" justify="space-between" gap="xs">
        <FailureNav
          busy={failures.busy}
          message={failures.message}
          onJump={(d) => failures.jump(d)}
        />
      </Group>
      {showsClockChange(entries) && <ClockChangeBanner />}
      <ActivityTable
        entries={entries}
        selectedId={selectedId}
        cursorId={cursorId}
        terms={terms}
        onOpen={onOpen}
        aroundId={aroundId}
        onAround={onAround}
        {...clicks}
      />
      {search.isFetchNextPageError && (
        <ErrorState title="Could not load more entries" error={search.error} />
      )}
      <Group justify="center" className="no-print">
        {search.hasNextPage ? (
          <Button
            variant="default"
            loading={search.isFetchingNextPage}
            onClick={() => void search.fetchNextPage()}
          >
            Load more
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {`Showing all ${formatNumber(entries.length)} ${entries.length === 1 ? 'entry' : 'entries'}.`}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
