/**
 * The person card: shows nothing before a purpose is stated (the audit gate records it with every read);
 * reached from a search made under a purpose, it opens under that one and says so. Then the person as
 * true on a date and as the register showed it at a moment, the history on both time axes, and the
 * life-event forms.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { readPersonCard, readPersonHistory } from '../../../shared/contracts/register.contract.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../../ui/forms.tsx';
import { useFormErrors } from '../../ui/errors.ts';
import { LifeEvents, PersonDetails, useLabel } from '../../ui/PersonDetails.tsx';
import { useFormat } from '../../ui/format.ts';
import { ScrollTable } from '../../ui/Table.tsx';
import { PURPOSE_GIVEN, hasPurpose, purposeQuery, requirePurpose, usePurpose, usePurposeGiven, type Purpose } from './purpose.ts';
import { PurposeFields } from './PurposeFields.tsx';
import { LifeEventForm } from './LifeEventForm.tsx';
import { PersonDocuments } from '../documents/PersonDocuments.tsx';
import { DocumentDesk } from '../documents/DocumentDesk.tsx';

export function PersonPage({ canRecord, canReadDocuments, canInvalidateDocuments, canApply = false }: { canRecord: boolean; canReadDocuments: boolean; canInvalidateDocuments: boolean; canApply?: boolean }) {
  const t = useT();
  const f = useFormat();
  const formErrors = useFormErrors();
  const { personId = '' } = useParams();
  const [purpose, setPurpose] = usePurpose();
  const [confirmed, setConfirmed] = useState<string | undefined>(undefined);
  // A link from the search (or a relative on a card) carries the purpose along; "change" asks again.
  const purposeGiven = usePurposeGiven();
  const [asking, setAsking] = useState(false);
  const [asOf, setAsOf] = useState<{ validOn?: string; recordedAt?: string }>({});
  const [errors, setErrors] = useState<FormError[]>([]);
  const open = !asking && (confirmed === personId || (purposeGiven && hasPurpose(purpose)));

  const card = useQuery({
    queryKey: ['person', personId, asOf, purpose.caseReference, purpose.reason],
    queryFn: () => callApi(readPersonCard, { params: { personId }, query: { ...purposeQuery(purpose), validOn: asOf.validOn, recordedAt: asOf.recordedAt } }),
    enabled: open,
    retry: false,
  });
  const history = useMutation({ mutationFn: () => callApi(readPersonHistory, { params: { personId }, query: purposeQuery(purpose) }) });

  function confirm(event: FormEvent) {
    event.preventDefault();
    if (!requirePurpose(purpose, setErrors, t)) return;
    setErrors([]);
    setAsking(false);
    setConfirmed(personId);
  }

  function applyAsOf(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const validOn = String(form.get('validOn') ?? '') || undefined;
    const local = String(form.get('recordedAt') ?? '');
    history.reset();
    setAsOf({ validOn, recordedAt: local ? new Date(local).toISOString() : undefined });
  }

  if (!open) return <ConfirmPurpose purpose={purpose} onChange={setPurpose} errors={errors} onConfirm={confirm} />;
  if (card.isPending) return <p>{t('common.loading')}</p>;
  if (card.error) return <ErrorSummary errors={formErrors(card.error)} />;
  const c = card.data;
  const isNow = !asOf.validOn && !asOf.recordedAt;

  return (
    <>
      <PageTitle title={`${c.givenNames} ${c.surname}`}>{c.givenNames} {c.surname}</PageTitle>
      <PurposeLine purpose={purpose} onChange={() => setAsking(true)} />
      {c.deathDate && <Notice kind="warning">{t('staff.person.dead', { date: f.date(c.deathDate) })}</Notice>}
      <form className="inline-form" onSubmit={applyAsOf} aria-label={t('staff.person.asOf')} key={`${asOf.validOn ?? ''}|${asOf.recordedAt ?? ''}`}>
        <TextField id="validOn" label={t('staff.person.validOn')} type="date" defaultValue={asOf.validOn ?? ''} />
        <TextField id="recordedAt" label={t('staff.person.recordedAt')} hint={t('staff.person.recordedAtHint')} type="datetime-local" defaultValue="" />
        <div className="button-row">
          <button type="submit" className="button button--secondary">{t('staff.person.apply')}</button>
          {!isNow && <button type="button" className="button button--link" onClick={() => setAsOf({})}>{t('staff.person.now')}</button>}
        </div>
      </form>
      {!isNow && <p className="tag">{t('staff.person.asOf')}: {f.date(c.asOf.validOn)} · {f.dateTime(c.asOf.recordedAt)}</p>}
      {!c.existed ? <Notice kind="info">{t('staff.person.notExisting')}</Notice> : (
        <PersonDetails card={c} personLink={(id, name) => <Link to={`/register/persons/${id}`} state={PURPOSE_GIVEN}>{name}</Link>} />
      )}
      {isNow && <PersonDocuments personId={c.id} purpose={purpose} canRead={canReadDocuments} canInvalidate={canInvalidateDocuments} today={c.asOf.validOn} />}
      {isNow && canApply && <DocumentDesk personId={c.id} personName={`${c.givenNames} ${c.surname}`} />}
      {canRecord && isNow && <p><Link className="button button--secondary" to={`/cases/new?personId=${c.id}`}>{t('staff.person.startCorrection')}</Link></p>}
      <LifeEvents card={c} />
      {canRecord && isNow && !c.deathDate && <LifeEventForm card={c} purpose={purpose} onRecorded={() => void card.refetch()} />}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('staff.person.history')}</h2>
        <p className="hint">{t('staff.person.historyIntro')}</p>
        {!history.data && <button type="button" className="button button--secondary" onClick={() => history.mutate()}>{t('staff.person.showHistory')}</button>}
        {history.data && <HistoryTable rows={history.data.rows} />}
      </section>
    </>
  );
}

/** Before anything is shown: the officer states (or confirms) the purpose the reads will be recorded under. */
function ConfirmPurpose({ purpose, onChange, errors, onConfirm }: { purpose: Purpose; onChange: (p: Purpose) => void; errors: FormError[]; onConfirm: (e: FormEvent) => void }) {
  const t = useT();
  return (
    <>
      <PageTitle>{t('purpose.confirm')}</PageTitle>
      <ErrorSummary errors={errors} />
      <form onSubmit={onConfirm} noValidate>
        <PurposeFields purpose={purpose} onChange={onChange} error={errors[0]?.message} />
        <button type="submit" className="button">{t('purpose.confirm')}</button>
      </form>
    </>
  );
}

