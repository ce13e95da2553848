import { Anchor, Button, Group, Text } from '@mantine/core';
import { counted } from '@domain/plural';
import type { ApiError } from '../../api/api-error';
import { errorMessage } from '../../api/api-error';
import { formatNumber } from '../../lib/format';
import { AROUND_SPANS } from './filter-params';
import { MAX_AROUND_PAGES } from './use-around-entry';
import { PAGE_SIZE } from './use-activity-search';

const spanText = (min: number) => (min < 60 ? `${String(min)} min` : counted(min / 60, 'hour'));

/**
 * Says the screen shows what happened around one entry, and offers a wider look (as soon as the
 * entry's time is known, whether or not it is among the loaded results).
 */
export function AroundBanner({
  id,
  spanMin,
  known,
  error,
  beyondLoaded,
  onWiden,
  onOpen,
}: {
  id: number;
  spanMin: number;
  /** The entry's time is known (from the results or fetched by id). */
  known: boolean;
  /** The entry could not be fetched (deleted into an archive, or not the viewer's to read). */
  error: ApiError | null;
  /** More entries in the window are newer than it than the screen loads on its own. */
  beyondLoaded: boolean;
  onWiden: (spanMin: number) => void;
  onOpen: () => void;
}) {
  const wider = AROUND_SPANS.find((s) => s > spanMin);
  return (
    <Group gap="sm" role="status" aria-label="Around this entry">
      <Text size="sm">
        {`Everything within ${spanText(spanMin)} before and after entry #${String(id)}, all filters cleared.`}
      </Text>
      {error && (
        <Text size="sm" c="red">
          {`Entry #${String(id)} could not be loaded: ${errorMessage(error)}`}
        </Text>
      )}
      {beyondLoaded && (
        <Text size="sm">
          {`It is below the first ${formatNumber(MAX_AROUND_PAGES * PAGE_SIZE)} entries of this window: `}
          <Anchor component="button" type="button" size="sm" onClick={onOpen}>
            {`open entry #${String(id)}`}
          </Anchor>
        </Text>
      )}
      {wider !== undefined && (
        <Button size="xs" variant="light" disabled={!known} onClick={() => onWiden(wider)}>
          {`Widen to ±${spanText(wider)}`}
        </Button>
      )}
    </Group>
  );
}
