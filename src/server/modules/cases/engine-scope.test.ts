/**
 * The engine names no procedure: every procedure is a module of its own that registers itself, so adding
 * one changes no file here. (That it imports none is the dependency rule `engine-imports-no-procedure`.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = import.meta.dirname;
const THIS_FILE = 'engine-scope.test.ts';
/** Procedures of the office and the documents they issue. */
const PROCEDURE_WORDS =
  /visa|permit|asylum|correction|inclusion|naturali[sz]ation|repatriation|passport|identity[- ]card|eid-card|residence|document-application/i;

describe('the case engine', () => {
  it('names no procedure in any of its files', () => {
    const offending = readdirSync(DIR)
      .filter((f) => f.endsWith('.ts') && f !== THIS_FILE)
      .flatMap((file) =>
        readFileSync(join(DIR, file), 'utf8')
          .split('\n')
          .flatMap((line, i) => (PROCEDURE_WORDS.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offending).toEqual([]);
  });
});
