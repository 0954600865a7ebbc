/**
 * Data behind the Latvian working-day calendar (DOMAIN.md §4.5). The Cabinet publishes the next
 * year's moved working days by 1 July; add them here (or pass your own table to the calendar).
 */
export interface CalendarData {
  /** Public holidays that happened once, by decision of the Saeima. */
  oneOffHolidays: readonly string[];
  /** Per year: working days moved to a rest day, and Saturdays worked in exchange. */
  movedWorkingDays: Readonly<Record<number, { daysOff: readonly string[]; workingSaturdays: readonly string[] }>>;
}

export const LATVIAN_CALENDAR_DATA: CalendarData = {
  oneOffHolidays: ['2018-07-09', '2018-09-24', '2023-05-29', '2023-07-10'],
  movedWorkingDays: {
    2017: { daysOff: ['2017-05-05'], workingSaturdays: ['2017-05-13'] },
    2023: { daysOff: ['2023-05-05'], workingSaturdays: ['2023-05-20'] },
    2026: { daysOff: ['2026-01-02'], workingSaturdays: ['2026-01-17'] },
  },
};
