import { describe, expect, it } from 'vitest';
import { maskPersonalCodes, requestSerializer } from './log-redaction.ts';

describe('log redaction', () => {
  it('masks personal codes in either format, with or without the hyphen', () => {
    expect(maskPersonalCodes('/api/persons/161175-19997?x=32550128526')).toBe('/api/persons/***********?x=***********');
  });
  it('leaves other numbers alone', () => {
    expect(maskPersonalCodes('/api/cases/KL-2026-000123')).toBe('/api/cases/KL-2026-000123');
  });
  it('masks the document number of a validity check', () => {
    expect(
      requestSerializer({ id: 'r2', method: 'GET', url: '/api/public/documents/LV1234567/validity?type=passport' }).url,
    ).toBe('/api/public/documents/***/validity?type=passport');
  });
  it('serializes requests without headers or bodies', () => {
    expect(requestSerializer({ id: 'r1', method: 'GET', url: '/p/161175-19997', ip: '1.2.3.4' })).toEqual({
      id: 'r1',
      method: 'GET',
      url: '/p/***********',
    });
  });
});
