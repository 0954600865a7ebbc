/**
 * The person card: shows nothing before a purpose is stated (the audit gate records it with every read);
 * reached from a search made under a purpose, it opens under that one and says so. Then the person as
 * true on a date and as the register showed it at a moment, the history on both time axes, and the
 * life-event forms.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { readPersonCard, readPersonHistory } from '../../../shared/contracts/register.contract.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { LifeEvents, PersonDetails, useLabel } from '../../ui/PersonDetails.tsx';
import { useFormat } from '../../ui/format.ts';
import { Form } from '../../ui/form/Form.tsx';
import { DateInput, SubmitButton, TextInput } from '../../ui/form/fields.tsx';
import { useContractForm } from '../../ui/form/useContractForm.ts';
import { ScrollTable } from '../../ui/Table.tsx';
import { PURPOSE_GIVEN, hasPurpose, purposeQuery, usePurpose, usePurposeGiven, type Purpose } from './purpose.ts';
import { PurposeFieldset, purposeLabels, requirePurposeIn } from './PurposeFieldset.tsx';
import { LifeEventForm } from './LifeEventForm.tsx';
import { PersonDocuments } from '../documents/PersonDocuments.tsx';
import { DocumentDesk } from '../documents/DocumentDesk.tsx';
import { cardRightEnd } from '../../../shared/kernel/permit-grounds.ts';

/** The purpose the card is read under: the card's own query, its case reference or reason (one of them). */
const PurposeForm = readPersonCard.query.pick({ caseReference: true, reason: true }).refine(...requirePurposeIn);
const CardQuery = readPersonCard.query.shape;
/**
 * The card as of a day and a moment: the card's own query. The moment is typed on the officer's clock
 * (a `datetime-local` field) and sent as the instant the contract takes.
 */
const AsOfForm = z.object({
  validOn: CardQuery.validOn,
  recordedAt: z.iso
    .datetime({ local: true })
    .transform((local) => new Date(local).toISOString())
    .pipe(CardQuery.recordedAt.unwrap())
    .optional(),
});
type AsOf = z.output<typeof AsOfForm>;

