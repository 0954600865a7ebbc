/** Why a day within the booking horizon has no appointments (a public holiday, a rest day, a day the branch does not open). */
export const CLOSED_REASONS = ['public-holiday', 'rest-day', 'branch-closed'] as const;
export type ClosedReason = (typeof CLOSED_REASONS)[number];
