/** What a visa or invitation case is about, as rows of the case page's summary list (both apps). */
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';
import type { IssuedVisaView } from '../../../shared/contracts/migration-subjects.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useFormat } from '../../ui/format.ts';
import { endingPdfUrl } from './visa-links.ts';
import { Notice } from '../../ui/Notice.tsx';

type VisaSubject = Extract<CaseView['subject'], { kind: 'visa' }>;
type InvitationSubject = Extract<CaseView['subject'], { kind: 'invitation' }>;

export function VisaSubjectRows({ subject: s, audience }: { subject: VisaSubject; audience: 'staff' | 'resident' }) {
  const t = useT();
  const f = useFormat();
  return (
    <>
      <dt>{t('cases.field.applicant')}</dt>
      <dd>
        {s.givenNames} {s.surname}, {f.date(s.birthDate)}, {s.nationality}
      </dd>
      <dt>{t('visas.field.travelDocument')}</dt>
      <dd>
        {s.travelDocument.number} ({s.travelDocument.country}), {f.date(s.travelDocument.validUntil)}
      </dd>
      {s.national ? (
        <NationalGroundRows national={s.national} detail={s.purposeDetail} />
      ) : (
        <>
          <dt>{t('visas.field.purpose')}</dt>
          <dd>
            {s.purpose ? t(`visas.purpose.${s.purpose}`) : t('common.none')}
            {s.purposeDetail ? `: ${s.purposeDetail}` : ''}
          </dd>
        </>
      )}
      <dt>{t('visas.field.stay')}</dt>
      <dd>
        {f.date(s.intendedEntry)} – {f.date(s.intendedExit)} ({t(`visas.entries.${s.entriesRequested}`)})
      </dd>
      {s.invitation && (
        <>
          <dt>{t('visas.field.inviter')}</dt>
          <dd>
            {s.invitation.reference}: {s.invitation.inviterName}
          </dd>
        </>
      )}
      <EvidenceRows subject={s} />
      {s.visa && <IssuedVisaRows visa={s.visa} audience={audience} />}
    </>
  );
}

/**
 * A D visa's national ground: the ground and its legal basis, the longest validity it allows, whether the
 * application was made in Latvia (with the stay it follows on), and the ground's documents, each enclosed or
 * missing (the missing ones counted first and tagged, not by colour alone).
 */
