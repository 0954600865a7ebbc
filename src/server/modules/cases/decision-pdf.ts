/** The decision on a case as a PDF in the applicant's language: what was asked (the procedure's rows), outcome, legal basis, reasons, the rule trace and how to appeal. */
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';
import { formatDate, formatDateTime, readableRuleParams } from '../../../shared/kernel/display-format.ts';
import { renderCitation } from '../../../shared/kernel/legal-acts.ts';
import type { CaseProcedure } from './procedure.ts';
import { LETTER_STYLES, renderPdf, type PdfDocument } from '../../platform/pdf.ts';
import { translator, type Locale, type MessageKey } from '../../platform/messages.ts';
import { caseWordingKey, SYSTEM_RULES } from '../../../shared/i18n/case-wording.ts';

type Translate = ReturnType<typeof translator>;

/** A date in the reader's convention; any other value (a name, a status) as it is. */
type DateText = (value: string) => string;

/** The rule trace's detail in words; a date (a corrected birth date) and a sum of money in the reader's convention. */
function ruleLine(t: Translate, c: NonNullable<CaseView['decision']>['ruleTrace'][number], locale: Locale): string {
  const params = c.params ? readableRuleParams(c.rule, c.params, locale) : undefined;
  const name = SYSTEM_RULES.has(c.rule) ? t(`cases.rule.${c.rule}` as MessageKey) : c.rule;
  const detail = SYSTEM_RULES.has(c.rule) && params ? t(`cases.ruleDetail.${c.rule}` as MessageKey, params) : c.detail;
  // An override is neither met nor not met: the officer's reason for granting over the checks above it.
  const mark = c.rule === 'failed-checks-overridden' ? '!' : c.passed ? '✓' : '✗';
  return `${mark} ${name}: ${detail}`;
}

/** The decision in the applicant's language; every date and time on the office's clock in `timeZone`. */
export async function decisionPdf(
  view: CaseView & { decision: NonNullable<CaseView['decision']> },
  procedure: CaseProcedure,
  generatedAt: string,
  timeZone: string,
): Promise<Buffer> {
  const locale: Locale = view.language;
  const t = translator(locale);
  const date: DateText = (value) => formatDate(value, locale);
  const d = view.decision;
  const rows: Array<[string, string]> = [
    [t('cases.field.reference'), view.reference],
    [t('cases.field.type'), t(`cases.type.${view.caseType}` as MessageKey)],
    [t('cases.field.received'), date(view.receivedOn)],
    // What was asked, in the procedure's own rows.
    ...procedure.decisionRows(view.subject, (key, values) => t(key as MessageKey, values), date, d),
    [t('cases.field.outcome'), t(caseWordingKey('outcome', view.caseType, d.outcome) as MessageKey)],
    // The stored basis is the Latvian record; an English decision cites the acts by their English titles.
    [t('cases.field.legalBasis'), renderCitation(d.legalBasis, locale)],
    // The version of the procedure's rules the case was decided under, and the act that brought it.
    ...(view.rules
      ? [
          [
            t('cases.field.rulesVersion'),
            t('cases.rulesVersion', {
              from: date(view.rules.validFrom),
              act: renderCitation(view.rules.legalAct, locale),
            }),
          ] as [string, string],
        ]
      : []),
    [t('cases.field.decidedOn'), date(d.decidedOn)],
    [t('cases.field.proposedBy'), d.proposedBy.name ?? d.proposedBy.id],
    [t('cases.field.approvedBy'), d.approvedBy.name ?? d.approvedBy.id],
  ];
  const doc: PdfDocument = {
    info: { title: `${t('pdf.decision.title')} ${view.reference}`, creator: 'Civitas' },
    content: [
      { text: t('app.office'), style: 'office' },
      { text: `${t('pdf.decision.title')} ${view.reference}`, style: 'title' },
      { text: t('pdf.generatedAt', { time: formatDateTime(generatedAt, locale, timeZone) }), style: 'small' },
      {
        table: { widths: [170, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
        layout: 'lightHorizontalLines',
        margin: [0, 4, 0, 12],
      },
      { text: t('pdf.decision.reasons'), style: 'heading' },
      { text: d.reasoning, margin: [0, 0, 0, 8] },
      { text: t('pdf.decision.checks'), style: 'heading' },
      // The decision is the applicant's paper: checks kept for staff (other authorities' answers) are not on it.
      { ul: d.ruleTrace.filter((c) => !c.staffOnly).map((c) => ruleLine(t, c, locale)) },
      { text: t('pdf.decision.appealTitle'), style: 'heading' },
      {
        text: t('pdf.decision.appeal', {
          notice: t(`pdf.decision.notice.${d.notice}`),
          sentOn: date(d.decidedOn),
          notifiedOn: date(d.notifiedOn),
          until: date(d.appealUntil),
        }),
      },
    ],
    styles: LETTER_STYLES,
  };
  return renderPdf(doc);
}
