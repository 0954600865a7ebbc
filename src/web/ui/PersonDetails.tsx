/** A person's register data (a PersonCard), shown to officers on the person card and to residents under "my data". */
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listCountries, type AddressView, type PersonCard } from '../../shared/contracts/register.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale } from '../i18n/I18nProvider.tsx';
import { findMunicipality } from '../../shared/kernel/municipalities.ts';
import { formatPersonalCode } from '../../shared/kernel/personal-code.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useFormat } from './format.ts';
import { ScrollTable } from './Table.tsx';
import { addressText as formatAddress } from '../../shared/kernel/address-format.ts';

export function useLabel() {
  const t = useT();
  return (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    const text = t(key);
    return text === key ? value : text;
  };
}

/** Country names in the page's language (ISO 3166 alpha-3 codes in the data). */
export function useCountryName(): (code: string) => string {
  const { locale } = useLocale();
  const countries = useQuery({ queryKey: ['countries'], queryFn: () => callApi(listCountries), staleTime: Infinity });
  return (code) => {
    const c = countries.data?.countries.find((x) => x.code === code);
    return c ? (locale === 'lv' ? c.lv : c.en) : code;
  };
}

/** An address written the one way pages and PDFs write it (`kernel/address-format.ts`). */
export function addressText(a: AddressView): string {
  return formatAddress(a, (code) => code);
}

function Period({ from, until }: { from: string; until: string | null }) {
  const t = useT();
  const f = useFormat();
  return (
    <>
      {until ? t('pdf.period', { from: f.date(from), until: f.date(until) }) : t('pdf.since', { from: f.date(from) })}
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function PersonDetails({
  card,
  personLink,
}: {
  card: PersonCard;
  personLink?: (personId: string, text: string) => ReactNode;
}) {
  const t = useT();
  const label = useLabel();
  const country = useCountryName();
  const f = useFormat();
  const none = t('common.none');
  return (
    <>
      <section aria-labelledby="person-data">
        <h2 id="person-data">{t('register.section.person')}</h2>
        <dl className="summary-list">
          <Row label={t('register.field.personalCode')}>
            {card.personalCode ? formatPersonalCode(card.personalCode) : none}
          </Row>
          <Row label={t('register.field.givenNames')}>{card.givenNames ?? none}</Row>
          <Row label={t('register.field.surname')}>{card.surname ?? none}</Row>
          {card.originalName && <Row label={t('register.field.originalName')}>{card.originalName}</Row>}
          <Row label={t('register.field.birthSurname')}>{card.birthSurname ?? none}</Row>
          <Row label={t('register.field.sex')}>{card.sex ? t(`register.sex.${card.sex}`) : none}</Row>
          <Row label={t('register.field.birthDate')}>{card.birthDate ? f.date(card.birthDate) : none}</Row>
          <Row label={t('register.field.birthCountry')}>
            {card.birthCountry ? country(card.birthCountry) : none}
            {card.birthMunicipality
              ? `, ${findMunicipality(card.birthMunicipality)?.name ?? card.birthMunicipality}`
              : ''}
          </Row>
          <Row label={t('register.field.legalStatus')}>
            {card.legalStatus ? label('legalStatus', card.legalStatus) : none}
          </Row>
          <Row label={t('register.field.citizenships')}>{card.citizenships.map(country).join(', ') || none}</Row>
          {card.residenceRights.length > 0 && (
            <Row label={t('register.field.residenceRights')}>
              {card.residenceRights
                .map(
                  (r) =>
                    `${t(`register.residenceRight.${r.kind}`)} ${r.documentNumber}, ${r.validUntil ? t('pdf.period', { from: f.date(r.validFrom), until: f.date(r.validUntil) }) : t('pdf.since', { from: f.date(r.validFrom) })}`,
                )
                .join('; ')}
            </Row>
          )}
          {card.deathDate && <Row label={t('register.field.deathDate')}>{f.date(card.deathDate)}</Row>}
        </dl>
      </section>

      <section aria-labelledby="person-residence">
        <h2 id="person-residence">{t('register.section.residence')}</h2>
        <dl className="summary-list">
          <Row label={t('register.field.residence')}>
            {card.residence ? (
              <>
                {addressText(card.residence)} (
                <Period from={card.residence.validFrom} until={card.residence.validUntil} />)
              </>
            ) : (
              none
            )}
          </Row>
          {card.additionalAddresses.map((a, i) => (
            <Row key={i} label={t('register.field.additionalAddress')}>
              {addressText(a)} (<Period from={a.validFrom} until={a.validUntil} />)
            </Row>
          ))}
        </dl>
        {card.addressHistory.length > 1 && (
          <ScrollTable label={t('portal.data.addressHistory')}>
            <table className="data">
              <caption>{t('portal.data.addressHistory')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('register.field.residence')}</th>
                  <th scope="col">{t('register.field.period')}</th>
                </tr>
              </thead>
              <tbody>
                {card.addressHistory.map((a, i) => (
                  <tr key={i}>
                    <td>{addressText(a)}</td>
                    <td>
                      <Period from={a.validFrom} until={a.validUntil} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>

      {(card.earlierNames.length > 0 || card.codes.length > 1) && (
        <section aria-labelledby="person-history">
          <h2 id="person-history">{t('register.section.history')}</h2>
          <dl className="summary-list">
            {card.earlierNames.map((n, i) => (
              <Row key={`n${i}`} label={t('register.field.earlierName')}>
                {n.givenNames} {n.surname} (<Period from={n.validFrom} until={n.validUntil} />)
              </Row>
            ))}
            {card.codes.map((c) => (
              <Row key={c.personalCode} label={t('register.field.personalCode')}>
                {formatPersonalCode(c.personalCode)} (<Period from={c.validFrom} until={c.validUntil} />)
              </Row>
            ))}
          </dl>
        </section>
      )}

      <section aria-labelledby="person-relations">
        <h2 id="person-relations">{t('register.section.relations')}</h2>
        {card.relations.length === 0 ? (
          <p>{t('staff.person.noRelations')}</p>
        ) : (
          <ul>
            {card.relations.map((r) => {
              const name = `${r.givenNames} ${r.surname}`;
              return (
                <li key={`${r.kind}-${r.personId}`}>
                  {t(`register.relation.${r.kind}`)}: {personLink ? personLink(r.personId, name) : name},{' '}
                  {f.date(r.birthDate)}
                  {r.deathDate ? ` († ${f.date(r.deathDate)})` : ''} (<Period from={r.validFrom} until={r.validUntil} />
                  )
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

export function LifeEvents({ card }: { card: PersonCard }) {
  const t = useT();
  const label = useLabel();
  const f = useFormat();
  if (card.events.length === 0) return null;
  return (
    <section aria-labelledby="person-events">
      <h2 id="person-events">{t('register.section.events')}</h2>
      <ScrollTable label={t('register.section.events')}>
        <table className="data">
          <caption className="visually-hidden">{t('register.section.events')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.event.effectiveDate')}</th>
              <th scope="col">{t('staff.person.chooseEvent')}</th>
              <th scope="col">{t('register.field.legalBasis')}</th>
              <th scope="col">{t('staff.event.sourceDocument')}</th>
              <th scope="col">{t('staff.person.recordedTime')}</th>
            </tr>
          </thead>
          <tbody>
            {[...card.events].reverse().map((e) => (
              <tr key={e.id}>
                <td>{f.date(e.effectiveDate)}</td>
                <td>{label('event', e.kind)}</td>
                <td>{f.citation(e.legalBasis)}</td>
                <td>{e.sourceDocument ?? t('common.none')}</td>
                <td>{f.dateTime(e.recordedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
