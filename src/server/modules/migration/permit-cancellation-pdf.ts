/**
 * The decision cancelling a residence permit (Immigration Law): the authority, the permit, the grounds,
 * the reasons, from when, and how to contest it, in the holder's language of the case (Latvian or English).
 */
import type { GrantedPermitView } from '../../../shared/contracts/permit-subjects.ts';
import { PERMIT_CANCELLATION_GROUNDS } from '../../../shared/contracts/permit-subjects.ts';
import { formatDate, formatDateTime } from '../../../shared/kernel/display-format.ts';
import { LETTER_STYLES, renderPdf, type PdfDocument } from '../../platform/pdf.ts';
import { translator, type Locale, type MessageKey } from '../../platform/messages.ts';

/** The holder as the application named them (the decision must say whom it concerns). */
export type CancelledHolder = { name: string; birthDate: string; nationality: string; travelDocument: string } | null;

export async function permitCancellationPdf(
  permit: GrantedPermitView & { cancelled: NonNullable<GrantedPermitView['cancelled']> },
  holder: CancelledHolder,
  locale: Locale,
  generatedAt: string,
  timeZone: string,
): Promise<Buffer> {
  const t = translator(locale);
  const date = (v: string) => formatDate(v, locale);
  const title = `${t('permits.cancellation.title')} ${permit.permitNumber}`;
  const doc: PdfDocument = {
    info: { title, creator: 'Civitas' },
    content: [
      { text: t('app.office'), style: 'office' },
      { text: title, style: 'title' },
      { text: t('pdf.generatedAt', { time: formatDateTime(generatedAt, locale, timeZone) }), style: 'small' },
      ...(holder
        ? [
            {
              text: t('permits.cancellation.holder', {
                name: holder.name,
                birthDate: date(holder.birthDate),
                nationality: holder.nationality,
                document: holder.travelDocument,
              }),
              margin: [0, 0, 0, 8] as [number, number, number, number],
            },
          ]
        : []),
      {
        text: t('permits.cancellation.what', {
          number: permit.permitNumber,
          kind: t(`permits.kind.${permit.kind}` as MessageKey),
          from: date(permit.validFrom),
          on: date(permit.cancelled.on),
        }),
        margin: [0, 0, 0, 8],
      },
      { text: t('permits.cancellation.grounds'), style: 'heading' },
      {
        ul: PERMIT_CANCELLATION_GROUNDS.map(
          (g) => `${permit.cancelled.grounds.includes(g) ? '☒' : '☐'} ${t(`permits.cancelGround.${g}` as MessageKey)}`,
        ),
      },
      { text: t('pdf.decision.reasons'), style: 'heading' },
      { text: permit.cancelled.reasoning, margin: [0, 0, 0, 8] },
      { text: t('permits.cancellation.decidedBy', { name: permit.cancelled.by }) },
      { text: t('pdf.decision.appealTitle'), style: 'heading' },
      { text: t('permits.cancellation.appeal') },
    ],
    styles: LETTER_STYLES,
  };
  return renderPdf(doc);
}
