import type {
  ActivityCategory,
  ActivityOutcome,
  ActivityType,
} from '../../contract/schemas/activity';

/** What a description may use to put values in words: instants in the office's zone. */
export type DescribeWords = {
  /** `2027-01-06 15:00 EAT` for epoch ms or an ISO stamp. */
  moment: (at: number | string) => string;
};

export type EventDef<P> = {
  type: ActivityType;
  category: ActivityCategory;
  outcome: ActivityOutcome;
  /** Plain-text description from the event's parameters. */
  describe: (params: P, words: DescribeWords) => string;
};

export const defineEvent = <P>(
  type: ActivityType,
  category: ActivityCategory,
  outcome: ActivityOutcome,
  describe: (params: P, words: DescribeWords) => string,
): EventDef<P> => ({ type, category, outcome, describe });
