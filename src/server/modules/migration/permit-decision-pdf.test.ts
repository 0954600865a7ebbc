/** The decision PDF in the applicant's language: the legal basis by the acts' English titles, money in the language's format. */
import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { decisionPdf, type CaseProcedure } from '../cases/index.ts';

/** A decided case with a fee check, as the case engine gives it (only what the PDF reads). */
function decided(language: 'lv' | 'en') {
  return {
    reference: 'UA-2026-000007',
    caseType: 'residence-permit',
    language,
    receivedOn: '2026-11-02',
    subject: {},
    decision: {
      outcome: 'accept',
      legalBasis: 'Imigrācijas likums, 23. pants',
      decidedOn: '2026-11-30',
      notice: 'electronic',
      notifiedOn: '2026-12-02',
      inForceOn: '2026-12-02',
      appealUntil: '2027-01-04',
      reasoning: 'Synthetic reasons.',
      proposedBy: { id: 'a', name: 'Santa Liepiņa' },
      approvedBy: { id: 'b', name: 'Gatis Ozoliņš' },
      ruleTrace: [
        { rule: 'fee-paid', passed: true, detail: '100.00 / 100.00 EUR', params: { paid: '100.00', due: '100.00' } },
      ],
    },
  } as unknown as CaseView & { decision: NonNullable<CaseView['decision']> };
}
const procedure = { decisionRows: () => [] } as unknown as CaseProcedure;

describe('the decision PDF', () => {
  it('in English cites the act by its English title and writes the fee as €100.00', async () => {
    const text = pdfText(await decisionPdf(decided('en'), procedure, '2026-11-30T10:00:00Z', 'Europe/Riga'));
    expect(text).toContain('Immigration Law, Section 23');
    expect(text).not.toContain('Imigrācijas likums');
    expect(text).toContain('€100.00 of €100.00');
  });

  it('in Latvian keeps the recorded basis and writes the fee as 100,00 €', async () => {
    const text = pdfText(await decisionPdf(decided('lv'), procedure, '2026-11-30T10:00:00Z', 'Europe/Riga'));
    expect(text).toContain('Imigrācijas likums, 23. pants');
    expect(text).toMatch(/100,00\s€ no 100,00\s€/);
  });
});