function NationalGroundRows({
  national: n,
  detail,
}: {
  national: NonNullable<VisaSubject['national']>;
  detail: string;
}) {
  const t = useT();
  const f = useFormat();
  const missing = n.documents.filter((d) => !d.enclosed).length;
  const basis =
    n.clause === null ? t('visas.national.basisPmlp') : t('visas.national.basisClause', { clause: n.clause });
  return (
    <>
      <dt>{t('visas.national.ground')}</dt>
      <dd>
        {t(`visas.nationalGround.${n.ground}`)}
        {detail ? `: ${detail}` : ''}
        <br />
        <span className="hint">{basis}</span>
      </dd>
      <dt>{t('visas.national.maxValidity')}</dt>
      <dd>
        {t('visas.terms.days', { days: n.maxDays })}
        {n.minDays > 1 ? ` (${t('visas.national.minStay', { over: n.minDays - 1 })})` : ''}
      </dd>
      {n.currentStayUntil && (
        <>
          <dt>{t('visas.national.inCountry')}</dt>
          <dd>{t('visas.national.inCountryUntil', { until: f.date(n.currentStayUntil) })}</dd>
        </>
      )}
      <dt>{t('visas.national.documents')}</dt>
      <dd>
        <div>
          {missing
            ? t('permits.documents.missingCount', { missing, required: n.documents.length })
            : t('permits.documents.allEnclosed', { required: n.documents.length })}
        </div>
        <ul>
          {n.documents.map((d) => (
            <li key={d.code}>
              {t(`visas.nationalDocument.${d.code}`)}{' '}
              <span className={`tag ${d.enclosed ? 'tag--success' : 'tag--danger'}`}>
                {t(d.enclosed ? 'permits.document.enclosed' : 'permits.document.missing')}
              </span>
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

/** What the application rests on, for the officer who weighs it and the applicant who gave it: insurance, means, the fee. */
function EvidenceRows({ subject: s }: { subject: VisaSubject }) {
  const t = useT();
  const f = useFormat();
  const euros = (cents: number) => t('visas.fee.amount', { amount: f.money(cents) });
  return (
    <>
      <dt>{t('visas.form.insurance')}</dt>
      <dd>
        {s.insurance
          ? `${s.insurance.insurer}, ${s.insurance.policyNumber}: ${euros(s.insurance.coverageEur * 100)}, ${f.date(s.insurance.validFrom)} – ${f.date(s.insurance.validUntil)}`
          : t('common.none')}
      </dd>
      <dt>{t('visas.form.means')}</dt>
      <dd>
        {t(`visas.means.${s.means.kind}`)}: {euros(s.means.amountEur * 100)}
      </dd>
      <dt>{t('visas.fee.title')}</dt>
      <dd>
        {euros(s.fee.amountCents)}
        {s.fee.exemption ? ` (${t(`visas.exemption.${s.fee.exemption}`)})` : ''}
        {!s.payment
          ? `; ${t('visas.field.unpaid')}`
          : s.payment.amountCents !== s.fee.amountCents
            ? // A move to other rules changed the fee after it was paid: the rest is owed, or the excess refunded.
              `; ${t(s.payment.amountCents < s.fee.amountCents ? 'visas.field.paidPart' : 'visas.field.paidOver', {
                paid: euros(s.payment.amountCents),
                on: f.date(s.payment.paidOn),
              })}`
            : `; ${t('visas.field.paid', { on: f.date(s.payment.paidOn) })}`}
      </dd>
      {s.appealReason && (
        <>
          <dt>{t('visas.field.appealReason')}</dt>
          <dd>{s.appealReason}</dd>
        </>
      )}
    </>
  );
}

const STATUS_TAG = { valid: 'tag--success', annulled: 'tag--danger', revoked: 'tag--danger' } as const satisfies Record<
  IssuedVisaView['status'],
  string
>;

/**
 * The visa the decision issued: its number, status, what it allows, and the machine-readable zone as printed
 * (monospace, each line whole, scrolling in its own box on a narrow screen). An ended visa says how, when,
 * by whom and why; staff also get the form that told the holder (PDF; the resident receives it by post).
 */
function IssuedVisaRows({ visa: v, audience }: { visa: IssuedVisaView; audience: 'staff' | 'resident' }) {
  const t = useT();
  const f = useFormat();
  return (
    <>
      <dt>{t('visas.field.visaNumber')}</dt>
      <dd>{v.visaNumber}</dd>
      <dt>{t('visas.field.status')}</dt>
      <dd>
        <span className={`tag ${STATUS_TAG[v.status]}`}>{t(`visas.status.${v.status}`)}</span>
      </dd>
      {v.ended && (
        <>
          <dt>{t(`visas.ended.${v.ended.kind}`)}</dt>
          <dd>{t('visas.ended.summary', { on: f.date(v.ended.on), by: v.ended.by })}</dd>
          <dt>{t('visas.ended.grounds')}</dt>
          <dd>
            <ul>
              {v.ended.grounds.map((g) => (
                <li key={g}>{t(`visas.ground.${g}`)}</li>
              ))}
            </ul>
          </dd>
          <dt>{t('cases.field.reasoning')}</dt>
          <dd>
            {v.ended.reasoning}
            {audience === 'staff' && (
              <>
                <br />
                <a href={endingPdfUrl(v.visaNumber)} download>
                  {t('visas.ended.pdf')}
                </a>
              </>
            )}
          </dd>
        </>
      )}
      <dt>{t('visas.terms.territory')}</dt>
      <dd>{t(`visas.territory.${v.territory}`)}</dd>
      <dt>{t('visas.field.validity')}</dt>
      <dd>
        {f.date(v.validFrom)} – {f.date(v.validUntil)}
      </dd>
      <dt>{t('visas.field.entries')}</dt>
      <dd>{t(`visas.entries.${v.entries}`)}</dd>
      <dt>{t('visas.terms.duration')}</dt>
      <dd>{t('visas.terms.days', { days: v.durationDays })}</dd>
      <dt>{t('visas.field.mrz')}</dt>
      <dd>
        <code className="mrz" tabIndex={0} aria-label={t('visas.field.mrz')}>
          {v.mrz.map((line) => (
            <span key={line}>
              {line}
              <br />
            </span>
          ))}
        </code>
      </dd>
    </>
  );
}

export function InvitationSubjectRows({ subject: s }: { subject: InvitationSubject }) {
  const t = useT();
  const f = useFormat();
  const i = s.invitee;
  return (
    <>
      <dt>{t('visas.field.inviter')}</dt>
      <dd>{s.inviterName}</dd>
      <dt>{t('visas.field.invitee')}</dt>
      <dd>
        {i.givenNames} {i.surname}, {f.date(i.birthDate)}, {i.nationality}, {i.travelDocumentNumber}
      </dd>
      <dt>{t('visas.field.purpose')}</dt>
      <dd>{t(`visas.invitationPurpose.${s.purpose}`)}</dd>
      <dt>{t('visas.field.period')}</dt>
      <dd>
        {f.date(s.periodFrom)} – {f.date(s.periodUntil)}
      </dd>
      <dt>{t('visas.field.address')}</dt>
      <dd>{s.addressInLatvia}</dd>
    </>
  );
}

/** An ended visa said first, above the case's facts: whoever reads the case must not take the visa for valid. */
export function VisaEndedNotice({ subject: s }: { subject: CaseView['subject'] }) {
  const t = useT();
  const f = useFormat();
  if (s.kind !== 'visa' || !s.visa?.ended) return null;
  return (
    <Notice kind="warning">
      {t('visas.ended.notice', { number: s.visa.visaNumber, kind: s.visa.ended.kind, on: f.date(s.visa.ended.on) })}
    </Notice>
  );
}
