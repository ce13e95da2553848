import type {
  ActivityCategory,
  ActivityOutcome,
  ActivityType,
} from '../../contract/schemas/activity';

export type EventDef<P> = {
  type: ActivityType;
  category: ActivityCategory;
  outcome: ActivityOutcome;
  /** Plain-text description from the event's parameters. */
  describe: (params: P) => string;
};

export const defineEvent = <P>(
  type: ActivityType,
  category: ActivityCategory,
  outcome: ActivityOutcome,
  describe: (params: P) => string,
): EventDef<P> => ({ type, category, outcome, describe });
