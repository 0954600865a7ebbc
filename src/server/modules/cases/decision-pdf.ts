/** The decision on a case as a PDF in the applicant's language: outcome, legal basis, reasons, the rule trace and how to appeal. */
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { renderPdf, type PdfDocument } from '../../platform/pdf.ts';
import { translator, type Locale, type MessageKey } from '../../platform/messages.ts';

/** Checks the system records itself (their names are in the catalogue); an officer's own checks are shown as written. */
const SYSTEM_RULES = new Set(['evidence-attached', 'value-differs', 'requests-answered']);

export async function decisionPdf(view: CaseView & { decision: NonNullable<CaseView['decision']> }, generatedAt: string): Promise<Buffer> {
  const locale: Locale = view.language;
  const t = translator(locale);
  const d = view.decision;
  const rows: Array<[string, string]> = [
    [t('cases.field.reference'), view.reference],
    [t('cases.field.applicant'), `${view.subject.personName}, ${formatPersonalCode(view.subject.personalCode)}`],
    [t('cases.field.received'), view.receivedOn],
    [t('cases.field.field'), t(`cases.correctable.${view.subject.field}` as MessageKey)],
    [t('cases.field.currentValue'), view.subject.currentValue ?? t('common.none')],
    [t('cases.field.requestedValue'), view.subject.requestedValue ?? t('common.none')],
    [t('cases.field.outcome'), t(`cases.outcome.${d.outcome}` as MessageKey)],
    [t('cases.field.legalBasis'), d.legalBasis],
    [t('cases.field.decidedOn'), d.decidedOn],
    [t('cases.field.proposedBy'), d.proposedBy.name ?? d.proposedBy.id],
    [t('cases.field.approvedBy'), d.approvedBy.name ?? d.approvedBy.id],
  ];
  const doc: PdfDocument = {
    info: { title: `${t('pdf.decision.title')} ${view.reference}`, creator: 'Civitas' },
    content: [
      { text: t('app.office'), style: 'office' },
      { text: `${t('pdf.decision.title')} ${view.reference}`, style: 'title' },
      { text: t('pdf.generatedAt', { time: generatedAt.replace('T', ' ').slice(0, 16) + ' UTC' }), style: 'small' },
      { table: { widths: [170, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: 'lightHorizontalLines', margin: [0, 4, 0, 12] },
      { text: t('pdf.decision.reasons'), style: 'heading' },
      { text: d.reasoning, margin: [0, 0, 0, 8] },
      { text: t('pdf.decision.checks'), style: 'heading' },
      { ul: d.ruleTrace.map((c) => `${c.passed ? '✓' : '✗'} ${SYSTEM_RULES.has(c.rule) ? t(`cases.rule.${c.rule}` as MessageKey) : c.rule}: ${SYSTEM_RULES.has(c.rule) && c.params ? t(`cases.ruleDetail.${c.rule}` as MessageKey, c.params) : c.detail}`) },
      { text: t('pdf.decision.appealTitle'), style: 'heading' },
      { text: t('pdf.decision.appeal', { until: d.appealUntil }) },
    ],
    styles: {
      office: { fontSize: 9, color: '#444444' },
      title: { fontSize: 16, bold: true, margin: [0, 6, 0, 2] },
      heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      small: { fontSize: 8, color: '#555555', margin: [0, 0, 0, 8] },
    },
  };
  return renderPdf(doc);
}
