import type { ActivityCategory, ActivityOutcome, ActivityType } from '@contract/schemas/activity';
import { ACTIVITY_CATEGORIES, ACTIVITY_OUTCOMES, ACTIVITY_TYPES } from '@contract/schemas/activity';
import { humanize } from '../../lib/format';

export const TYPE_LABELS: Record<ActivityType, string> = {
  system: 'System',
  user: 'User',
  administrative: 'Administrative',
};

export const TYPE_COLORS: Record<ActivityType, string> = {
  system: 'gray',
  user: 'blue',
  administrative: 'grape',
};

const CATEGORY_OVERRIDES: Partial<Record<ActivityCategory, string>> = {
  auto_sync: 'Auto-sync',
};

export const categoryLabel = (category: ActivityCategory): string =>
  CATEGORY_OVERRIDES[category] ?? humanize(category);

export const OUTCOME_LABELS: Record<ActivityOutcome, string> = {
  success: 'Success',
  failure: 'Failure',
};

export const TYPE_OPTIONS = ACTIVITY_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] }));
export const CATEGORY_OPTIONS = ACTIVITY_CATEGORIES.map((value) => ({
  value,
  label: categoryLabel(value),
}));
export const OUTCOME_OPTIONS = ACTIVITY_OUTCOMES.map((value) => ({
  value,
  label: OUTCOME_LABELS[value],
}));
