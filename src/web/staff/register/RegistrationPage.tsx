/** Registering a person (a birth, or someone arriving from abroad) and the second officer's review of held registrations. */
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import * as c from '../../../shared/contracts/register.contract.ts';
import { LEGAL_STATUSES } from '../../../shared/kernel/legal-status.ts';
import { MUNICIPALITIES } from '../../../shared/kernel/municipalities.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle, useRevealOnOpen } from '../../ui/Layout.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useFormat } from '../../ui/format.ts';
import { AddressFieldset, addressLabels, EMPTY_ADDRESS_VALUES } from '../../ui/form/AddressFieldset.tsx';
import { CountrySelect } from '../../ui/form/CountrySelect.tsx';
import { Form } from '../../ui/form/Form.tsx';
import { DateInput, Select, SubmitButton, TextInput } from '../../ui/form/fields.tsx';
import { useContractForm } from '../../ui/form/useContractForm.ts';
import { hasPurpose, PURPOSE_GIVEN, purposeQuery, usePurpose, type Purpose } from './purpose.ts';
import { PurposeFieldset, purposeLabels, requirePurposeIn } from './PurposeFieldset.tsx';
import { codesAsText } from '../../ui/form/codes-as-text.ts';
import { SexSelect } from '../../ui/form/SexSelect.tsx';
import { NameInput } from '../../ui/form/NameInput.tsx';
import {
  CloseBirthFields,
  closeBirthConfirmation,
  isBirthsTooClose,
  NO_CLOSE_BIRTH_CONFIRMATION,
  useCloseBirthLabels,
} from './CloseBirthConfirmation.tsx';

const OptionalCode = c.PersonalCodeParam.optional();

/** A birth: the contract's request, with the parents given by personal code (looked up when the form is sent). */
const BirthForm = c.BirthBody.omit({ motherId: true, fatherId: true, closeBirthConfirmation: true })
  .extend({ mother: c.PersonalCodeParam, father: OptionalCode, closeBirthConfirmation })
  .refine(...requirePurposeIn);
/** A person arriving from abroad: the contract's request, citizenships typed as codes separated by commas. */
const ArrivalForm = c.PersonRegistrationBody.omit({ citizenships: true })
  .extend({
    citizenships: codesAsText(c.PersonRegistrationBody.shape.citizenships),
  })
  .refine(...requirePurposeIn);

function useLabels(): Record<string, string> {
  const t = useT();
  return {
    ...purposeLabels(t),
    givenNames: t('register.field.givenNames'),
    surname: t('register.field.surname'),
    originalName: t('register.field.originalName'),
    sex: t('register.field.sex'),
    birthDate: t('register.field.birthDate'),
    birthMunicipality: t('register.field.birthMunicipality'),
    mother: t('staff.registration.mother'),
    father: t('staff.registration.father'),
    birthCountry: t('register.field.birthCountry'),
    legalStatus: t('register.field.legalStatus'),
    citizenships: t('staff.event.citizenships'),
    housingBasis: t('declaration.housingBasis'),
    sourceDocument: t('staff.event.sourceDocument'),
    ...addressLabels(t, 'address'),
  };
}

export function RegistrationPage({ canReview }: { canReview: boolean }) {
  const t = useT();
  const [purpose] = usePurpose();
  const [kind, setKind] = useState<'birth' | 'arrival'>('birth');
  const [result, setResult] = useState<z.output<typeof c.RegistrationResult>>();
  const resultRef = useRevealOnOpen<HTMLDivElement>(Boolean(result), result);
  return (
    <>
      <PageTitle>{t('staff.registration.title')}</PageTitle>
      {result && (
        <div ref={resultRef} tabIndex={-1}>
          {result.status === 'registered' && result.personalCode && result.personId && (
            <Notice kind="success">
              {t('staff.registration.registered', { code: formatPersonalCode(result.personalCode) })}{' '}
              <Link to={`/register/persons/${result.personId}`} state={PURPOSE_GIVEN}>
                {t('staff.search.open')}
              </Link>
            </Notice>
          )}
          {result.status === 'held' && <Notice kind="warning">{t('staff.registration.held')}</Notice>}
        </div>
      )}
      <fieldset className="fieldset">
        <legend>{t('staff.registration.kind')}</legend>
        {(['birth', 'arrival'] as const).map((k) => (
          <div className="radio" key={k}>
            <input
              type="radio"
              id={`kind-${k}`}
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            <label htmlFor={`kind-${k}`}>
              {t(k === 'birth' ? 'staff.registration.birth' : 'staff.registration.arrival')}
            </label>
          </div>
        ))}
      </fieldset>
      {kind === 'birth' ? (
        <BirthRegistration key="birth" onDone={setResult} />
      ) : (
        <ArrivalRegistration key="arrival" onDone={setResult} />
      )}
      {canReview && <PendingRegistrations purpose={purpose} />}
    </>
  );
}

