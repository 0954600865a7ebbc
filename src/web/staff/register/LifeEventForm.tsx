/** One form for every life event; the fields change with the event chosen. Persons named in an event are found by personal code. */
import { useState, type FormEvent } from 'react';
import type { EndpointContract } from '../../../shared/contracts/contract.ts';
import * as c from '../../../shared/contracts/register.contract.ts';
import { LEGAL_STATUSES } from '../../../shared/kernel/legal-status.ts';
import { surnameForSex } from '../../../shared/kernel/surname-forms.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../../ui/forms.tsx';
import { SelectField } from '../../ui/fields.tsx';
import { formErrorsFrom } from '../../ui/errors.ts';
import { AddressFields, EMPTY_ADDRESS, missingAddressFields, toAddressInput, type AddressDraft } from '../../ui/AddressFields.tsx';
import { purposeQuery, type Purpose } from './purpose.ts';

const EVENTS = ['address-declaration', 'name-change', 'marriage', 'divorce', 'status-change', 'code-change', 'guardianship', 'death'] as const;
type EventKind = (typeof EVENTS)[number];
const CONTRACT: Record<EventKind, EndpointContract> = {
  'address-declaration': c.recordAddressDeclaration, 'name-change': c.recordNameChange, marriage: c.recordMarriage, divorce: c.recordDivorce,
  'status-change': c.recordStatusChange, 'code-change': c.recordCodeChange, guardianship: c.recordGuardianship, death: c.recordDeath,
};

