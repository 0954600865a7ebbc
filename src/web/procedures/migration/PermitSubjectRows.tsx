/**
 * What a residence case is about, as rows of the case page's summary list (both apps): the applicant as they
 * presented themselves (and their personal code once the register knows them), the right asked for and on
 * which ground, what the ground rests on, every document the ground asks for (a missing one marked as such),
 * the fee, and once granted the permit itself; a cancelled permit says when, by whom, on which grounds and why.
 */
import { useQuery } from '@tanstack/react-query';
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';
import type { GrantedPermitView } from '../../../shared/contracts/permit-subjects.ts';
import { listCountries } from '../../../shared/contracts/register.contract.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { callApi } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { useFormat } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';

type PermitSubject = Extract<CaseView['subject'], { kind: 'residence-permit' }>;

/** A country's name in the page's language (the code itself until the list has come, or for a code it lacks). */
export function useCountryName(): (code: string) => string {
  const { locale } = useLocale();
  // The same query as the country lists of the forms, so a page holding both reads the list once.
  const countries = useQuery({ queryKey: ['countries'], queryFn: () => callApi(listCountries), staleTime: Infinity });
  return (code) => {
    const c = countries.data?.countries.find((x) => x.code === code);
    return c ? `${locale === 'lv' ? c.lv : c.en} (${code})` : code;
  };
}

export function PermitSubjectRows({ subject: s }: { subject: PermitSubject }) {
  const t = useT();
  const f = useFormat();
  const country = useCountryName();
  return (
    <>
      <dt>{t('cases.field.applicant')}</dt>
      <dd>
        {s.givenNames} {s.surname}
      </dd>
      <dt>{t('register.field.personalCode')}</dt>
      <dd>
        {s.personalCode
          ? formatPersonalCode(s.personalCode)
          : s.personId
            ? t('permits.field.inRegister')
            : t('permits.field.notRegistered')}
      </dd>
      <dt>{t('register.field.sex')}</dt>
      <dd>{t(`register.sex.${s.sex}`)}</dd>
      <dt>{t('register.field.birthDate')}</dt>
      <dd>{f.date(s.birthDate)}</dd>
      <dt>{t('register.field.birthCountry')}</dt>
      <dd>{country(s.birthCountry)}</dd>
      <dt>{t('visas.form.nationality')}</dt>
      <dd>{country(s.nationality)}</dd>
      <dt>{t('permits.field.travelDocument')}</dt>
      <dd>
        {t('permits.field.travelDocumentValue', {
          number: s.travelDocument.number,
          country: s.travelDocument.country,
          until: f.date(s.travelDocument.validUntil),
        })}
      </dd>
      <dt>{t('permits.field.kind')}</dt>
      <dd>
        {t(`permits.kind.${s.permitKind}`)}: {t(`permits.ground.${s.ground}`)}
      </dd>
      <dt>{t('permits.field.application')}</dt>
      <dd>{t(`permits.application.${s.application}`)}</dd>
      <dt>{t('permits.field.tier')}</dt>
      <dd>{t(`permits.tier.${s.tier}`)}</dd>
      {s.requestedUntil && (
        <>
          <dt>{t('permits.field.requestedUntil')}</dt>
          <dd>{f.date(s.requestedUntil)}</dd>
        </>
      )}
      {s.sponsor && (
        <>
          <dt>{t('permits.field.sponsorShort')}</dt>
          <dd>{s.sponsor}</dd>
        </>
      )}
      {s.ground === 'blue-card' && (
        <>
          <dt>{t('permits.field.shortageOccupation')}</dt>
          <dd>{t(s.shortageOccupation ? 'common.yes' : 'common.no')}</dd>
        </>
      )}
      <dt>{t('permits.field.income')}</dt>
      <dd>
        {s.monthlyIncomeEur === null
          ? t('common.none')
          : t('permits.field.incomeAmount', { amount: f.money(s.monthlyIncomeEur * 100) })}
      </dd>
      <dt>{t('permits.field.address')}</dt>
      <dd>{s.addressInLatvia}</dd>
      <DocumentRows documents={s.documents} enclosedBy={s.enclosedBy} filesUploaded={s.filesUploaded} />
      <dt>{t('permits.fee.title')}</dt>
      <dd>
        {s.fee.amountCents
          ? t('permits.fee.amount', { amount: f.money(s.fee.amountCents) })
          : t('permits.fee.noneBasis', { act: f.citation(s.fee.legalAct) })}
        {s.fee.amountCents > 0 && (
          <>
            ;{' '}
            {s.payment ? (
              t('permits.fee.paid', { on: f.date(s.payment.paidOn), method: t(`permits.payment.${s.payment.method}`) })
            ) : (
              <span className="tag tag--danger">{t('permits.fee.unpaid')}</span>
            )}
          </>
        )}
      </dd>
      {s.permit && <GrantedPermitRows permit={s.permit} />}
    </>
  );
}

