import { Box, Button, Flex, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { serverFieldError } from '../../lib/server-errors';
import type { ActivityEntry } from '@contract/schemas/activity';
import type { ApiError } from '../../api/api-error';
import { formatEntryCount, formatNumber } from '../../lib/format';
import { useSession } from '../auth/session-context';
import { useStaffList } from '../staff/use-staff';
import { ActivityDetailDrawer } from './ActivityDetailDrawer';
import { ActivityFacets } from './ActivityFacets';
import { ActivityFilterBar } from './ActivityFilterBar';
import type { StaffOption } from './ActivityFilterBar';
import { ActivityHistogram } from './ActivityHistogram';
import { ActivityResults } from './ActivityResults';
import { ArchiveBanner } from './ArchiveBanner';
import { ArchivesDialog } from './ArchivesDialog';
import { EvidenceBundleDialog } from './EvidenceBundleDialog';
import { ExportMenu, ExportProgressPanel } from './ExportMenu';
import { KeyboardShortcutsButton, KeyboardShortcutsHelp } from './KeyboardShortcutsHelp';
import { LiveTailPaused, LiveTailSwitch } from './LiveTailControl';
import { SaveSearchModal } from './SaveSearchModal';
import { SavedSearchesMenu } from './SavedSearchesMenu';
import { VerifyIntegrityButton, VerifyIntegrityResult } from './VerifyIntegrity';
import { toggleFacet } from './facets';
import { AROUND_SPANS, EMPTY_VIEW, isFiltered, surroundingView, zoomView } from './filter-params';
import { AroundBanner } from './AroundBanner';
import type { ActivityView } from './filter-params';
import { searchTerms } from './highlight';
import { useKeyboardShortcuts } from './keyboard-shortcuts';
import type { ShortcutAction } from './keyboard-shortcuts';
import { useActivityExport } from './use-activity-export';
import { useActivityStats } from './use-activity-stats';
import { activitySearchKey, useActivitySearch } from './use-activity-search';
import { useActivityUrl } from './use-activity-url';
import { useAroundEntry, useAroundInTable } from './use-around-entry';
import { useEntryCursor } from './use-entry-cursor';
import { scrollToTop, useLiveTail } from './use-live-tail';
import { useNewActivityCount } from './use-new-activity';
import { useRecentSearches, useRememberView } from './use-recent-searches';
import { useVerifyIntegrity } from './use-verify-integrity';
import { useOfficeClock } from '../../lib/office-clock-context';
import { OfficeGate } from '../settings/OfficeGate';

/** The server's complaint about the IP filter, if that is what it rejected. */
function ipErrorOf(error: ApiError | null, view: ActivityView): string | undefined {
  if (!error || view.ip.trim() === '') return undefined;
  return serverFieldError(error, 'filter.ip');
}

type Dialog = 'help' | 'save' | 'archives' | 'bundle' | null;

/** Inside the office gate: every time on this screen is in the office's zone. */
export function ActivityLogPage() {
  return (
    <OfficeGate>
      <ActivityLogScreen />
    </OfficeGate>
  );
}

function ActivityLogScreen() {
  const clock = useOfficeClock();
  const { can, user } = useSession();
  const queryClient = useQueryClient();
  const url = useActivityUrl();
  const { view, archive, selectedId } = url;

  const around = useAroundEntry({ around: url.around, archive, view, align: url.alignAround });
  const search = useActivitySearch(view, { archive }, { enabled: around.aligned });
  const entries = useMemo(
    () => search.data?.pages.flatMap((page) => page.entries) ?? [],
    [search.data],
  );
  const aroundId = url.around?.id ?? null;
  const aroundShown = useAroundInTable({
    entryId: aroundId,
    inPlace: around.inPlace,
    entries,
    search,
  });
  const total = search.data?.pages[0]?.total;
  const ipError = ipErrorOf(search.error, view);
  const terms = useMemo(() => searchTerms(view.text), [view.text]);
  const histogram = useActivityStats('activity.histogram', view, archive, around.aligned);
  const facets = useActivityStats('activity.facets', view, archive, around.aligned);

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
  const staffName = (id: number) =>
    staffList.data?.find((s) => s.id === id)?.displayName ??
    facets.data?.actors.find((a) => a.id === id)?.name ??
    entries.find((e) => e.actor?.id === id)?.actor?.name;
  const actorLabel = view.actorId === null ? undefined : staffName(view.actorId);

  const [dialog, setDialog] = useState<Dialog>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const cursor = useEntryCursor({
    entries,
    search,
    view,
    archive,
    openId: selectedId,
    setOpenId: url.setEntry,
  });

  const [liveOn, setLiveOn] = useState(false);
  const live = useLiveTail({
    enabled: liveOn && archive === null,
    inspecting: selectedId !== null,
    view,
    newestShownId: entries[0]?.id ?? null,
  });
  const status = live.status;
  const closeEntry = () => {
    url.setEntry(null);
    live.resume();
  };
  const newCount = useNewActivityCount(search.dataUpdatedAt, entries[0]?.id ?? null, view);
  const showNew = () =>
    void queryClient.resetQueries({ queryKey: activitySearchKey(view, { archive }) });

  const recents = useRecentSearches(user.staffId);
  useRememberView(view, recents.remember);
  const exporter = useActivityExport({ view, archive, expected: total });
  const verify = useVerifyIntegrity(archive);

  useKeyboardShortcuts(dialog === null, (action: ShortcutAction) => {
    switch (action) {
      case 'focusSearch':
        searchBox.current?.focus();
        return true;
      case 'next':
      case 'previous':
        void cursor.step(action);
        return true;
      case 'open':
        if (cursor.cursorId === null) return false;
        cursor.open(cursor.cursorId);
        return true;
      case 'nextFailure':
        void cursor.failures.jump('next');
        return true;
      case 'previousFailure':
        void cursor.failures.jump('previous');
        return true;
      case 'close':
        if (selectedId === null) return false;
        closeEntry();
        return true;
      case 'help':
        setDialog('help');
        return true;
    }
  });

  /** Clicking an IP, a name or a correlation id narrows the filter and closes the drawer. */
  const filterBy = (patch: Partial<ActivityView>) => url.showView(patch);
  const clicks = {
    onFilterIp: (ip: string) => filterBy({ ip }),
    onFilterActor: (actor: { id: number }) => filterBy({ actorId: actor.id }),
  };
  /** What happened around an entry (a row's action or the drawer's): ±5 minutes to start with. */
  const showAround = (entry: ActivityEntry, spanMin: number = AROUND_SPANS[0]) => {
    around.remember(entry);
    url.showAround(entry, spanMin, surroundingView(entry.ts, spanMin, clock));
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {archive ? 'Activity archive' : 'Activity log'}
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
          {archive === null && (
            <LiveTailSwitch
              status={status}
              onToggle={(on) => {
                setLiveOn(on);
                if (on) void live.catchUp();
              }}
            />
          )}
          {status === 'off' && archive === null && newCount > 0 && (
            <Button variant="light" onClick={showNew}>
              {`Show ${formatNumber(newCount)} new ${newCount === 1 ? 'entry' : 'entries'}`}
            </Button>
          )}
          <SavedSearchesMenu
            recent={recents.recent}
            staffName={staffName}
            onApply={(saved) => url.showView(() => saved)}
            onSaveCurrent={() => setDialog('save')}
          />
          <Button variant="default" onClick={() => setDialog('archives')}>
            Archives
          </Button>
          {can('activity.verify') && <VerifyIntegrityButton state={verify} />}
          {can('activity.export') && (
            <ExportMenu
              busy={exporter.progress !== null}
              onExport={exporter.start}
              onBundle={can('activity.bundle') ? () => setDialog('bundle') : undefined}
            />
          )}
          <KeyboardShortcutsButton onOpen={() => setDialog('help')} />
        </Group>
      </Group>

      {archive && <ArchiveBanner name={archive} onBack={() => url.setArchive(null)} />}
      {url.around && (
        <AroundBanner
          id={url.around.id}
          spanMin={url.around.spanMin}
          known={around.entry !== undefined}
          error={around.error}
          beyondLoaded={aroundShown.beyondLoaded}
          onWiden={(spanMin) => {
            if (around.entry) showAround(around.entry, spanMin);
          }}
          onOpen={() => cursor.open(url.around?.id ?? 0)}
        />
      )}
      <VerifyIntegrityResult state={verify} onOpenEntry={cursor.open} />
      {exporter.progress && (
        <ExportProgressPanel
          progress={exporter.progress}
          onCancel={exporter.cancel}
          cancelling={exporter.cancelling}
        />
      )}

      <div className="no-print">
        <ActivityFilterBar
          view={view}
          onChange={url.setView}
          ipError={ipError}
          staffOptions={staffOptions}
          actorLabel={actorLabel}
          searchRef={searchBox}
        />
      </div>

      <div className="no-print">
        <ActivityHistogram
          data={histogram.data}
          isPending={histogram.isPending}
          isStale={histogram.isPlaceholderData}
          error={histogram.error}
          onRetry={() => void histogram.refetch()}
          onZoom={(from, to) => url.setView((v) => zoomView(v, from, to, clock), 'push')}
        />
      </div>

      <Flex gap="md" direction={{ base: 'column', md: 'row' }} align={{ md: 'flex-start' }}>
        <Box w={{ base: '100%', md: 210 }} style={{ flex: 'none' }} className="no-print">
          <ActivityFacets
            view={view}
            data={facets.data}
            isPending={facets.isPending}
            error={facets.error}
            onRetry={() => void facets.refetch()}
            onToggle={(dimension, value) => url.showView((v) => toggleFacet(v, dimension, value))}
          />
        </Box>
        <Box style={{ flex: 1, minWidth: 0 }}>
          <ActivityResults
            search={search}
            entries={entries}
            filtered={isFiltered(view)}
            ipError={ipError}
            selectedId={selectedId}
            cursorId={cursor.cursorId}
            terms={terms}
            onOpen={cursor.open}
            failures={cursor.failures}
            aroundId={aroundShown.loaded ? aroundId : null}
            onAround={(entry) => showAround(entry)}
            {...clicks}
          />
        </Box>
      </Flex>

      <LiveTailPaused
        status={status}
        pending={live.pending}
        onResume={() => {
          scrollToTop();
          void live.catchUp();
        }}
      />

      <ActivityDetailDrawer
        entryId={selectedId}
        entry={entries.find((e) => e.id === selectedId)}
        archive={archive}
        onClose={closeEntry}
        onFilterCorrelation={(correlationId) => filterBy({ correlationId })}
        onPivot={(pivot) => url.showView(() => ({ ...EMPTY_VIEW, ...pivot }))}
        onAround={(entry) => showAround(entry)}
        {...clicks}
      />
      <KeyboardShortcutsHelp opened={dialog === 'help'} onClose={() => setDialog(null)} />
      <SaveSearchModal opened={dialog === 'save'} view={view} onClose={() => setDialog(null)} />
      {dialog === 'bundle' && (
        <EvidenceBundleDialog
          opened
          onClose={() => setDialog(null)}
          view={view}
          archive={archive}
        />
      )}
      <ArchivesDialog
        opened={dialog === 'archives'}
        onClose={() => setDialog(null)}
        current={archive}
        onOpenArchive={url.setArchive}
        canArchive={can('activity.retention')}
      />
    </Stack>
  );
}