export function LifeEventForm({ card, purpose, onRecorded }: { card: c.PersonCard; purpose: Purpose; onRecorded: () => void }) {
  const t = useT();
  const [kind, setKind] = useState<EventKind>('address-declaration');
  const [address, setAddress] = useState<AddressDraft>(EMPTY_ADDRESS);
  const [otherCode, setOtherCode] = useState('');
  const [other, setOther] = useState<{ id: string; version: number; surname: string; sex: 'M' | 'F'; name: string } | undefined>();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const needsOther = kind === 'marriage' || kind === 'divorce' || kind === 'guardianship';
  const spouse = card.relations.find((r) => r.kind === 'spouse');

  async function findOther() {
    setErrors([]);
    try {
      const p = await callApi(c.lookupPersonByCode, { params: { code: otherCode.trim() }, query: purposeQuery(purpose) });
      setOther({ id: p.id, version: p.version, surname: p.surname, sex: p.sex, name: `${p.givenNames} ${p.surname}` });
    } catch (error) {
      setOther(undefined);
      setErrors(formErrorsFrom(error, t, { 'params.code': t('staff.event.spouse') }));
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const v = (k: string) => String(form.get(k) ?? '').trim();
    const base = { ...purposeQuery(purpose), sourceDocument: v('sourceDocument'), expectedVersion: card.version, ...(v('legalBasis') ? { legalBasis: v('legalBasis') } : {}) };
    const missing: FormError[] = [];
    if (!base.sourceDocument) missing.push({ field: 'sourceDocument', message: t('errors.invalidField', { field: t('staff.event.sourceDocument') }) });
    if (kind === 'address-declaration') for (const f of missingAddressFields(address, 'event-address')) missing.push({ field: f, message: t('errors.invalidField', { field: t(`address.${f.replace('event-address-', '')}`.replace('municipalityCode', 'municipality')) }) });
    if (needsOther && !other) missing.push({ field: 'otherCode', message: t('errors.invalidField', { field: t(kind === 'guardianship' ? 'staff.event.guardian' : 'staff.event.spouse') }) });
    if (missing.length) {
      setErrors(missing);
      return;
    }
    const bodies: Record<EventKind, () => unknown> = {
      'address-declaration': () => ({ ...base, effectiveDate: v('effectiveDate'), address: toAddressInput(address), housingBasis: v('housingBasis') }),
      'name-change': () => ({ ...base, effectiveDate: v('effectiveDate'), givenNames: v('givenNames'), surname: v('surname') }),
      marriage: () => ({ ...base, effectiveDate: v('effectiveDate'), spouseId: other?.id, spouseExpectedVersion: other?.version, surname: v('surname'), spouseSurname: v('spouseSurname') }),
      divorce: () => ({ ...base, effectiveDate: v('effectiveDate'), spouseId: other?.id, spouseExpectedVersion: other?.version, surname: v('surname'), spouseSurname: v('spouseSurname') }),
      'status-change': () => ({ ...base, effectiveDate: v('effectiveDate'), legalStatus: v('legalStatus'), citizenships: v('citizenships').split(/[\s,]+/).filter(Boolean).map((s) => s.toUpperCase()) }),
      'code-change': () => ({ ...base, effectiveDate: v('effectiveDate') }),
      guardianship: () => ({ ...base, effectiveDate: v('effectiveDate'), guardianId: other?.id, ...(v('until') ? { until: v('until') } : {}) }),
      death: () => ({ ...base, deathDate: v('deathDate') }),
    };
    setBusy(true);
    try {
      await callApi(CONTRACT[kind], { params: { personId: card.id }, body: bodies[kind]() });
      setErrors([]);
      setDone(true);
      setOther(undefined);
      setOtherCode('');
      onRecorded();
    } catch (error) {
      setErrors(formErrorsFrom(error, t, {
        effectiveDate: t('staff.event.effectiveDate'), deathDate: t('staff.event.deathDate'), givenNames: t('register.field.givenNames'), surname: t('staff.event.surnameAfter'),
        spouseSurname: t('staff.event.spouseSurname'), sourceDocument: t('staff.event.sourceDocument'), citizenships: t('register.field.citizenships'), housingBasis: t('declaration.housingBasis'),
        spouseId: t('staff.event.spouse'), guardianId: t('staff.event.guardian'), personId: t('register.field.person'), expectedVersion: t('register.field.person'), until: t('staff.event.until'),
        'address.country': t('address.country'), 'address.postcode': t('address.postcode'), 'address.municipalityCode': t('address.municipality'),
      }));
    } finally {
      setBusy(false);
    }
  }

  const ownSurnames = [...new Set([card.surname ?? '', other ? surnameForSex(other.surname, card.sex ?? 'M') : '', other ? `${card.surname}-${surnameForSex(other.surname, card.sex ?? 'M')}` : ''].filter(Boolean))];
  const otherSurnames = other ? [...new Set([other.surname, surnameForSex(card.surname ?? '', other.sex), `${other.surname}-${surnameForSex(card.surname ?? '', other.sex)}`])] : [];

  return (
    <section aria-labelledby="event-title">
      <h2 id="event-title">{t('staff.person.recordEvent')}</h2>
      {done && <Notice kind="success">{t('staff.event.recorded')}</Notice>}
      <ErrorSummary errors={errors} />
      <SelectField id="eventKind" label={t('staff.person.chooseEvent')} value={kind} onChange={(e) => { setKind(e.target.value as EventKind); setDone(false); setErrors([]); setOther(undefined); }}>
        {EVENTS.map((k) => <option key={k} value={k}>{t(`event.${k}`)}</option>)}
      </SelectField>
      <form onSubmit={(e) => void submit(e)} noValidate key={kind}>
        {kind === 'death'
          ? <TextField id="deathDate" label={t('staff.event.deathDate')} type="date" />
          : <TextField id="effectiveDate" label={t('staff.event.effectiveDate')} type="date" />}
        {kind === 'address-declaration' && (
          <>
            <AddressFields prefix="event-address" value={address} onChange={setAddress} errors={Object.fromEntries(errors.filter((e) => e.field).map((e) => [e.field as string, e.message]))} />
            <TextField id="housingBasis" label={t('declaration.housingBasis')} hint={t('portal.declare.housingHint')} />
          </>
        )}
        {kind === 'name-change' && (
          <>
            <TextField id="givenNames" label={t('register.field.givenNames')} defaultValue={card.givenNames ?? ''} />
            <TextField id="surname" label={t('register.field.surname')} defaultValue={card.surname ?? ''} />
          </>
        )}
        {needsOther && (
          <div className="inline-form">
            <TextField id="otherCode" label={t(kind === 'guardianship' ? 'staff.event.guardian' : 'staff.event.spouse')} value={otherCode} onChange={(e) => setOtherCode(e.target.value)}
              hint={kind === 'divorce' && spouse ? `${spouse.givenNames} ${spouse.surname}` : undefined} inputMode="numeric" />
            <button type="button" className="button button--secondary" onClick={() => void findOther()}>{t('staff.search.submit')}</button>
            {other && <p className="tag">{other.name}</p>}
          </div>
        )}
        {(kind === 'marriage' || kind === 'divorce') && other && (
          <>
            <TextField id="surname" label={t('staff.event.surnameAfter')} defaultValue={card.surname ?? ''} list="own-surnames" hint={t('staff.event.surnameSuggestions', { options: ownSurnames.join(', ') })} />
            <datalist id="own-surnames">{ownSurnames.map((s) => <option key={s} value={s} />)}</datalist>
            <TextField id="spouseSurname" label={t('staff.event.spouseSurname')} defaultValue={other.surname} list="other-surnames" hint={t('staff.event.surnameSuggestions', { options: otherSurnames.join(', ') })} />
            <datalist id="other-surnames">{otherSurnames.map((s) => <option key={s} value={s} />)}</datalist>
          </>
        )}
        {kind === 'guardianship' && <TextField id="until" label={t('staff.event.until')} type="date" />}
        {kind === 'status-change' && (
          <>
            <SelectField id="legalStatus" label={t('register.field.legalStatus')} defaultValue={card.legalStatus ?? 'citizen'}>
              {LEGAL_STATUSES.map((s) => <option key={s} value={s}>{t(`legalStatus.${s}`)}</option>)}
            </SelectField>
            <TextField id="citizenships" label={t('staff.event.citizenships')} defaultValue={card.citizenships.join(', ')} />
          </>
        )}
        {kind === 'code-change' && <p className="hint">{t('staff.event.codeChangeHint')}</p>}
        <TextField id="sourceDocument" label={t('staff.event.sourceDocument')} hint={t('staff.event.sourceDocumentHint')} />
        <TextField id="legalBasis" label={t('staff.event.legalBasis')} />
        <button type="submit" className="button" disabled={busy}>{t('staff.event.submit')}</button>
      </form>
    </section>
  );
}
