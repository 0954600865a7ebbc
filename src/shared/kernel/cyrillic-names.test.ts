import { describe, expect, it } from 'vitest';
import { hasCyrillic, latvianFormOf } from './cyrillic-names.ts';

describe('the Latvian form of a Russian name (DOMAIN.md §7, Cabinet Regulation No. 114)', () => {
  it.each([
    ['Иванов', 'M', 'Ivanovs'],
    ['Иванова', 'F', 'Ivanova'],
    ['Сергей', 'M', 'Sergejs'],
    ['Татьяна', 'F', 'Tatjana'],
    ['Жанна', 'F', 'Žanna'],
    ['Щукин', 'M', 'Ščukins'],
    ['Дарбышева', 'F', 'Darbiševa'],
    ['Юрий', 'M', 'Jurijs'],
    ['Дмитрий', 'M', 'Dmitrijs'],
    ['Васильев', 'M', 'Vasiļjevs'],
    ['Ольга', 'F', 'Olga'],
    ['Наталья', 'F', 'Natalja'],
    ['Елена', 'F', 'Jeļena'],
    ['Игорь', 'M', 'Igors'],
    ['Артём', 'M', 'Artjoms'],
    ['Щёкин', 'M', 'Ščokins'],
    ['Алексей', 'M', 'Aleksejs'],
    ['Ёлкин', 'M', 'Jolkins'],
    ['Никита', 'M', 'Nikita'],
  ] as const)('%s (%s) → %s', (cyrillic, sex, latvian) => {
    expect(latvianFormOf(cyrillic, sex)).toBe(latvian);
  });
  it('keeps the case of each part and works word by word (double names and surnames)', () => {
    expect(latvianFormOf('Анна-Мария', 'F')).toBe('Anna-Marija');
    expect(latvianFormOf('ПЕТРОВ', 'M')).toBe('Petrovs');
    expect(latvianFormOf('Сергей Юрий', 'M')).toBe('Sergejs Jurijs');
  });
  it('without the sex reads -а/-я as a woman’s name; a name without Cyrillic has no suggestion', () => {
    expect(latvianFormOf('Петрова')).toBe('Petrova');
    expect(latvianFormOf('Петров')).toBe('Petrovs');
    expect(latvianFormOf('Ivanovs')).toBeUndefined();
    expect(hasCyrillic('Петров<script>')).toBe(true);
  });
});
