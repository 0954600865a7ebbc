/**
 * Data behind the Latvian working-day calendar (DOMAIN.md §4.5): one-off holidays, and the Cabinet's
 * orders moving a working day squeezed between a holiday and a weekend to a Saturday (Labour Law
 * s.133(4); for budget-funded institutions with a Monday–Friday week the Cabinet issues next year's order
 * by 1 July). Each order is kept with its act and the sources it was checked against. A new order is added
 * here (reviewed like code) or recorded by an administrator (`civitas calendar add-order`, or the staff
 * calendar screen), which the server merges in at start.
 */

/** A working day made a rest day, and the Saturday worked in exchange. */
export interface MovedDay {
  dayOff: string;
  workingSaturday: string;
}

/** The Cabinet's order for one year. */
export interface CalendarOrder {
  year: number;
  /** The order's title and number as published; null when the Cabinet issued none for the year. */
  act: string | null;
  /** The day the Cabinet adopted it, when a source gives it. */
  adoptedOn: string | null;
  moves: readonly MovedDay[];
  /** Where each entry was checked (published order or news reports naming it). */
  sources: readonly string[];
  /** What the sources leave open, in words. */
  note?: string;
}

/** The calendar's working form, derived from the orders: per year the rest days and the Saturdays worked. */
export interface CalendarData {
  /** Public holidays that happened once, by decision of the Saeima. */
  oneOffHolidays: readonly string[];
  /** Per year: working days moved to a rest day, and Saturdays worked in exchange. */
  movedWorkingDays: Readonly<Record<number, { daysOff: readonly string[]; workingSaturdays: readonly string[] }>>;
}

/**
 * The orders shipped with the code. Years missing here had no order found in the sources (2019, 2020 and
 * 2022 among them); past years matter only for cases still open from them.
 */
export const SHIPPED_CALENDAR_ORDERS: readonly CalendarOrder[] = [
  {
    year: 2017,
    act: 'MK rīkojums "Par darba dienas pārcelšanu 2017. gadā"',
    adoptedOn: null,
    moves: [{ dayOff: '2017-05-05', workingSaturday: '2017-05-13' }],
    sources: ['http://www.ovv.lv/5-maijs-bus-brivdiena-stradasim-sestdien-13-maija/'],
  },
  {
    year: 2018,
    act: 'MK rīkojums "Par darba dienas pārcelšanu 2018. gadā"',
    adoptedOn: null,
    moves: [{ dayOff: '2018-04-30', workingSaturday: '2018-04-21' }],
    sources: ['http://jauns.lv/raksts/bizness/263384-nakamgad-parcels-vienu-darba-dienu'],
  },
  {
    year: 2021,
    act: 'MK 30.06.2020. rīkojums Nr. 354 "Par darba dienu pārcelšanu 2021. gadā"',
    adoptedOn: '2020-06-30',
    moves: [
      { dayOff: '2021-05-03', workingSaturday: '2021-05-08' },
      { dayOff: '2021-06-25', workingSaturday: '2021-06-19' },
      { dayOff: '2021-11-19', workingSaturday: '2021-11-13' },
    ],
    sources: [
      'https://itiesibas.lv/raksti/aktualitates/aktualitates/par-darba-dienu-parcelsanu-2021-gada/17014',
      'https://www.ogrenet.lv/aktuali/informacija-par-darba-dienas-parcelsanu-pasvaldibas-iestades-2062',
    ],
    note: 'The three moves are the draft order’s; the adopted order (Nr. 354) is confirmed for the November move.',
  },
  {
    year: 2023,
    act: 'MK rīkojums "Par darba dienas pārcelšanu 2023. gadā"',
    adoptedOn: null,
    moves: [{ dayOff: '2023-05-05', workingSaturday: '2023-05-20' }],
    sources: ['https://www.tvnet.lv/7548286/nakama-gada-maija-bus-cetras-brivdienas-pec-kartas'],
  },
  {
    year: 2024,
    act: 'MK 13.06.2023. rīkojums Nr. 348 "Par darba dienu pārcelšanu 2024. gadā"',
    adoptedOn: '2023-06-13',
    moves: [
      { dayOff: '2024-12-23', workingSaturday: '2024-12-14' },
      { dayOff: '2024-12-30', workingSaturday: '2024-12-28' },
    ],
    sources: [
      'https://labadavana.lv/brivdienas/',
      'https://www.delfi.lv/news/national/politics/nakamgad-decembri-parcels-divas-darba-dienas-brivdienas-bus-teju-nedelu.d?id=55655148',
    ],
  },
  {
    year: 2025,
    act: 'MK rīkojums "Par darba dienas pārcelšanu 2025. gadā"',
    adoptedOn: null,
    moves: [{ dayOff: '2025-11-17', workingSaturday: '2025-11-08' }],
    sources: [
      'https://jauns.lv/raksts/zinas/676729-gada-nogale-solas-but-ipasi-patikama-rudens-un-ziemas-menesi-davas-garas-brivdienas',
    ],
  },
  {
    year: 2026,
    act: 'MK rīkojums "Par darba dienu pārcelšanu 2026. gadā"',
    adoptedOn: '2025-06-10',
    moves: [
      { dayOff: '2026-01-02', workingSaturday: '2026-01-17' },
      { dayOff: '2026-06-22', workingSaturday: '2026-06-27' },
    ],
    sources: [
      'https://www.la.lv/kad-so-praksi-izbeigsim-nakamgad-tiek-parceltas-divas-darba-dienas',
      'https://jauns.lv/raksts/zinas/691748-sodien-ir-parcelta-darba-diena',
    ],
  },
];

/** The per-year table the calendar reads, from a list of orders. */
export function movedWorkingDaysOf(orders: readonly CalendarOrder[]): CalendarData['movedWorkingDays'] {
  const table: Record<number, { daysOff: string[]; workingSaturdays: string[] }> = {};
  for (const order of orders) {
    table[order.year] = {
      daysOff: order.moves.map((m) => m.dayOff),
      workingSaturdays: order.moves.map((m) => m.workingSaturday),
    };
  }
  return table;
}

/**
 * The calendar every deadline uses. Its moved days start as the shipped orders; the server replaces them
 * with shipped plus recorded orders (`installCalendarOrders` in working-days.ts).
 */
export const LATVIAN_CALENDAR_DATA: CalendarData = {
  oneOffHolidays: ['2018-07-09', '2018-09-24', '2023-05-29', '2023-07-10'],
  movedWorkingDays: movedWorkingDaysOf(SHIPPED_CALENDAR_ORDERS),
};
