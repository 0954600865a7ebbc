/**
 * The register's PDFs: the extract about a person ("my data") and the residence declaration confirmation.
 * Dates and times go through the display-format layer on the office's time zone, as on the pages (STYLE §13).
 */
import { LIFE_EVENT_KINDS, type PersonCard } from '../../../shared/contracts/register.contract.ts';
import { formatDate, formatDateTime } from '../../../shared/kernel/display-format.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { renderPdf, type PdfDocument } from '../../platform/pdf.ts';
import { translator, type Locale, type MessageKey } from '../../platform/messages.ts';
import { countryName } from './countries.ts';
import type { ResidenceDeclarationTable } from './register.tables.ts';
import { addressText as formatAddress } from '../../../shared/kernel/address-format.ts';

type Row = [string, string];
type Translate = ReturnType<typeof translator>;

/** How this document writes dates and times: the reader's language, the office's wall clock. */
interface Dates {
  date(d: string): string;
  dateTime(instant: string): string;
}
const datesFor = (locale: Locale, timeZone: string): Dates => ({
  date: (d) => formatDate(d, locale),
  dateTime: (i) => formatDateTime(i, locale, timeZone),
});

function table(rows: readonly Row[]) {
  return {
    table: { widths: [170, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 12] as [number, number, number, number],
  };
}

function addressText(
  a: { country: string; addressLine: string | null; municipalityCode: string | null },
  locale: Locale,
): string {
  return formatAddress(a, (code) => countryName(code, locale));
}

function header(t: Translate, title: string, generatedAt: string, dates: Dates) {
  return [
    { text: t('app.office'), style: 'office' },
    { text: title, style: 'title' },
    { text: t('pdf.generatedAt', { time: dates.dateTime(generatedAt) }), style: 'small' },
  ];
}

const STYLES: PdfDocument['styles'] = {
  office: { fontSize: 9, color: '#444444' },
  title: { fontSize: 16, bold: true, margin: [0, 6, 0, 2] },
  heading: { fontSize: 12, bold: true, margin: [0, 8, 0, 2] },
  small: { fontSize: 8, color: '#555555', margin: [0, 0, 0, 8] },
};

const period = (from: string, until: string | null, t: Translate, dates: Dates) =>
  until
    ? t('pdf.period', { from: dates.date(from), until: dates.date(until) })
    : t('pdf.since', { from: dates.date(from) });

/** The life events, newest first, as the "my data" page lists them: effective day, what, when recorded. */
function eventsTable(card: PersonCard, t: Translate, dates: Dates) {
  const label = (kind: string) =>
    (LIFE_EVENT_KINDS as readonly string[]).includes(kind) ? t(`event.${kind}` as MessageKey) : kind;
  return {
    table: {
      widths: [80, '*', 110],
      headerRows: 1,
      body: [
        [t('staff.event.effectiveDate'), t('staff.person.chooseEvent'), t('staff.person.recordedTime')].map((text) => ({
          text,
          bold: true,
        })),
        ...[...card.events]
          .reverse()
          .map((e) => [dates.date(e.effectiveDate), label(e.kind), dates.dateTime(e.recordedAt)]),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 12] as [number, number, number, number],
  };
}

/** The extract about a person in `locale`; every date and time on the office's clock in `timeZone`. */
export async function registerExtractPdf(
  card: PersonCard,
  locale: Locale,
  generatedAt: string,
  timeZone: string,
): Promise<Buffer> {
  const t = translator(locale);
  const dates = datesFor(locale, timeZone);
  const dash = t('common.none');
  const status = card.legalStatus ? t(`legalStatus.${card.legalStatus}` as MessageKey) : dash;
  const doc: PdfDocument = {
    info: { title: t('pdf.extract.title'), creator: 'Civitas' },
    content: [
      ...header(t, t('pdf.extract.title'), generatedAt, dates),
      { text: t('pdf.extract.note'), style: 'small' },
      { text: t('register.section.person'), style: 'heading' },
      table([
        [t('register.field.personalCode'), card.personalCode ? formatPersonalCode(card.personalCode) : dash],
        [t('register.field.givenNames'), card.givenNames ?? dash],
        [t('register.field.surname'), card.surname ?? dash],
        [t('register.field.originalName'), card.originalName ?? dash],
        [t('register.field.birthSurname'), card.birthSurname ?? dash],
        [t('register.field.sex'), card.sex ? t(card.sex === 'M' ? 'register.sex.M' : 'register.sex.F') : dash],
        [t('register.field.birthDate'), card.birthDate ? dates.date(card.birthDate) : dash],
        [t('register.field.birthCountry'), card.birthCountry ? countryName(card.birthCountry, locale) : dash],
        [t('register.field.legalStatus'), status],
        [t('register.field.citizenships'), card.citizenships.map((c) => countryName(c, locale)).join(', ') || dash],
        ...(card.deathDate ? [[t('register.field.deathDate'), dates.date(card.deathDate)] as Row] : []),
      ]),
      { text: t('register.section.residence'), style: 'heading' },
      table([
        [
          t('register.field.residence'),
          card.residence
            ? `${addressText(card.residence, locale)} (${period(card.residence.validFrom, card.residence.validUntil, t, dates)})`
            : dash,
        ],
        ...card.additionalAddresses.map((a): Row => [
          t('register.field.additionalAddress'),
          `${addressText(a, locale)} (${period(a.validFrom, a.validUntil, t, dates)})`,
        ]),
      ]),
      { text: t('register.section.history'), style: 'heading' },
      table([
        ...card.addressHistory.map((a): Row => [
          t('register.field.residence'),
          `${addressText(a, locale)} (${period(a.validFrom, a.validUntil, t, dates)})`,
        ]),
        ...card.earlierNames.map((n): Row => [
          t('register.field.earlierName'),
          `${n.givenNames} ${n.surname} (${period(n.validFrom, n.validUntil, t, dates)})`,
        ]),
        ...card.codes.map((c): Row => [
          t('register.field.personalCode'),
          `${formatPersonalCode(c.personalCode)} (${period(c.validFrom, c.validUntil, t, dates)})`,
        ]),
      ]),
      ...(card.relations.length
        ? [
            { text: t('register.section.relations'), style: 'heading' },
            table(
              card.relations.map((r): Row => [
                t(`register.relation.${r.kind}` as MessageKey),
                `${r.givenNames} ${r.surname}, ${dates.date(r.birthDate)}`,
              ]),
            ),
          ]
        : []),
      ...(card.events.length
        ? [{ text: t('register.section.events'), style: 'heading' }, eventsTable(card, t, dates)]
        : []),
    ],
    styles: STYLES,
  };
  return renderPdf(doc);
}

/** The confirmation of a residence declaration in `locale`; its times on the office's clock in `timeZone`. */
export async function declarationConfirmationPdf(
  d: Pick<
    ResidenceDeclarationTable,
    'id' | 'validFrom' | 'country' | 'municipalityCode' | 'addressLine' | 'housingBasis' | 'declarantRole'
  > & { declaredAt: string },
  person: { givenNames: string; surname: string; personalCode: string },
  locale: Locale,
  generatedAt: string,
  timeZone: string,
): Promise<Buffer> {
  const t = translator(locale);
  const dates = datesFor(locale, timeZone);
  const doc: PdfDocument = {
    info: { title: t('pdf.declaration.title'), creator: 'Civitas' },
    content: [
      ...header(t, t('pdf.declaration.title'), generatedAt, dates),
      { text: t('pdf.declaration.intro'), margin: [0, 0, 0, 8] },
      table([
        [t('pdf.declaration.number'), d.id],
        [t('pdf.declaration.submittedAt'), dates.dateTime(d.declaredAt)],
        [
          t('register.field.person'),
          `${person.givenNames} ${person.surname}, ${formatPersonalCode(person.personalCode)}`,
        ],
        [t('pdf.declaration.declarant'), t(`declarant.${d.declarantRole}` as MessageKey)],
        [t('register.field.residence'), addressText(d, locale)],
        [t('declaration.validFrom'), dates.date(d.validFrom)],
        [t('declaration.housingBasis'), d.housingBasis],
      ]),
      { text: t('pdf.declaration.effect'), style: 'small' },
    ],
    styles: STYLES,
  };
  return renderPdf(doc);
}
