import { Anchor, Badge, Text } from '@mantine/core';
import type { ActivityEntry } from '@contract/schemas/activity';
import { OUTCOME_LABELS, TYPE_COLORS, TYPE_LABELS } from './activity-labels';

/** Badges keep their full text in narrow table cells instead of an ellipsis. */
const BADGE_STYLES = {
  root: { minWidth: 'max-content' },
  label: { overflow: 'visible' },
} as const;

export type FilterClicks = {
  onFilterIp: (ip: string) => void;
  onFilterActor: (actor: { id: number; name: string }) => void;
};

export function TypeBadge({ type }: { type: ActivityEntry['type'] }) {
  return (
    <Badge color={TYPE_COLORS[type]} variant="light" size="sm" styles={BADGE_STYLES}>
      {TYPE_LABELS[type]}
    </Badge>
  );
}

export function OutcomeBadge({ outcome }: { outcome: ActivityEntry['outcome'] }) {
  return (
    <Badge
      color={outcome === 'failure' ? 'red' : 'teal'}
      variant={outcome === 'failure' ? 'filled' : 'light'}
      size="sm"
      styles={BADGE_STYLES}
    >
      {OUTCOME_LABELS[outcome]}
    </Badge>
  );
}

/** A staff name that filters the log by that staff member when clicked. */
export function ActorLink({
  actor,
  onFilterActor,
}: {
  actor: ActivityEntry['actor'];
  onFilterActor: FilterClicks['onFilterActor'];
}) {
  if (!actor) {
    return (
      <Text size="sm" c="dimmed" span>
        System
      </Text>
    );
  }
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      aria-label={`Filter by staff ${actor.name}`}
      title={`Show only entries by ${actor.name}`}
      onClick={(event) => {
        event.stopPropagation();
        onFilterActor(actor);
      }}
    >
      {actor.name}
    </Anchor>
  );
}

/** An IP address that filters the log by that address when clicked. */
export function IpLink({
  ip,
  onFilterIp,
}: {
  ip: string | null;
  onFilterIp: (ip: string) => void;
}) {
  if (!ip) {
    return (
      <Text size="sm" c="dimmed" span>
        —
      </Text>
    );
  }
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      ff="monospace"
      aria-label={`Filter by IP ${ip}`}
      title={`Show only entries from ${ip}`}
      onClick={(event) => {
        event.stopPropagation();
        onFilterIp(ip);
      }}
    >
      {ip}
    </Anchor>
  );
}
