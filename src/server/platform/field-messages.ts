/**
 * A refused field in words for API clients, logs and the CLI: the same catalogue message the browser shows
 * (shared/validation/messages.ts), in English, naming the field by its path. Dates are given as ISO there,
 * since an API client sends them that way.
 */
import type { z } from 'zod';
import { describeIssue, type IssueLike, type MessageRef } from '../../shared/validation/messages.ts';
import { translate, type MessageKey } from './messages.ts';

/** The catalogue reference of an issue and its English text. */
export function describeFieldIssue(issue: z.core.$ZodIssue, path: string): { ref: MessageRef; english: string } {
  const ref = describeIssue(issue as IssueLike);
  const values = { ...ref.values, ...(ref.key === 'validation.date' ? { example: '1980-05-17' } : {}) };
  let english = issue.message;
  try {
    english = translate('en', ref.key as MessageKey, { field: path, ...values });
  } catch {
    // A key the catalogue lacks (a test's own schema): zod's text says enough.
  }
  return { ref, english };
}
