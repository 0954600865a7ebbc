/**
 * The annulment or revocation of a visa on the standard form (Visa Code Annex VI, as replaced by Reg.
 * 2019/1155): the authority, the visa, every ground with its box ticked or not, the reasons and how to
 * contest it, in the holder's language of the case (Latvian or English).
 */
import type { IssuedVisaView } from '../../../shared/contracts/migration-subjects.ts';
import { VISA_REFUSAL_GROUNDS } from '../../../shared/contracts/migration-subjects.ts';
import { formatDate, formatDateTime } from '../../../shared/kernel/display-format.ts';
import { LETTER_STYLES, renderPdf, type PdfDocument } from '../../platform/pdf.ts';
import { translator, type Locale, type MessageKey } from '../../platform/messages.ts';

export async function visaEndingPdf(
  visa: IssuedVisaView & { ended: NonNullable<IssuedVisaView['ended']> },
  locale: Locale,
  generatedAt: string,
  timeZone: string,
): Promise<Buffer> {
  const t = translator(locale);
  const date = (v: string) => formatDate(v, locale);
  const title = t(`visas.ending.title.${visa.ended.kind}` as MessageKey);
  const doc: PdfDocument = {
    info: { title: `${title} ${visa.visaNumber}`, creator: 'Civitas' },
    content: [
      { text: t('app.office'), style: 'office' },
      { text: `${title} ${visa.visaNumber}`, style: 'title' },
      { text: t('pdf.generatedAt', { time: formatDateTime(generatedAt, locale, timeZone) }), style: 'small' },
      {
        text: t('visas.ending.examined', { number: visa.visaNumber, issuedOn: date(visa.issuedOn) }),
        margin: [0, 0, 0, 8],
      },
      { text: t('visas.ending.grounds'), style: 'heading' },
      {
        ul: VISA_REFUSAL_GROUNDS.map(
          (g) => `${visa.ended.grounds.includes(g) ? '☒' : '☐'} ${t(`visas.ground.${g}` as MessageKey)}`,
        ),
      },
      { text: t('pdf.decision.reasons'), style: 'heading' },
      { text: visa.ended.reasoning, margin: [0, 0, 0, 8] },
      { text: t('visas.ending.decidedBy', { name: visa.ended.by, on: date(visa.ended.on) }) },
      { text: t('pdf.decision.appealTitle'), style: 'heading' },
      { text: t('visas.ending.appeal') },
    ],
    styles: LETTER_STYLES,
  };
  return renderPdf(doc);
}
