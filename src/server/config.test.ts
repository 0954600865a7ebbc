import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('defaults to the embedded engine in demo mode on port 3000 with daily backups', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      port: 3000,
      demoMode: true,
      seedDemo: true,
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
      cookieSecure: false,
    });
    expect(c.backup.intervalMinutes).toBe(1440);
    expect(c.dataDir).toMatch(/data$/);
  });

  it('turns demo mode and backups off by default on PostgreSQL', () => {
    const c = parseConfig({ DATABASE_URL: 'postgres://u@db/civitas' });
    expect(c.demoMode).toBe(false);
    expect(c.backup.intervalMinutes).toBe(0);
  });

  it('lists every problem at once', () => {
    try {
      parseConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        STAFF_TOTP_REQUIRED: 'maybe',
        OIDC_ISSUER: 'https://idp.example',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('STAFF_TOTP_REQUIRED');
    }
  });

  it('takes a document fee table whose periods are the rule versions: each day once, each named act not blank', () => {
    const row = { standard: 5000, urgent: 7500, reduced: 2500 };
    const table = (periods: object[]) => ({ DOCUMENT_FEE_TABLE: JSON.stringify(periods) });
    expect(
      parseConfig(table([{ from: '2026-01-01', legalAct: 'MK noteikumi Nr. 133', fees: { passport: row } }])).documents
        .feeTable,
    ).toEqual([{ from: '2026-01-01', legalAct: 'MK noteikumi Nr. 133', fees: { passport: row } }]);
    expect(() =>
      parseConfig(
        table([
          { from: '2026-01-01', fees: { passport: row } },
          { from: '2026-01-01', fees: { passport: row } },
        ]),
      ),
    ).toThrow(/two periods from 2026-01-01/);
    expect(() => parseConfig(table([{ from: '2026-01-01', legalAct: '  ', fees: { passport: row } }]))).toThrow(
      /DOCUMENT_FEE_TABLE: 0\.legalAct/,
    );
  });

  it('requires OIDC_ISSUER and OIDC_CLIENT_ID together', () => {
    expect(() => parseConfig({ OIDC_ISSUER: 'https://idp.example' })).toThrow(/OIDC_ISSUER and OIDC_CLIENT_ID/);
    expect(parseConfig({ OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'civitas' }).oidc).toMatchObject({
      issuer: 'https://idp.example',
      clientId: 'civitas',
      personalCodeClaim: 'personal_code',
    });
  });

  it('marks cookies Secure when the public URL is https', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://civitas.example.lv' }).cookieSecure).toBe(true);
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(parseConfig({}))).toBe(true);
  });
});
