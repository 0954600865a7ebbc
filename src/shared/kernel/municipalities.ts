/**
 * The 43 municipalities after the 2021 reform (7 state cities + 36 novadi) with ISO 3166-2 codes
 * (DOMAIN.md §6). `weight` is an approximate population share used only to size synthetic data; it is
 * not an official figure.
 */
export interface Municipality {
  code: string;
  name: string;
  kind: 'state-city' | 'municipality';
  /** Approximate thousands of residents, for synthetic data only. */
  weight: number;
  /** The city itself, or the municipality's administrative centre, in the nominative ("Valmiera"). */
  town: string;
  /**
   * The town's postcodes as numbers (LV-4201 is 4201), first and last: Latvijas Pasts numbers them by the old
   * districts (Valmiera 42xx, Bauska 39xx). UNSOURCED (not in DOMAIN.md): written from the postal numbering as
   * known, for synthetic addresses only, never for checking a real one.
   */
  postcodes: readonly [number, number];
}

export const MUNICIPALITIES: readonly Municipality[] = [
  { code: 'LV-RIX', name: 'Rīga', kind: 'state-city', weight: 605, town: 'Rīga', postcodes: [1001, 1084] },
  { code: 'LV-DGV', name: 'Daugavpils', kind: 'state-city', weight: 80, town: 'Daugavpils', postcodes: [5401, 5417] },
  { code: 'LV-LPX', name: 'Liepāja', kind: 'state-city', weight: 67, town: 'Liepāja', postcodes: [3401, 3417] },
  { code: 'LV-JEL', name: 'Jelgava', kind: 'state-city', weight: 55, town: 'Jelgava', postcodes: [3001, 3008] },
  { code: 'LV-JUR', name: 'Jūrmala', kind: 'state-city', weight: 50, town: 'Jūrmala', postcodes: [2008, 2016] },
  { code: 'LV-VEN', name: 'Ventspils', kind: 'state-city', weight: 33, town: 'Ventspils', postcodes: [3601, 3602] },
  { code: 'LV-REZ', name: 'Rēzekne', kind: 'state-city', weight: 27, town: 'Rēzekne', postcodes: [4601, 4604] },
  {
    code: 'LV-002',
    name: 'Aizkraukles novads',
    kind: 'municipality',
    weight: 30,
    town: 'Aizkraukle',
    postcodes: [5101, 5101],
  },
  {
    code: 'LV-007',
    name: 'Alūksnes novads',
    kind: 'municipality',
    weight: 14,
    town: 'Alūksne',
    postcodes: [4301, 4301],
  },
  { code: 'LV-011', name: 'Ādažu novads', kind: 'municipality', weight: 21, town: 'Ādaži', postcodes: [2164, 2164] },
  {
    code: 'LV-111',
    name: 'Augšdaugavas novads',
    kind: 'municipality',
    weight: 25,
    town: 'Daugavpils',
    postcodes: [5401, 5417],
  },
  { code: 'LV-015', name: 'Balvu novads', kind: 'municipality', weight: 20, town: 'Balvi', postcodes: [4501, 4501] },
  { code: 'LV-016', name: 'Bauskas novads', kind: 'municipality', weight: 43, town: 'Bauska', postcodes: [3901, 3901] },
  { code: 'LV-022', name: 'Cēsu novads', kind: 'municipality', weight: 41, town: 'Cēsis', postcodes: [4101, 4101] },
  {
    code: 'LV-112',
    name: 'Dienvidkurzemes novads',
    kind: 'municipality',
    weight: 35,
    town: 'Grobiņa',
    postcodes: [3430, 3430],
  },
  { code: 'LV-026', name: 'Dobeles novads', kind: 'municipality', weight: 28, town: 'Dobele', postcodes: [3701, 3701] },
  {
    code: 'LV-033',
    name: 'Gulbenes novads',
    kind: 'municipality',
    weight: 19,
    town: 'Gulbene',
    postcodes: [4401, 4401],
  },
  {
    code: 'LV-041',
    name: 'Jelgavas novads',
    kind: 'municipality',
    weight: 31,
    town: 'Jelgava',
    postcodes: [3001, 3008],
  },
  {
    code: 'LV-042',
    name: 'Jēkabpils novads',
    kind: 'municipality',
    weight: 42,
    town: 'Jēkabpils',
    postcodes: [5201, 5202],
  },
  {
    code: 'LV-047',
    name: 'Krāslavas novads',
    kind: 'municipality',
    weight: 20,
    town: 'Krāslava',
    postcodes: [5601, 5601],
  },
  {
    code: 'LV-050',
    name: 'Kuldīgas novads',
    kind: 'municipality',
    weight: 30,
    town: 'Kuldīga',
    postcodes: [3301, 3301],
  },
  { code: 'LV-052', name: 'Ķekavas novads', kind: 'municipality', weight: 30, town: 'Ķekava', postcodes: [2123, 2123] },
  {
    code: 'LV-054',
    name: 'Limbažu novads',
    kind: 'municipality',
    weight: 31,
    town: 'Limbaži',
    postcodes: [4001, 4001],
  },
  { code: 'LV-056', name: 'Līvānu novads', kind: 'municipality', weight: 11, town: 'Līvāni', postcodes: [5316, 5316] },
  { code: 'LV-058', name: 'Ludzas novads', kind: 'municipality', weight: 22, town: 'Ludza', postcodes: [5701, 5701] },
  { code: 'LV-059', name: 'Madonas novads', kind: 'municipality', weight: 32, town: 'Madona', postcodes: [4801, 4801] },
  { code: 'LV-062', name: 'Mārupes novads', kind: 'municipality', weight: 34, town: 'Mārupe', postcodes: [2167, 2167] },
  { code: 'LV-067', name: 'Ogres novads', kind: 'municipality', weight: 56, town: 'Ogre', postcodes: [5001, 5001] },
  { code: 'LV-068', name: 'Olaines novads', kind: 'municipality', weight: 19, town: 'Olaine', postcodes: [2114, 2114] },
  { code: 'LV-073', name: 'Preiļu novads', kind: 'municipality', weight: 18, town: 'Preiļi', postcodes: [5301, 5301] },
  {
    code: 'LV-077',
    name: 'Rēzeknes novads',
    kind: 'municipality',
    weight: 25,
    town: 'Rēzekne',
    postcodes: [4601, 4604],
  },
  { code: 'LV-080', name: 'Ropažu novads', kind: 'municipality', weight: 32, town: 'Ropaži', postcodes: [2135, 2135] },
  {
    code: 'LV-087',
    name: 'Salaspils novads',
    kind: 'municipality',
    weight: 23,
    town: 'Salaspils',
    postcodes: [2121, 2121],
  },
  { code: 'LV-088', name: 'Saldus novads', kind: 'municipality', weight: 28, town: 'Saldus', postcodes: [3801, 3801] },
  {
    code: 'LV-089',
    name: 'Saulkrastu novads',
    kind: 'municipality',
    weight: 7,
    town: 'Saulkrasti',
    postcodes: [2160, 2160],
  },
  {
    code: 'LV-091',
    name: 'Siguldas novads',
    kind: 'municipality',
    weight: 31,
    town: 'Sigulda',
    postcodes: [2150, 2150],
  },
  {
    code: 'LV-094',
    name: 'Smiltenes novads',
    kind: 'municipality',
    weight: 20,
    town: 'Smiltene',
    postcodes: [4729, 4729],
  },
  { code: 'LV-097', name: 'Talsu novads', kind: 'municipality', weight: 38, town: 'Talsi', postcodes: [3201, 3201] },
  { code: 'LV-099', name: 'Tukuma novads', kind: 'municipality', weight: 42, town: 'Tukums', postcodes: [3101, 3101] },
  { code: 'LV-101', name: 'Valkas novads', kind: 'municipality', weight: 10, town: 'Valka', postcodes: [4701, 4701] },
  {
    code: 'LV-113',
    name: 'Valmieras novads',
    kind: 'municipality',
    weight: 52,
    town: 'Valmiera',
    postcodes: [4201, 4201],
  },
  {
    code: 'LV-102',
    name: 'Varakļānu novads',
    kind: 'municipality',
    weight: 3,
    town: 'Varakļāni',
    postcodes: [4838, 4838],
  },
  {
    code: 'LV-106',
    name: 'Ventspils novads',
    kind: 'municipality',
    weight: 11,
    town: 'Ventspils',
    postcodes: [3601, 3602],
  },
];

const BY_CODE = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

export function findMunicipality(code: string): Municipality | undefined {
  return BY_CODE.get(code);
}

export const MUNICIPALITY_CODES = MUNICIPALITIES.map((m) => m.code) as [string, ...string[]];