export function PersonPage({
  canRecord,
  canReadDocuments,
  canInvalidateDocuments,
  canApply = false,
}: {
  canRecord: boolean;
  canReadDocuments: boolean;
  canInvalidateDocuments: boolean;
  canApply?: boolean;
}) {
  const t = useT();
  const f = useFormat();
  const { personId = '' } = useParams();
  const [purpose, setPurpose] = usePurpose();
  const [confirmed, setConfirmed] = useState<string | undefined>(undefined);
  // A link from the search (or a relative on a card) carries the purpose along; "change" asks again.
  const purposeGiven = usePurposeGiven();
  const [asking, setAsking] = useState(false);
  const [asOf, setAsOf] = useState<AsOf>({});
  // A read the server refused is tried again (from today) once the purpose is confirmed: a new attempt, a new read.
  const [attempt, setAttempt] = useState(0);
  const open = !asking && (confirmed === personId || (purposeGiven && hasPurpose(purpose)));

  const card = useQuery({
    queryKey: ['person', personId, asOf, purpose.caseReference, purpose.reason, attempt],
    queryFn: () => callApi(readPersonCard, { params: { personId }, query: { ...purposeQuery(purpose), ...asOf } }),
    enabled: open,
    retry: false,
  });
  const history = useMutation({
    mutationFn: () => callApi(readPersonHistory, { params: { personId }, query: purposeQuery(purpose) }),
  });

  function confirm(p: Purpose) {
    setPurpose(p);
    setAsking(false);
    setConfirmed(personId);
    if (card.isError) {
      setAsOf({});
      setAttempt((n) => n + 1);
    }
  }

  if (!open || card.isError) return <ConfirmPurpose purpose={purpose} refusal={card.error} onConfirm={confirm} />;
  if (card.isPending) return <p>{t('common.loading')}</p>;
  const c = card.data;
  const isNow = !asOf.validOn && !asOf.recordedAt;

  return (
    <>
      <PageTitle title={`${c.givenNames} ${c.surname}`}>
        {c.givenNames} {c.surname}
      </PageTitle>
      <PurposeLine purpose={purpose} onChange={() => setAsking(true)} />
      {c.deathDate && <Notice kind="warning">{t('staff.person.dead', { date: f.date(c.deathDate) })}</Notice>}
      <AsOfChoice
        key={`${asOf.validOn ?? ''}|${asOf.recordedAt ?? ''}`}
        asOf={asOf}
        onApply={(v) => {
          history.reset();
          setAsOf(v);
        }}
      />
      {!isNow && (
        <p className="tag">
          {t('staff.person.asOf')}: {f.date(c.asOf.validOn)} · {f.dateTime(c.asOf.recordedAt)}
        </p>
      )}
      {!c.existed ? (
        <Notice kind="info">{t('staff.person.notExisting')}</Notice>
      ) : (
        <PersonDetails
          card={c}
          personLink={(id, name) => (
            <Link to={`/register/persons/${id}`} state={PURPOSE_GIVEN}>
              {name}
            </Link>
          )}
        />
      )}
      {isNow && (
        <PersonDocuments
          personId={c.id}
          purpose={purpose}
          canRead={canReadDocuments}
          canInvalidate={canInvalidateDocuments}
          today={c.asOf.validOn}
        />
      )}
      {isNow && canApply && (
        <DocumentDesk
          personId={c.id}
          personName={`${c.givenNames} ${c.surname}`}
          permitEndsOn={cardRightEnd(c.residenceRights)}
        />
      )}
      {canRecord && isNow && (
        <p>
          <Link className="button button--secondary" to={`/cases/new?personId=${c.id}`}>
            {t('staff.person.startCorrection')}
          </Link>
        </p>
      )}
      <LifeEvents card={c} />
      {canRecord && isNow && !c.deathDate && (
        <LifeEventForm card={c} purpose={purpose} onRecorded={() => void card.refetch()} />
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('staff.person.history')}</h2>
        <p className="hint">{t('staff.person.historyIntro')}</p>
        {!history.data && (
          <button type="button" className="button button--secondary" onClick={() => history.mutate()}>
            {t('staff.person.showHistory')}
          </button>
        )}
        {history.data && <HistoryTable rows={history.data.rows} />}
      </section>
    </>
  );
}

/**
 * Before anything is shown: the officer states (or confirms) the purpose the reads will be recorded under.
 * A refused read (the person is not found, the purpose is refused) comes back here, with the server's words.
 */
function ConfirmPurpose({
  purpose,
  refusal,
  onConfirm,
}: {
  purpose: Purpose;
  refusal: unknown;
  onConfirm: (p: Purpose) => void;
}) {
  const t = useT();
  const form = useContractForm(PurposeForm, { defaultValues: purpose, labels: purposeLabels(t) });
  const { showServerError } = form;
  useEffect(() => {
    if (refusal) showServerError(refusal);
    // Each refusal once (the function itself is made anew on every render).
  }, [refusal]);
  return (
    <>
      <PageTitle>{t('purpose.confirm')}</PageTitle>
      <Form form={form} onSubmit={(v) => onConfirm({ caseReference: v.caseReference ?? '', reason: v.reason ?? '' })}>
        <PurposeFieldset />
        <SubmitButton>{t('purpose.confirm')}</SubmitButton>
      </Form>
    </>
  );
}

/** The card as true on a day, or as the register showed it at a moment; "today" goes back to now. */
function AsOfChoice({ asOf, onApply }: { asOf: AsOf; onApply: (asOf: AsOf) => void }) {
  const t = useT();
  const form = useContractForm(AsOfForm, {
    defaultValues: { validOn: asOf.validOn, recordedAt: undefined },
    labels: { validOn: t('staff.person.validOn'), recordedAt: t('staff.person.recordedAt') },
  });
  const isNow = !asOf.validOn && !asOf.recordedAt;
  return (
    <Form form={form} onSubmit={onApply} className="inline-form" label={t('staff.person.asOf')} filter>
      <DateInput name="validOn" />
      <TextInput name="recordedAt" type="datetime-local" hint={t('staff.person.recordedAtHint')} />
      <div className="button-row">
        <SubmitButton secondary>{t('staff.person.apply')}</SubmitButton>
        {!isNow && (
          <button type="button" className="button button--link" onClick={() => onApply({})}>
            {t('staff.person.now')}
          </button>
        )}
      </div>
    </Form>
  );
}

/** The purpose every read of this card is recorded under, and a way to state another. */
function PurposeLine({ purpose, onChange }: { purpose: Purpose; onChange: () => void }) {
  const t = useT();
  const text = purpose.caseReference.trim()
    ? `${t('purpose.caseReference')} ${purpose.caseReference.trim()}`
    : purpose.reason.trim();
  return (
    <p className="hint">
      {t('staff.person.purpose', { purpose: text })}{' '}
      <button type="button" className="button button--link" onClick={onChange}>
        {t('staff.person.changePurpose')}
      </button>
    </p>
  );
}

type HistoryRow = {
  fact: string;
  id: number;
  validFrom: string;
  validUntil: string | null;
  recordedAt: string;
  supersededAt: string | null;
  values: Record<string, unknown>;
};

function HistoryTable({ rows }: { rows: HistoryRow[] }) {
  const t = useT();
  const f = useFormat();
  const label = useLabel();
  const when = (iso: string) => f.dateTime(iso);
  const day = (v: unknown) => (typeof v === 'string' ? f.date(v) : '');
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  /** A fact in words, per kind (the same labels as the card). */
  const describe = (fact: string, v: Record<string, unknown>): string => {
    switch (fact) {
      case 'code':
        return formatPersonalCode(str(v['personalCode']));
      case 'name':
        return `${str(v['givenNames'])} ${str(v['surname'])}${v['originalName'] ? ` (${str(v['originalName'])})` : ''}`;
      case 'core':
        return [
          `${t('register.field.sex')}: ${t(`register.sex.${str(v['sex'])}`)}`,
          `${t('register.field.birthDate')}: ${day(v['birthDate'])}`,
          `${t('register.field.birthCountry')}: ${str(v['birthCountry'])}`,
          v['deathDate'] ? `${t('register.field.deathDate')}: ${day(v['deathDate'])}` : '',
        ]
          .filter(Boolean)
          .join('; ');
      case 'status':
        return `${label('legalStatus', str(v['legalStatus']))}${Array.isArray(v['citizenships']) && v['citizenships'].length ? ` (${(v['citizenships'] as string[]).join(', ')})` : ''}`;
      case 'address':
        return `${v['isAdditional'] ? `${t('register.field.additionalAddress')}: ` : ''}${str(v['addressLine'])}${v['country'] !== 'LVA' ? `, ${str(v['country'])}` : ''}`;
      case 'relation':
        return `${label('register.relation', str(v['kind']))}: ${str(v['relatedPersonId'])}`;
      case 'residence':
        return `${t(`register.residenceRight.${str(v['kind'])}`)} ${str(v['documentNumber'])}`;
      default:
        return '';
    }
  };
  return (
    <ScrollTable label={t('staff.person.history')}>
      <table className="data timeline">
        <caption className="visually-hidden">{t('staff.person.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.person.value')}</th>
            <th scope="col">{t('staff.person.validTime')}</th>
            <th scope="col">{t('staff.person.recordedTime')}</th>
            <th scope="col">{t('staff.person.replacedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.fact}-${r.id}`} className={r.supersededAt ? 'superseded' : undefined}>
              <td>
                <strong>{label('fact', r.fact)}</strong> {describe(r.fact, r.values)}
              </td>
              <td>
                {r.validUntil
                  ? t('pdf.period', { from: f.date(r.validFrom), until: f.date(r.validUntil) })
                  : t('pdf.since', { from: f.date(r.validFrom) })}
              </td>
              <td>{when(r.recordedAt)}</td>
              <td>
                {r.supersededAt ? when(r.supersededAt) : <span className="tag">{t('staff.person.current')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
