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
}

export const MUNICIPALITIES: readonly Municipality[] = [
  { code: 'LV-RIX', name: 'Rīga', kind: 'state-city', weight: 605 },
  { code: 'LV-DGV', name: 'Daugavpils', kind: 'state-city', weight: 80 },
  { code: 'LV-LPX', name: 'Liepāja', kind: 'state-city', weight: 67 },
  { code: 'LV-JEL', name: 'Jelgava', kind: 'state-city', weight: 55 },
  { code: 'LV-JUR', name: 'Jūrmala', kind: 'state-city', weight: 50 },
  { code: 'LV-VEN', name: 'Ventspils', kind: 'state-city', weight: 33 },
  { code: 'LV-REZ', name: 'Rēzekne', kind: 'state-city', weight: 27 },
  { code: 'LV-002', name: 'Aizkraukles novads', kind: 'municipality', weight: 30 },
  { code: 'LV-007', name: 'Alūksnes novads', kind: 'municipality', weight: 14 },
  { code: 'LV-011', name: 'Ādažu novads', kind: 'municipality', weight: 21 },
  { code: 'LV-111', name: 'Augšdaugavas novads', kind: 'municipality', weight: 25 },
  { code: 'LV-015', name: 'Balvu novads', kind: 'municipality', weight: 20 },
  { code: 'LV-016', name: 'Bauskas novads', kind: 'municipality', weight: 43 },
  { code: 'LV-022', name: 'Cēsu novads', kind: 'municipality', weight: 41 },
  { code: 'LV-112', name: 'Dienvidkurzemes novads', kind: 'municipality', weight: 35 },
  { code: 'LV-026', name: 'Dobeles novads', kind: 'municipality', weight: 28 },
  { code: 'LV-033', name: 'Gulbenes novads', kind: 'municipality', weight: 19 },
  { code: 'LV-041', name: 'Jelgavas novads', kind: 'municipality', weight: 31 },
  { code: 'LV-042', name: 'Jēkabpils novads', kind: 'municipality', weight: 42 },
  { code: 'LV-047', name: 'Krāslavas novads', kind: 'municipality', weight: 20 },
  { code: 'LV-050', name: 'Kuldīgas novads', kind: 'municipality', weight: 30 },
  { code: 'LV-052', name: 'Ķekavas novads', kind: 'municipality', weight: 30 },
  { code: 'LV-054', name: 'Limbažu novads', kind: 'municipality', weight: 31 },
  { code: 'LV-056', name: 'Līvānu novads', kind: 'municipality', weight: 11 },
  { code: 'LV-058', name: 'Ludzas novads', kind: 'municipality', weight: 22 },
  { code: 'LV-059', name: 'Madonas novads', kind: 'municipality', weight: 32 },
  { code: 'LV-062', name: 'Mārupes novads', kind: 'municipality', weight: 34 },
  { code: 'LV-067', name: 'Ogres novads', kind: 'municipality', weight: 56 },
  { code: 'LV-068', name: 'Olaines novads', kind: 'municipality', weight: 19 },
  { code: 'LV-073', name: 'Preiļu novads', kind: 'municipality', weight: 18 },
  { code: 'LV-077', name: 'Rēzeknes novads', kind: 'municipality', weight: 25 },
  { code: 'LV-080', name: 'Ropažu novads', kind: 'municipality', weight: 32 },
  { code: 'LV-087', name: 'Salaspils novads', kind: 'municipality', weight: 23 },
  { code: 'LV-088', name: 'Saldus novads', kind: 'municipality', weight: 28 },
  { code: 'LV-089', name: 'Saulkrastu novads', kind: 'municipality', weight: 7 },
  { code: 'LV-091', name: 'Siguldas novads', kind: 'municipality', weight: 31 },
  { code: 'LV-094', name: 'Smiltenes novads', kind: 'municipality', weight: 20 },
  { code: 'LV-097', name: 'Talsu novads', kind: 'municipality', weight: 38 },
  { code: 'LV-099', name: 'Tukuma novads', kind: 'municipality', weight: 42 },
  { code: 'LV-101', name: 'Valkas novads', kind: 'municipality', weight: 10 },
  { code: 'LV-113', name: 'Valmieras novads', kind: 'municipality', weight: 52 },
  { code: 'LV-102', name: 'Varakļānu novads', kind: 'municipality', weight: 3 },
  { code: 'LV-106', name: 'Ventspils novads', kind: 'municipality', weight: 11 },
];

const BY_CODE = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

export function findMunicipality(code: string): Municipality | undefined {
  return BY_CODE.get(code);
}

export const MUNICIPALITY_CODES = MUNICIPALITIES.map((m) => m.code) as [string, ...string[]];
