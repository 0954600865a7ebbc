/** The decision on a case as a PDF in the applicant's language: outcome, legal basis, reasons, the rule trace and how to appeal. */
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { renderPdf, type PdfDocument } from '../../platform/pdf.ts';
import { translator, type Locale, type MessageKey } from '../../platform/messages.ts';
import { caseWordingKey, SYSTEM_RULES } from '../../../shared/i18n/case-wording.ts';

type Translate = ReturnType<typeof translator>;

/** The rows that say what was asked: one fact of a registered person, or the person to be included. */
function subjectRows(t: Translate, subject: CaseView['subject']): Array<[string, string]> {
  if (subject.kind === 'correction') {
    return [
      [t('cases.field.applicant'), `${subject.personName}, ${formatPersonalCode(subject.personalCode)}`],
      [t('cases.field.field'), t(`cases.correctable.${subject.field}` as MessageKey)],
      [t('cases.field.currentValue'), subject.currentValue ?? t('common.none')],
      [t('cases.field.requestedValue'), subject.requestedValue ?? t('common.none')],
    ];
  }
  if (subject.kind === 'document-application') {
    return [
      [t('cases.field.applicant'), `${subject.personName}, ${formatPersonalCode(subject.personalCode)}`],
      [t('documents.application.documentType'), t(`documents.type.${subject.documentType}` as MessageKey)],
      [t('documents.application.tier'), t(`documents.tier.${subject.tier}` as MessageKey)],
    ];
  }
  return [
    [t('cases.field.applicant'), subject.personName],
    [t('register.field.birthDate'), subject.birthDate],
    [t('register.field.birthCountry'), subject.birthCountry],
    [t('register.field.citizenships'), subject.citizenships.join(', ') || t('common.none')],
    [t('cases.inclusion.foreignDocument'), `${subject.foreignDocument.number} (${subject.foreignDocument.country})`],
    [t('cases.inclusion.personalCode'), subject.personalCode ? formatPersonalCode(subject.personalCode) : t('common.none')],
  ];
}

export async function decisionPdf(view: CaseView & { decision: NonNullable<CaseView['decision']> }, generatedAt: string): Promise<Buffer> {
  const locale: Locale = view.language;
  const t = translator(locale);
  const d = view.decision;
  const rows: Array<[string, string]> = [
    [t('cases.field.reference'), view.reference],
    [t('cases.field.type'), t(`cases.type.${view.caseType}` as MessageKey)],
    [t('cases.field.received'), view.receivedOn],
    ...subjectRows(t, view.subject),
    [t('cases.field.outcome'), t(caseWordingKey('outcome', view.caseType, d.outcome) as MessageKey)],
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