/** The fields both kinds share: the purpose first (the server records it with every read), then the person. */
function PersonFields({ children }: { children: ReactNode }) {
  const t = useT();
  const f = useFormat();
  return (
    <>
      <PurposeFieldset />
      <NameInput name="givenNames" />
      <NameInput name="surname" />
      <SexSelect />
      <DateInput name="birthDate" max={f.today()} />
      {children}
      <TextInput name="sourceDocument" hint={t('staff.event.sourceDocumentHint')} />
    </>
  );
}

function BirthRegistration({ onDone }: { onDone: (r: z.output<typeof c.RegistrationResult>) => void }) {
  const t = useT();
  const [purpose, setPurpose] = usePurpose();
  const form = useContractForm(BirthForm, {
    defaultValues: {
      ...purpose,
      givenNames: '',
      surname: '',
      sex: 'F',
      birthDate: '',
      birthMunicipality: 'LV-RIX',
      mother: '',
      sourceDocument: '',
      closeBirthConfirmation: NO_CLOSE_BIRTH_CONFIRMATION,
    },
    labels: { ...useLabels(), ...useCloseBirthLabels() },
  });
  // A birth close to a sibling's is refused until the officer confirms it: the refusal opens the confirmation.
  const [askCloseBirth, setAskCloseBirth] = useState(false);
  const save = useMutation({
    mutationFn: async ({ mother, father, ...body }: z.output<typeof BirthForm>) => {
      const query = purposeQuery(body);
      setPurpose({ caseReference: body.caseReference ?? '', reason: body.reason ?? '' });
      const idOf = async (code: string) => (await callApi(c.lookupPersonByCode, { params: { code }, query })).id;
      const fatherId = father ? await idOf(father) : undefined;
      return callApi(c.registerBirth, {
        body: { ...body, motherId: await idOf(mother), ...(fatherId ? { fatherId } : {}) },
      });
    },
    onSuccess: (r) => {
      onDone(r);
      form.reset();
      setAskCloseBirth(false);
    },
    onError: (e) => {
      if (isBirthsTooClose(e)) setAskCloseBirth(true);
      form.showServerError(e);
    },
  });
  return (
    <Form form={form} onSubmit={(v) => save.mutate(v)}>
      <PersonFields>
        <Select name="birthMunicipality">
          {MUNICIPALITIES.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </Select>
        <TextInput name="mother" inputMode="numeric" hint={t('staff.registration.codeHint')} className="input--short" />
        <TextInput name="father" inputMode="numeric" hint={t('staff.registration.codeHint')} className="input--short" />
      </PersonFields>
      {askCloseBirth && <CloseBirthFields />}
      <SubmitButton pending={save.isPending}>{t('staff.registration.submit')}</SubmitButton>
    </Form>
  );
}

function ArrivalRegistration({ onDone }: { onDone: (r: z.output<typeof c.RegistrationResult>) => void }) {
  const t = useT();
  const [purpose, setPurpose] = usePurpose();
  const form = useContractForm(ArrivalForm, {
    defaultValues: {
      ...purpose,
      givenNames: '',
      surname: '',
      sex: 'F',
      birthDate: '',
      birthCountry: '',
      legalStatus: 'foreigner',
      citizenships: '',
      address: EMPTY_ADDRESS_VALUES,
      housingBasis: '',
      sourceDocument: '',
    },
    labels: useLabels(),
  });
  const save = useMutation({
    mutationFn: (body: z.output<typeof ArrivalForm>) => {
      setPurpose({ caseReference: body.caseReference ?? '', reason: body.reason ?? '' });
      return callApi(c.registerPerson, { body });
    },
    onSuccess: (r) => {
      onDone(r);
      form.reset();
    },
    onError: form.showServerError,
  });
  return (
    <Form form={form} onSubmit={(v) => save.mutate(v)}>
      <PersonFields>
        <TextInput name="originalName" />
        <CountrySelect name="birthCountry" />
        <Select name="legalStatus">
          {LEGAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`legalStatus.${s}`)}
            </option>
          ))}
        </Select>
        <TextInput name="citizenships" className="input--short" />
        <AddressFieldset prefix="address" />
        <TextInput name="housingBasis" hint={t('portal.declare.housingHint')} />
      </PersonFields>
      <SubmitButton pending={save.isPending}>{t('staff.registration.submit')}</SubmitButton>
    </Form>
  );
}

