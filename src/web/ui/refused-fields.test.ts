import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { refusedAtFormFields } from './refused-fields.ts';

describe('a server refusal moved to the form’s fields', () => {
  it('moves the named paths, keeps the others, the rule and its values', () => {
    const error = new ApiError(
      'VALIDATION_FAILED',
      400,
      'refused',
      [
        { path: 'photo.contentBase64', message: 'too small', reason: 'photo-too-small' },
        { path: 'contactEmail', message: 'not an e-mail', key: 'validation.email' },
      ],
      { id: 'appointment.one-per-service', values: { at: '2026-12-07T06:30:00.000Z' } },
    );
    const moved = refusedAtFormFields(error, { 'photo.contentBase64': 'photo' }) as ApiError;
    expect(moved).toBeInstanceOf(ApiError);
    expect(moved.fieldErrors.map((f) => f.path)).toEqual(['photo', 'contactEmail']);
    expect(moved.fieldErrors[0]?.reason).toBe('photo-too-small');
    expect([moved.code, moved.status, moved.rule, moved.ruleValues]).toEqual([
      'VALIDATION_FAILED',
      400,
      'appointment.one-per-service',
      { at: '2026-12-07T06:30:00.000Z' },
    ]);
  });

  it('leaves anything that is not the API’s refusal as it is', () => {
    const error = new Error('offline');
    expect(refusedAtFormFields(error, { startsAt: 'slot' })).toBe(error);
  });
});