/**
 * The checklist of the documents the ground asks for: each ticked as enclosed or missing, the missing ones first
 * said in a count and marked in red (not by colour alone: the tag says "missing"). A tick is what the officer at
 * the desk or the applicant online said, not a file: the list says who ticked, and how many files came with the
 * case (they are listed with the case's documents), and a ticked one is not shown as checked (no green).
 */
function DocumentRows({
  documents,
  enclosedBy,
  filesUploaded,
}: {
  documents: PermitSubject['documents'];
  enclosedBy: PermitSubject['enclosedBy'];
  filesUploaded: number;
}) {
  const t = useT();
  const missing = documents.filter((d) => !d.enclosed).length;
  return (
    <>
      <dt>{t('permits.field.documents')}</dt>
      <dd>
        <div>
          {missing
            ? t('permits.documents.missingCount', { missing, required: documents.length })
            : t('permits.documents.allEnclosed', { required: documents.length })}
        </div>
        <div className="hint">
          {t(enclosedBy === 'applicant' ? 'permits.documents.byApplicant' : 'permits.documents.byOfficer')}{' '}
          {t('permits.documents.files', { count: filesUploaded })}
        </div>
        <ul>
          {documents.map((d) => (
            <li key={d.code}>
              {t(`permits.document.${d.code}`)}{' '}
              <span className={`tag${d.enclosed ? '' : ' tag--danger'}`}>
                {t(d.enclosed ? 'permits.document.enclosed' : 'permits.document.missing')}
              </span>
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

const STATUS_TAG = { valid: 'tag--success', cancelled: 'tag--danger' } as const satisfies Record<
  GrantedPermitView['status'],
  string
>;

/** The permit the decision granted: its number, period (or none), how long its card may be valid, and its status. */
function GrantedPermitRows({ permit: p }: { permit: GrantedPermitView }) {
  const t = useT();
  const f = useFormat();
  return (
    <>
      <dt>{t('permits.field.permitNumber')}</dt>
      <dd>{p.permitNumber}</dd>
      <dt>{t('permits.field.status')}</dt>
      <dd>
        <span className={`tag ${STATUS_TAG[p.status]}`}>{t(`permits.status.${p.status}`)}</span>
      </dd>
      <dt>{t('permits.field.validity')}</dt>
      <dd>
        {f.date(p.validFrom)} – {p.validUntil ? f.date(p.validUntil) : t('permits.noEnd')}
      </dd>
      {p.cardValidUntil && (
        <>
          <dt>{t('permits.field.cardUntil')}</dt>
          <dd>{f.date(p.cardValidUntil)}</dd>
        </>
      )}
      {p.cancelled && (
        <>
          <dt>{t('permits.cancelled.title')}</dt>
          <dd>
            {/* The day it was decided beside the day it takes effect (a cancellation may be from a later day). */}
            {p.cancelled.decidedOn
              ? t('permits.cancelled.summaryDecided', {
                  on: f.date(p.cancelled.on),
                  by: p.cancelled.by,
                  decidedOn: f.date(p.cancelled.decidedOn),
                })
              : t('permits.cancelled.summary', { on: f.date(p.cancelled.on), by: p.cancelled.by })}
          </dd>
          <dt>{t('permits.cancelled.grounds')}</dt>
          <dd>
            <ul>
              {p.cancelled.grounds.map((g) => (
                <li key={g}>{t(`permits.cancelGround.${g}`)}</li>
              ))}
            </ul>
          </dd>
          <dt>{t('cases.field.reasoning')}</dt>
          <dd>{p.cancelled.reasoning}</dd>
        </>
      )}
    </>
  );
}

/** A cancelled permit said first, above the case's facts: whoever reads the case must not take the permit for valid. */
export function PermitCancelledNotice({ subject: s }: { subject: CaseView['subject'] }) {
  const t = useT();
  const f = useFormat();
  if (s.kind !== 'residence-permit' || !s.permit?.cancelled) return null;
  return (
    <Notice kind="warning">
      {t('permits.cancelled.notice', { number: s.permit.permitNumber, on: f.date(s.permit.cancelled.on) })}
    </Notice>
  );
}
