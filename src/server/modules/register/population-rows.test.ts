/** COPY text lines of the bulk load: free text is escaped, ids, dates, codes and numbers are written as they are. */
import { describe, expect, it } from 'vitest';
import { copyLine, TABLES } from './population-rows.ts';

describe('copyLine', () => {
  it('escapes a tab, a newline, a carriage return and a backslash in free text, and writes null as \\N', () => {
    const line = copyLine(
      ['0190d3c0-0000-7000-8000-000000000001', 'Anna\tMarija', 'Ozola\\\n\r', null],
      [false, true, true, true],
    );
    expect(line).toBe('0190d3c0-0000-7000-8000-000000000001\tAnna\\tMarija\tOzola\\\\\\n\\r\t\\N\n');
  });

  it('writes arrays as literals: codes quoted and escaped, hashes bare', () => {
    expect(
      copyLine(
        [
          ['LVA', 'a"b'],
          [-5, 17],
        ],
        [false, false],
      ),
    ).toBe('{"LVA","a\\\\"b"}\t{-5,17}\n');
  });

  it('escapes every value when no column list is given', () => {
    expect(copyLine(['a\tb', true, 3])).toBe('a\\tb\tt\t3\n');
  });

  it('marks only columns of the tables it loads as free text', () => {
    for (const spec of Object.values(TABLES)) {
      for (const column of 'text' in spec ? spec.text : []) expect(spec.columns).toContain(column);
    }
  });
});
