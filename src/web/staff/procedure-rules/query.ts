/** The key the procedures' rule versions are cached under: a move refreshes it, so the counts of open cases follow. */
export const PROCEDURE_RULES_QUERY = ['procedure-rules'] as const;
