/**
 * Name data for the synthetic population (DOMAIN.md §7). Rankings follow the published lists; the
 * weights between the two anchors we have (52,007 Jāņi, 11,753 Bērziņš/Bērziņa) are approximate and
 * only shape the synthetic data. Surnames are stored as (male, female) pairs, never derived.
 */
export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

export const LATVIAN_MALE_GIVEN: Weighted<string> = [
  ['Jānis', 52], ['Andris', 24], ['Edgars', 16], ['Mārtiņš', 16], ['Pēteris', 14], ['Kārlis', 14], ['Juris', 14], ['Aigars', 11],
  ['Artūrs', 10], ['Kristaps', 10], ['Roberts', 10], ['Gustavs', 7], ['Markuss', 7], ['Daniels', 7], ['Emīls', 6], ['Ernests', 5],
  ['Olivers', 5], ['Marks', 5], ['Raivis', 6], ['Guntis', 7], ['Valdis', 8], ['Uldis', 7], ['Dainis', 6], ['Edvīns', 4], ['Teodors', 3],
];
export const LATVIAN_FEMALE_GIVEN: Weighted<string> = [
  ['Anna', 16], ['Marija', 14], ['Kristīne', 14], ['Inese', 13], ['Ilze', 13], ['Līga', 10], ['Laura', 10], ['Elīna', 8], ['Linda', 8],
  ['Santa', 6], ['Dace', 9], ['Ieva', 8], ['Zane', 8], ['Sofija', 6], ['Alise', 5], ['Emīlija', 5], ['Marta', 5], ['Amēlija', 3],
  ['Dārta', 3], ['Elizabete', 3], ['Sanita', 5], ['Baiba', 5], ['Evija', 5], ['Agnese', 6], ['Madara', 4],
];
export const SLAVIC_MALE_GIVEN: Weighted<string> = [
  ['Aleksandrs', 16], ['Sergejs', 15], ['Vladimirs', 12], ['Andrejs', 12], ['Ivans', 8], ['Igors', 10], ['Jurijs', 8], ['Dmitrijs', 9],
  ['Nikolajs', 7], ['Artjoms', 6], ['Maksims', 6], ['Viktors', 7], ['Oļegs', 6], ['Deniss', 5],
];
export const SLAVIC_FEMALE_GIVEN: Weighted<string> = [
  ['Jeļena', 16], ['Tatjana', 14], ['Svetlana', 13], ['Olga', 12], ['Irina', 11], ['Ludmila', 9], ['Natālija', 10], ['Valentīna', 7],
  ['Jūlija', 7], ['Anastasija', 7], ['Galina', 6], ['Marina', 8], ['Viktorija', 6], ['Darja', 5],
];

/** (male, female, weight): the PMLP top list first, then common pairs by the rules in DOMAIN.md §7. */
export const LATVIAN_SURNAMES: ReadonlyArray<readonly [string, string, number]> = [
  ['Bērziņš', 'Bērziņa', 118], ['Kalniņš', 'Kalniņa', 80], ['Ozoliņš', 'Ozoliņa', 70], ['Jansons', 'Jansone', 62], ['Ozols', 'Ozola', 58],
  ['Liepiņš', 'Liepiņa', 55], ['Krūmiņš', 'Krūmiņa', 52], ['Balodis', 'Balode', 50], ['Eglītis', 'Eglīte', 46], ['Zariņš', 'Zariņa', 45],
  ['Pētersons', 'Pētersone', 40], ['Vītols', 'Vītola', 38], ['Kļaviņš', 'Kļaviņa', 36], ['Andersons', 'Andersone', 30], ['Birznieks', 'Birzniece', 26],
  ['Dombrovskis', 'Dombrovska', 24], ['Alksnis', 'Alksne', 24], ['Briedis', 'Briede', 23], ['Celms', 'Celma', 20], ['Lejnieks', 'Lejniece', 20],
  ['Siliņš', 'Siliņa', 30], ['Lapiņš', 'Lapiņa', 28], ['Āboliņš', 'Āboliņa', 22], ['Upītis', 'Upīte', 22], ['Grāvis', 'Grāve', 14],
  ['Sproģis', 'Sproģe', 12], ['Zvaigzne', 'Zvaigzne', 14], ['Liepa', 'Liepa', 16], ['Krauze', 'Krauze', 12], ['Niedra', 'Niedra', 8],
  ['Barons', 'Barone', 14], ['Arājs', 'Arāja', 12], ['Petrovskis', 'Petrovska', 10], ['Ābele', 'Ābele', 9], ['Priede', 'Priede', 13],
];
export const SLAVIC_SURNAMES: ReadonlyArray<readonly [string, string, number]> = [
  ['Ivanovs', 'Ivanova', 100], ['Vasiļjevs', 'Vasiļjeva', 52], ['Petrovs', 'Petrova', 48], ['Smirnovs', 'Smirnova', 40], ['Kuzņecovs', 'Kuzņecova', 38],
  ['Popovs', 'Popova', 30], ['Jakovļevs', 'Jakovļeva', 22], ['Fjodorovs', 'Fjodorova', 22], ['Sokolovs', 'Sokolova', 20], ['Morozovs', 'Morozova', 20],
  ['Volkovs', 'Volkova', 18], ['Novikovs', 'Novikova', 16], ['Pavlovs', 'Pavlova', 16], ['Semjonovs', 'Semjonova', 14], ['Mihailovs', 'Mihailova', 14],
];