/** The purpose every read of this card is recorded under, and a way to state another. */
function PurposeLine({ purpose, onChange }: { purpose: Purpose; onChange: () => void }) {
  const t = useT();
  const text = purpose.caseReference.trim() ? `${t('purpose.caseReference')} ${purpose.caseReference.trim()}` : purpose.reason.trim();
  return (
    <p className="hint">
      {t('staff.person.purpose', { purpose: text })}{' '}
      <button type="button" className="button button--link" onClick={onChange}>{t('staff.person.changePurpose')}</button>
    </p>
  );
}

type HistoryRow = { fact: string; id: number; validFrom: string; validUntil: string | null; recordedAt: string; supersededAt: string | null; values: Record<string, unknown> };

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
      case 'code': return formatPersonalCode(str(v['personalCode']));
      case 'name': return `${str(v['givenNames'])} ${str(v['surname'])}${v['originalName'] ? ` (${str(v['originalName'])})` : ''}`;
      case 'core': return [
        `${t('register.field.sex')}: ${t(`register.sex.${str(v['sex'])}`)}`, `${t('register.field.birthDate')}: ${day(v['birthDate'])}`,
        `${t('register.field.birthCountry')}: ${str(v['birthCountry'])}`, v['deathDate'] ? `${t('register.field.deathDate')}: ${day(v['deathDate'])}` : '',
      ].filter(Boolean).join('; ');
      case 'status': return `${label('legalStatus', str(v['legalStatus']))}${Array.isArray(v['citizenships']) && v['citizenships'].length ? ` (${(v['citizenships'] as string[]).join(', ')})` : ''}`;
      case 'address': return `${v['isAdditional'] ? `${t('register.field.additionalAddress')}: ` : ''}${str(v['addressLine'])}${v['country'] !== 'LVA' ? `, ${str(v['country'])}` : ''}`;
      case 'relation': return `${label('register.relation', str(v['kind']))}: ${str(v['relatedPersonId'])}`;
      default: return '';
    }
  };
  return (
    <ScrollTable label={t('staff.person.history')}>
      <table className="data timeline">
        <caption className="visually-hidden">{t('staff.person.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.person.value')}</th><th scope="col">{t('staff.person.validTime')}</th>
            <th scope="col">{t('staff.person.recordedTime')}</th><th scope="col">{t('staff.person.replacedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.fact}-${r.id}`} className={r.supersededAt ? 'superseded' : undefined}>
              <td><strong>{label('fact', r.fact)}</strong> {describe(r.fact, r.values)}</td>
              <td>{r.validUntil ? t('pdf.period', { from: f.date(r.validFrom), until: f.date(r.validUntil) }) : t('pdf.since', { from: f.date(r.validFrom) })}</td>
              <td>{when(r.recordedAt)}</td>
              <td>{r.supersededAt ? when(r.supersededAt) : <span className="tag">{t('staff.person.current')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
