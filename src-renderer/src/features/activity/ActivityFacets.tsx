import { Badge, Button, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ActivityFacets as Facets } from '@contract/schemas/activity';
import type { ApiError } from '../../api/api-error';
import { errorMessage } from '../../api/api-error';
import { FACET_TITLES, facetItems, formatFacetCount } from './facets';
import type { FacetDimension, FacetItem } from './facets';
import type { ActivityView } from './filter-params';

const DIMENSIONS: FacetDimension[] = ['type', 'category', 'outcome', 'staff'];

export type ActivityFacetsProps = {
  view: ActivityView;
  data: Facets | undefined;
  isPending: boolean;
  error: ApiError | null;
  onRetry: () => void;
  /** A value was clicked: set it in the filter, or take it out when it is already set. */
  onToggle: (dimension: FacetDimension, value: string) => void;
};

/** Counts per type, category, outcome and staff member for the current filter; click to filter. */
export function ActivityFacets({
  view,
  data,
  isPending,
  error,
  onRetry,
  onToggle,
}: ActivityFacetsProps) {
  return (
    <Paper withBorder p="sm" radius="md" component="aside" aria-label="Facet counts">
      <Stack gap="md">
        {isPending ? (
          <Stack gap="xs" role="status" aria-label="Loading counts">
            {[0, 1, 2, 3, 4, 5].map((i) => (
              <Skeleton key={i} height={18} />
            ))}
          </Stack>
        ) : !data ? (
          <Stack gap="xs" align="flex-start">
            <Text size="sm" c="red">
              {`Could not load the counts: ${errorMessage(error)}`}
            </Text>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              Retry counts
            </Button>
          </Stack>
        ) : (
          <FacetLists view={view} data={data} onToggle={onToggle} />
        )}
      </Stack>
    </Paper>
  );
}

function FacetLists({
  view,
  data,
  onToggle,
}: {
  view: ActivityView;
  data: Facets;
  onToggle: ActivityFacetsProps['onToggle'];
}) {
  const items = facetItems(data, view);
  return (
    <>
      {!data.exact && (
        <Text size="xs" c="dimmed">
          Partial counts: the search stopped counting early, so counts are at least the number
          shown.
        </Text>
      )}
      {DIMENSIONS.map((dimension) => (
        <Stack key={dimension} gap={2} role="group" aria-labelledby={`facet-${dimension}`}>
          <Title order={2} size="h6" id={`facet-${dimension}`}>
            {FACET_TITLES[dimension]}
          </Title>
          {items[dimension].length === 0 ? (
            <Text size="xs" c="dimmed">
              None
            </Text>
          ) : (
            items[dimension].map((item) => (
              <FacetButton
                key={item.value}
                item={item}
                exact={data.exact}
                onClick={() => onToggle(dimension, item.value)}
              />
            ))
          )}
        </Stack>
      ))}
    </>
  );
}

function FacetButton({
  item,
  exact,
  onClick,
}: {
  item: FacetItem;
  exact: boolean;
  onClick: () => void;
}) {
  const count = formatFacetCount(item.count, exact);
  const title = FACET_TITLES[item.dimension];
  return (
    <Button
      variant={item.active ? 'light' : 'subtle'}
      color={item.active ? undefined : 'gray'}
      size="compact-sm"
      fullWidth
      justify="space-between"
      aria-pressed={item.active}
      aria-label={`${title} ${item.label}: ${count}`}
      title={item.active ? `Remove the ${title.toLowerCase()} filter` : `Show only ${item.label}`}
      rightSection={
        <Badge variant={item.active ? 'filled' : 'light'} color="gray" size="sm">
          {count}
        </Badge>
      }
      styles={{ label: { fontWeight: item.active ? 700 : 400 } }}
      onClick={onClick}
    >
      {item.label}
    </Button>
  );
}