/** Foreign residents by citizenship (ISO 3166-1 alpha-3), weighted like the 2025 register figures in DOMAIN.md §6. */
export const FOREIGN_CITIZENSHIPS: ReadonlyArray<{ code: string; weight: number; male: string[]; female: string[]; surnames: ReadonlyArray<readonly [string, string]> }> = [
  { code: 'RUS', weight: 41842, male: ['Aleksandr', 'Sergey', 'Dmitry'], female: ['Yelena', 'Olga', 'Natalya'], surnames: [['Ivanov', 'Ivanova'], ['Kuznetsov', 'Kuznetsova'], ['Sokolov', 'Sokolova']] },
  { code: 'UKR', weight: 6833, male: ['Oleksandr', 'Andriy', 'Mykola'], female: ['Olena', 'Iryna', 'Oksana'], surnames: [['Shevchenko', 'Shevchenko'], ['Kovalenko', 'Kovalenko'], ['Bondarenko', 'Bondarenko']] },
  { code: 'IND', weight: 5838, male: ['Rahul', 'Amit', 'Vikram'], female: ['Priya', 'Anjali', 'Neha'], surnames: [['Sharma', 'Sharma'], ['Patel', 'Patel'], ['Singh', 'Kaur']] },
  { code: 'LTU', weight: 4985, male: ['Tomas', 'Mantas', 'Darius'], female: ['Rūta', 'Inga', 'Greta'], surnames: [['Kazlauskas', 'Kazlauskienė'], ['Petrauskas', 'Petrauskienė'], ['Jankauskas', 'Jankauskienė']] },
  { code: 'UZB', weight: 4475, male: ['Aziz', 'Bekzod', 'Rustam'], female: ['Dilnoza', 'Nilufar', 'Gulnora'], surnames: [['Karimov', 'Karimova'], ['Rakhimov', 'Rakhimova'], ['Yusupov', 'Yusupova']] },
  { code: 'BLR', weight: 3800, male: ['Pavel', 'Andrei', 'Yury'], female: ['Alena', 'Volha', 'Hanna'], surnames: [['Novik', 'Novik'], ['Kavalenka', 'Kavalenka'], ['Marozau', 'Marozava']] },
  { code: 'DEU', weight: 1500, male: ['Lukas', 'Jonas', 'Felix'], female: ['Anna', 'Lena', 'Mia'], surnames: [['Müller', 'Müller'], ['Schmidt', 'Schmidt'], ['Schneider', 'Schneider']] },
  { code: 'EST', weight: 1400, male: ['Rasmus', 'Martin', 'Markus'], female: ['Laura', 'Kadri', 'Triin'], surnames: [['Tamm', 'Tamm'], ['Saar', 'Saar'], ['Sepp', 'Sepp']] },
  { code: 'SWE', weight: 600, male: ['Erik', 'Lars', 'Anders'], female: ['Anna', 'Maria', 'Karin'], surnames: [['Andersson', 'Andersson'], ['Johansson', 'Johansson'], ['Eriksson', 'Eriksson']] },
];
