/** The register's PDFs: the extract about a person ("my data") and the residence declaration confirmation. */
import type { PersonCard } from '../../../shared/contracts/register.contract.ts';
import { findMunicipality } from '../../../shared/kernel/municipalities.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { renderPdf, type PdfDocument } from '../../platform/pdf.ts';
import { translator, type Locale, type MessageKey } from '../../platform/messages.ts';
import { countryName } from './countries.ts';
import type { ResidenceDeclarationTable } from './register.tables.ts';

type Row = [string, string];

function table(rows: readonly Row[]) {
  return {
    table: { widths: [170, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 12] as [number, number, number, number],
  };
}

function addressText(a: { country: string; addressLine: string | null; municipalityCode: string | null }, locale: Locale): string {
  const municipality = a.municipalityCode ? findMunicipality(a.municipalityCode)?.name : undefined;
  const withMunicipality = municipality && !(a.addressLine ?? '').includes(municipality.replace(/ novads$/, '')) ? municipality : undefined;
  return [a.addressLine, withMunicipality, a.country !== 'LVA' ? countryName(a.country, locale) : undefined].filter(Boolean).join(', ');
}

function header(t: ReturnType<typeof translator>, title: string, generatedAt: string) {
  return [
    { text: t('app.office'), style: 'office' },
    { text: title, style: 'title' },
    { text: t('pdf.generatedAt', { time: generatedAt.replace('T', ' ').slice(0, 16) + ' UTC' }), style: 'small' },
  ];
}

const STYLES: PdfDocument['styles'] = {
  office: { fontSize: 9, color: '#444444' },
  title: { fontSize: 16, bold: true, margin: [0, 6, 0, 2] },
  heading: { fontSize: 12, bold: true, margin: [0, 8, 0, 2] },
  small: { fontSize: 8, color: '#555555', margin: [0, 0, 0, 8] },
};

const period = (from: string, until: string | null, t: ReturnType<typeof translator>) => (until ? t('pdf.period', { from, until }) : t('pdf.since', { from }));

export async function registerExtractPdf(card: PersonCard, locale: Locale, generatedAt: string): Promise<Buffer> {
  const t = translator(locale);
  const dash = t('common.none');
  const status = card.legalStatus ? t(`legalStatus.${card.legalStatus}` as MessageKey) : dash;
  const doc: PdfDocument = {
    info: { title: t('pdf.extract.title'), creator: 'Civitas' },
    content: [
      ...header(t, t('pdf.extract.title'), generatedAt),
      { text: t('pdf.extract.note'), style: 'small' },
      { text: t('register.section.person'), style: 'heading' },
      table([
        [t('register.field.personalCode'), card.personalCode ? formatPersonalCode(card.personalCode) : dash],
        [t('register.field.givenNames'), card.givenNames ?? dash],
        [t('register.field.surname'), card.surname ?? dash],
        [t('register.field.originalName'), card.originalName ?? dash],
        [t('register.field.birthSurname'), card.birthSurname ?? dash],
        [t('register.field.sex'), card.sex ? t(card.sex === 'M' ? 'register.sex.M' : 'register.sex.F') : dash],
        [t('register.field.birthDate'), card.birthDate ?? dash],
        [t('register.field.birthCountry'), card.birthCountry ? countryName(card.birthCountry, locale) : dash],
        [t('register.field.legalStatus'), status],
        [t('register.field.citizenships'), card.citizenships.map((c) => countryName(c, locale)).join(', ') || dash],
        ...(card.deathDate ? [[t('register.field.deathDate'), card.deathDate] as Row] : []),
      ]),
      { text: t('register.section.residence'), style: 'heading' },
      table([
        [t('register.field.residence'), card.residence ? `${addressText(card.residence, locale)} (${period(card.residence.validFrom, card.residence.validUntil, t)})` : dash],
        ...card.additionalAddresses.map((a): Row => [t('register.field.additionalAddress'), `${addressText(a, locale)} (${period(a.validFrom, a.validUntil, t)})`]),
      ]),
      { text: t('register.section.history'), style: 'heading' },
      table([
        ...card.addressHistory.map((a): Row => [t('register.field.residence'), `${addressText(a, locale)} (${period(a.validFrom, a.validUntil, t)})`]),
        ...card.earlierNames.map((n): Row => [t('register.field.earlierName'), `${n.givenNames} ${n.surname} (${period(n.validFrom, n.validUntil, t)})`]),
        ...card.codes.map((c): Row => [t('register.field.personalCode'), `${formatPersonalCode(c.personalCode)} (${period(c.validFrom, c.validUntil, t)})`]),
      ]),
      ...(card.relations.length ? [
        { text: t('register.section.relations'), style: 'heading' },
        table(card.relations.map((r): Row => [t(`register.relation.${r.kind}` as MessageKey), `${r.givenNames} ${r.surname}, ${r.birthDate}`])),
      ] : []),
    ],
    styles: STYLES,
  };
  return renderPdf(doc);
}

export async function declarationConfirmationPdf(
  d: Pick<ResidenceDeclarationTable, 'id' | 'validFrom' | 'country' | 'municipalityCode' | 'addressLine' | 'housingBasis' | 'declarantRole'> & { declaredAt: string },
  person: { givenNames: string; surname: string; personalCode: string },
  locale: Locale,
  generatedAt: string,
): Promise<Buffer> {
  const t = translator(locale);
  const doc: PdfDocument = {
    info: { title: t('pdf.declaration.title'), creator: 'Civitas' },
    content: [
      ...header(t, t('pdf.declaration.title'), generatedAt),
      { text: t('pdf.declaration.intro'), margin: [0, 0, 0, 8] },
      table([
        [t('pdf.declaration.number'), d.id],
        [t('pdf.declaration.submittedAt'), d.declaredAt.replace('T', ' ').slice(0, 16) + ' UTC'],
        [t('register.field.person'), `${person.givenNames} ${person.surname}, ${formatPersonalCode(person.personalCode)}`],
        [t('pdf.declaration.declarant'), t(`declarant.${d.declarantRole}` as MessageKey)],
        [t('register.field.residence'), addressText(d, locale)],
        [t('declaration.validFrom'), d.validFrom],
        [t('declaration.housingBasis'), d.housingBasis],
      ]),
      { text: t('pdf.declaration.effect'), style: 'small' },
    ],
    styles: STYLES,
  };
  return renderPdf(doc);
}
