/**
 * Every refusal of a business rule names its rule (STYLE §5): a source scan of the server finds each
 * `new AppError('CONFLICT' | 'INVALID_STATE' | 'DUPLICATE' | 'FOUR_EYES_REQUIRED', …)` and fails when its
 * arguments carry no `rule`. A new refusal without one is caught here, before a person reads
 * "This action is not allowed right now".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../shared/errors.ts';
import { AppError } from './app-error.ts';

const SERVER = fileURLToPath(new URL('..', import.meta.url));
const REFUSAL = /new AppError\(\s*'(CONFLICT|INVALID_STATE|DUPLICATE|FOUR_EYES_REQUIRED)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The text of a call from its opening parenthesis to the matching closing one (strings and templates may hold parentheses). */
function callText(source: string, open: number): string {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < source.length; i++) {
    const c = source[i] as string;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

describe('refusals name their rule', () => {
  it('every CONFLICT, INVALID_STATE, DUPLICATE and FOUR_EYES_REQUIRED the server throws carries a rule the list knows', () => {
    const missing: string[] = [];
    const unknown: string[] = [];
    let found = 0;
    for (const file of sourceFiles(SERVER)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(REFUSAL)) {
        found++;
        const call = callText(source, (match.index as number) + match[0].indexOf('('));
        const where = `${relative(SERVER, file)}:${source.slice(0, match.index).split('\n').length}`;
        if (!/\brule\b/.test(call)) missing.push(where);
        for (const id of call.matchAll(/\bid: '([^']+)'|\brule\('([^']+)'/g)) {
          const ruleId = id[1] ?? id[2];
          if (!(RULE_IDS as readonly string[]).includes(ruleId as string)) unknown.push(`${where} ${ruleId}`);
        }
      }
    }
    expect(found).toBeGreaterThan(40);
    expect(missing, 'refusals without a rule').toEqual([]);
    expect(unknown, 'rule ids not in RULE_IDS').toEqual([]);
  });

  it('takes field errors as a list or with the rule', () => {
    expect(new AppError('VALIDATION_FAILED', 'bad', [{ path: 'x', message: 'm' }]).details).toEqual([
      { path: 'x', message: 'm' },
    ]);
    const refusal = new AppError('CONFLICT', 'taken', {
      details: [{ path: 'x', message: 'm' }],
      rule: { id: 'appointment.slot-taken' },
    });
    expect([refusal.details, refusal.rule]).toEqual([[{ path: 'x', message: 'm' }], { id: 'appointment.slot-taken' }]);
  });
});
