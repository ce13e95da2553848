import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { fieldError, fieldIssues } from '../../api/api-error';
import type { ApiError } from '../../api/api-error';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatEntryCount, formatNumber } from '../../lib/format';
import { useSession } from '../auth/session-context';
import { useStaffList } from '../staff/use-staff';
import { ActivityDetailDrawer } from './ActivityDetailDrawer';
import { ActivityFilterBar } from './ActivityFilterBar';
import type { StaffOption } from './ActivityFilterBar';
import { ActivityTable } from './ActivityTable';
import { ExportCsvButton } from './ExportCsvButton';
import { VerifyIntegrityButton, VerifyIntegrityResult } from './VerifyIntegrity';
import { isFiltered, viewFromParams, viewToParams } from './filter-params';
import type { ActivityView } from './filter-params';
import { activitySearchKey, useActivitySearch } from './use-activity-search';
import { useNewActivityCount } from './use-new-activity';
import { useVerifyIntegrity } from './use-verify-integrity';

const ENTRY_PARAM = 'entry';

/** The server's complaint about the IP filter, if that is what it rejected. */
function ipErrorOf(error: ApiError | null, view: ActivityView): string | undefined {
  if (!error || error.code !== 'validation' || view.ip.trim() === '') return undefined;
  const named = fieldError(error, 'ip');
  if (named) return named;
  if (fieldIssues(error).length > 0) return undefined;
  // Without details, a message naming another field (zod's "filter.text: …") is not about the IP.
  const field = /^filter\.(\w+)/.exec(error.message)?.[1];
  return field === undefined || field === 'ip' ? error.message : undefined;
}

export function ActivityLogPage() {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => viewFromParams(params), [params]);
  const selectedId = Number(params.get(ENTRY_PARAM)) || null;

  const setView = useCallback(
    (next: ActivityView, mode: 'push' | 'replace' = 'replace') =>
      setParams((prev) => viewToParams(next, prev), { replace: mode === 'replace' }),
    [setParams],
  );
  const setEntry = useCallback(
    (id: number | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (id === null) next.delete(ENTRY_PARAM);
          else next.set(ENTRY_PARAM, String(id));
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  /** Clicking an IP, a name or a correlation id narrows the filter and closes the drawer. */
  const filterBy = (patch: Partial<ActivityView>) => {
    const next = viewToParams({ ...view, ...patch }, params);
    next.delete(ENTRY_PARAM);
    setParams(next);
  };
  const clicks = {
    onFilterIp: (ip: string) => filterBy({ ip }),
    onFilterActor: (actor: { id: number }) => filterBy({ actorId: actor.id }),
  };

  const search = useActivitySearch(view);
  const entries = useMemo(
    () => search.data?.pages.flatMap((page) => page.entries) ?? [],
    [search.data],
  );
  const total = search.data?.pages[0]?.total;
  const ipError = ipErrorOf(search.error, view);

  const canListStaff = can('staff.manage');
  const staffList = useStaffList(canListStaff);
  const staffOptions = useMemo<StaffOption[] | null>(
    () =>
      canListStaff
        ? (staffList.data ?? []).map((s) => ({
            value: s.id,
            label: `${s.displayName} (${s.username})`,
          }))
        : null,
    [canListStaff, staffList.data],
  );
  const actorLabel = entries.find((e) => e.actor?.id === view.actorId)?.actor?.name;

  const verify = useVerifyIntegrity();
  const newCount = useNewActivityCount(search.dataUpdatedAt, entries[0]?.id ?? null);
  const showNew = () => void queryClient.resetQueries({ queryKey: activitySearchKey(view) });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} size="h2">
            Activity log
          </Title>
          <Group gap="xs" aria-live="polite" mih={22}>
            {total && (
              <Text size="sm" c="dimmed" data-testid="activity-count">
                {formatEntryCount(total.count, total.capped)}
              </Text>
            )}
            {search.isFetching && !search.isFetchingNextPage && (
              <Loader size="xs" aria-label="Updating results" />
            )}
          </Group>
        </Stack>
        <Group gap="sm" className="no-print">
          {newCount > 0 && (
            <Button variant="light" onClick={showNew}>
              {`Show ${formatNumber(newCount)} new ${newCount === 1 ? 'entry' : 'entries'}`}
            </Button>
          )}
          {can('activity.verify') && <VerifyIntegrityButton state={verify} />}
          {can('activity.export') && <ExportCsvButton view={view} />}
        </Group>
      </Group>

      <VerifyIntegrityResult state={verify} onOpenEntry={setEntry} />

      <div className="no-print">
        <ActivityFilterBar
          view={view}
          onChange={setView}
          ipError={ipError}
          staffOptions={staffOptions}
          actorLabel={actorLabel}
        />
      </div>

      {search.isPending ? (
        <LoadingState label="Loading activity…" />
      ) : !search.data ? (
        ipError ? (
          <EmptyState>Correct the IP address filter to see entries.</EmptyState>
        ) : (
          <ErrorState
            title="Could not load the activity log"
            error={search.error}
            onRetry={() => void search.refetch()}
          />
        )
      ) : entries.length === 0 ? (
        <EmptyState>
          {isFiltered(view) ? 'No entries match these filters.' : 'The activity log is empty.'}
        </EmptyState>
      ) : (
        <Stack gap="sm">
          {search.isRefetchError && (
            <ErrorState title="Could not refresh the activity log" error={search.error} />
          )}
          <ActivityTable entries={entries} selectedId={selectedId} onOpen={setEntry} {...clicks} />
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
      )}

      <ActivityDetailDrawer
        entryId={selectedId}
        entry={entries.find((e) => e.id === selectedId)}
        onClose={() => setEntry(null)}
        onFilterCorrelation={(correlationId) => filterBy({ correlationId })}
        {...clicks}
      />
    </Stack>
  );
}