/** The held registrations a second officer decides, each with its own note (the decision's request, less what the page adds). */
const DecisionForm = c.decidePendingRegistration.body.pick({ note: true });
type Pending = z.output<typeof c.listPendingRegistrations.response>['pending'][number];
type Decision = { decision: 'register' } | { decision: 'same-person'; existingPersonId: string };

function PendingRegistrations({ purpose }: { purpose: Purpose }) {
  const t = useT();
  const [decided, setDecided] = useState(false);
  const pending = useQuery({
    queryKey: ['pending', purpose],
    queryFn: () => callApi(c.listPendingRegistrations, { query: purposeQuery(purpose) }),
    enabled: hasPurpose(purpose),
  });
  if (!hasPurpose(purpose)) return null;
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">{t('staff.registration.pending')}</h2>
      {decided && <Notice kind="success">{t('staff.registration.decided')}</Notice>}
      {pending.data?.pending.length === 0 && <p>{t('staff.registration.noPending')}</p>}
      {pending.data?.pending.map((p) => (
        <PendingDecision
          key={p.id}
          held={p}
          purpose={purpose}
          onDecided={() => {
            setDecided(true);
            void pending.refetch();
          }}
        />
      ))}
    </section>
  );
}

/**
 * One held registration: the existing persons it may be, each with "the same person", and "register as new";
 * every decision gives its note, checked (and refused) in this registration's own form.
 */
function PendingDecision({ held, purpose, onDecided }: { held: Pending; purpose: Purpose; onDecided: () => void }) {
  const t = useT();
  const f = useFormat();
  const form = useContractForm(DecisionForm, {
    defaultValues: { note: '' },
    labels: { note: t('staff.registration.decisionNote') },
    idPrefix: `pending-${held.id}`,
  });
  const decide = useMutation({
    mutationFn: ({ note, ...decision }: z.output<typeof DecisionForm> & Decision) =>
      callApi(c.decidePendingRegistration, {
        params: { id: held.id },
        body: { ...decision, note, ...purposeQuery(purpose) },
      }),
    onSuccess: onDecided,
    onError: form.showServerError,
  });
  const as = (decision: Decision) => form.handleSubmit((v) => decide.mutate({ ...v, ...decision }));
  return (
    <div className="card">
      <h3 id={`pending-${held.id}-title`}>
        {held.givenNames} {held.surname}, {f.date(held.birthDate)}
      </h3>
      <Form
        form={form}
        onSubmit={(v) => decide.mutate({ ...v, decision: 'register' })}
        labelledBy={`pending-${held.id}-title`}
      >
        <ul>
          {held.candidates.map((cand) => (
            <li key={cand.id}>
              {cand.other.givenNames} {cand.other.surname}, {f.date(cand.other.birthDate)},{' '}
              {formatPersonalCode(cand.other.personalCode)} — {Math.round(cand.score * 100)}%
              <button
                type="button"
                className="button button--secondary"
                disabled={decide.isPending}
                onClick={(e) => void as({ decision: 'same-person', existingPersonId: cand.other.id })(e)}
              >
                {t('staff.registration.samePerson')}
              </button>
            </li>
          ))}
        </ul>
        <TextInput name="note" />
        <SubmitButton pending={decide.isPending}>{t('staff.registration.registerNew')}</SubmitButton>
      </Form>
    </div>
  );
}
