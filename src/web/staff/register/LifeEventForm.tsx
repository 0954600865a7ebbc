/**
 * One form for every life event; the fields change with the event chosen. Each event's form is its
 * contract's request (without what the page supplies: the purpose, the card's version, the other person's
 * id), so the browser refuses exactly what the server would. Persons named in an event are found by
 * personal code when the form is sent; "Find" shows who it is beforehand, with the surname choices.
 */
import { useState, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { EndpointContract } from '../../../shared/contracts/contract.ts';
import * as c from '../../../shared/contracts/register.contract.ts';
import { LEGAL_STATUSES } from '../../../shared/kernel/legal-status.ts';
import { surnameForSex } from '../../../shared/kernel/surname-forms.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useProblemText } from '../../ui/errors.ts';
import { useRevealOnOpen } from '../../ui/Layout.tsx';
import { useFormat } from '../../ui/format.ts';
import { AddressFieldset, addressLabels, EMPTY_ADDRESS_VALUES } from '../../ui/form/AddressFieldset.tsx';
import { Form } from '../../ui/form/Form.tsx';
import { DateInput, Select, SubmitButton, TextInput } from '../../ui/form/fields.tsx';
import { useContractForm } from '../../ui/form/useContractForm.ts';
import { useFilterForm } from '../../ui/form/useFilterForm.ts';
import { purposeQuery, type Purpose } from './purpose.ts';
import { codesAsText } from '../../ui/form/codes-as-text.ts';

const EVENTS = [
  'address-declaration',
  'name-change',
  'marriage',
  'divorce',
  'status-change',
  'code-change',
  'guardianship',
  'death',
] as const satisfies readonly c.LifeEventKind[];
type EventKind = (typeof EVENTS)[number];
/** Which event's form is shown: the page's own choice (each event has its own endpoint), not a request. */
const EventChoice = z.object({ eventKind: z.enum(EVENTS) });
const CONTRACT: Record<EventKind, EndpointContract> = {
  'address-declaration': c.recordAddressDeclaration,
  'name-change': c.recordNameChange,
  marriage: c.recordMarriage,
  divorce: c.recordDivorce,
  'status-change': c.recordStatusChange,
  'code-change': c.recordCodeChange,
  guardianship: c.recordGuardianship,
  death: c.recordDeath,
};

/** What the page adds to every event: the purpose the officer works under and the version of the card they saw. */
const PAGE = { caseReference: true, reason: true, expectedVersion: true } as const;
const otherCode = { otherCode: c.PersonalCodeParam };
const citizenshipCodes = codesAsText(c.StatusChangeBody.shape.citizenships);
/** The consent for a spouse under 18, left out when its fields are empty (most marriages need none). */
const minorConsent = z.preprocess(
  (v) =>
    v && typeof v === 'object' && !('givenBy' in v && v.givenBy) && !('document' in v && v.document) ? undefined : v,
  c.MarriageBody.shape.minorConsent,
);
const FORMS: Record<EventKind, z.ZodType> = {
  'address-declaration': c.AddressDeclarationBody.omit({ ...PAGE, additionalAddresses: true }),
  'name-change': c.NameChangeBody.omit(PAGE),
  marriage: c.MarriageBody.omit({ ...PAGE, spouseId: true, spouseExpectedVersion: true }).extend({
    ...otherCode,
    minorConsent,
  }),
  divorce: c.DivorceBody.omit({ ...PAGE, spouseId: true, spouseExpectedVersion: true }).extend(otherCode),
  'status-change': c.StatusChangeBody.omit(PAGE).extend({ citizenships: citizenshipCodes }),
  'code-change': c.CodeChangeBody.omit(PAGE),
  guardianship: c.GuardianshipBody.omit({ ...PAGE, guardianId: true }).extend(otherCode),
  death: c.DeathBody.omit(PAGE),
};

interface Other {
  code: string;
  id: string;
  version: number;
  surname: string;
  sex: 'M' | 'F';
  name: string;
}

export function LifeEventForm({
  card,
  purpose,
  onRecorded,
}: {
  card: c.PersonCard;
  purpose: Purpose;
  onRecorded: () => void;
}) {
  const t = useT();
  const [recorded, setRecorded] = useState(0);
  const choice = useFilterForm(EventChoice, {
    defaultValues: { eventKind: 'address-declaration' },
    labels: { eventKind: t('staff.person.chooseEvent') },
    onApply: () => setRecorded(0),
  });
  const kind = choice.query?.eventKind ?? 'address-declaration';
  const done = useRevealOnOpen<HTMLDivElement>(recorded > 0, recorded);
  return (
    <section aria-labelledby="event-title">
      <h2 id="event-title">{t('staff.person.recordEvent')}</h2>
      {recorded > 0 && (
        <div ref={done} tabIndex={-1}>
          <Notice kind="success">{t('staff.event.recorded')}</Notice>
        </div>
      )}
      <Form form={choice.form} onSubmit={choice.apply} filter>
        <Select name="eventKind">
          {EVENTS.map((k) => (
            <option key={k} value={k}>
              {t(`event.${k}`)}
            </option>
          ))}
        </Select>
      </Form>
      <EventForm
        key={`${kind}-${recorded}`}
        kind={kind}
        card={card}
        purpose={purpose}
        onRecorded={() => {
          setRecorded(Date.now());
          onRecorded();
        }}
      />
    </section>
  );
}

function defaultsFor(kind: EventKind, card: c.PersonCard): Record<string, unknown> {
  const base = { sourceDocument: '', effectiveDate: '' };
  switch (kind) {
    case 'address-declaration':
      return { ...base, address: EMPTY_ADDRESS_VALUES, housingBasis: '' };
    case 'name-change':
      return { ...base, givenNames: card.givenNames ?? '', surname: card.surname ?? '' };
    case 'marriage':
      return {
        ...base,
        otherCode: '',
        surname: card.surname ?? '',
        spouseSurname: '',
        minorConsent: { givenBy: '', document: '' },
      };
    case 'divorce':
      return { ...base, otherCode: '', surname: card.surname ?? '', spouseSurname: '' };
    case 'status-change':
      return { ...base, legalStatus: card.legalStatus ?? 'citizen', citizenships: card.citizenships.join(', ') };
    case 'guardianship':
      return { ...base, otherCode: '' };
    case 'death':
      return { sourceDocument: '', deathDate: '' };
    default:
      return base;
  }
}

function EventForm({
  kind,
  card,
  purpose,
  onRecorded,
}: {
  kind: EventKind;
  card: c.PersonCard;
  purpose: Purpose;
  onRecorded: () => void;
}) {
  const t = useT();
  const problemText = useProblemText();
  const [other, setOther] = useState<Other>();
  const [lookupError, setLookupError] = useState<string>();
  const otherLabel = t(kind === 'guardianship' ? 'staff.event.guardian' : 'staff.event.spouse');
  const form = useContractForm(FORMS[kind], {
    defaultValues: defaultsFor(kind, card) as never,
    labels: {
      effectiveDate: t('staff.event.effectiveDate'),
      deathDate: t('staff.event.deathDate'),
      givenNames: t('register.field.givenNames'),
      surname: kind === 'name-change' ? t('register.field.surname') : t('staff.event.surnameAfter'),
      spouseSurname: t('staff.event.spouseSurname'),
      otherCode: otherLabel,
      until: t('staff.event.until'),
      legalStatus: t('register.field.legalStatus'),
      citizenships: t('staff.event.citizenships'),
      housingBasis: t('declaration.housingBasis'),
      sourceDocument: t('staff.event.sourceDocument'),
      legalBasis: t('staff.event.legalBasis'),
      minorConsent: t('staff.event.minorConsent'),
      'minorConsent.givenBy': t('staff.event.minorConsentBy'),
      'minorConsent.document': t('staff.event.minorConsentDocument'),
      ...addressLabels(t, 'address'),
    },
  });
  const lookup = async (code: string): Promise<Other> => {
    const p = await callApi(c.lookupPersonByCode, { params: { code }, query: purposeQuery(purpose) });
    return { code, id: p.id, version: p.version, surname: p.surname, sex: p.sex, name: `${p.givenNames} ${p.surname}` };
  };
  const save = useMutation({
    mutationFn: async ({ otherCode: code, ...values }: Record<string, unknown>) => {
      // The person shown after "Find" is used only if the code was not changed since.
      const found = typeof code === 'string' ? (other?.code === code ? other : await lookup(code)) : undefined;
      const withOther = !found
        ? {}
        : kind === 'guardianship'
          ? { guardianId: found.id }
          : { spouseId: found.id, spouseExpectedVersion: found.version };
      return callApi(CONTRACT[kind], {
        params: { personId: card.id },
        body: { ...values, ...withOther, ...purposeQuery(purpose), expectedVersion: card.version },
      });
    },
    onSuccess: onRecorded,
    onError: form.showServerError,
  });
  const code = useWatch({ control: form.control, name: 'otherCode' as never }) as unknown as string | undefined;
  const find = () => {
    setLookupError(undefined);
    const parsed = c.PersonalCodeParam.safeParse(code ?? '');
    if (!parsed.success) return void form.trigger('otherCode' as never);
    lookup(parsed.data).then(
      (o) => {
        setOther(o);
        if ((kind === 'marriage' || kind === 'divorce') && !form.getValues('spouseSurname' as never))
          form.setValue('spouseSurname' as never, o.surname as never);
      },
      (e: unknown) => {
        setOther(undefined);
        setLookupError(problemText(e));
      },
    );
  };
  const spouse = card.relations.find((r) => r.kind === 'spouse');
  const needsOther = kind === 'marriage' || kind === 'divorce' || kind === 'guardianship';
  return (
    <Form form={form} onSubmit={(v) => save.mutate(v as Record<string, unknown>)}>
      <EventFields kind={kind} card={card} other={other}>
        {needsOther && (
          <div className="inline-form">
            <TextInput
              name="otherCode"
              inputMode="numeric"
              hint={
                kind === 'divorce' && spouse
                  ? `${spouse.givenNames} ${spouse.surname}`
                  : t('staff.registration.codeHint')
              }
            />
            <button type="button" className="button button--secondary" onClick={find}>
              {t('staff.event.find')}
            </button>
            {other && (
              <p className="tag" role="status">
                {other.name}
              </p>
            )}
            {lookupError && (
              <p className="field-error" role="alert">
                {lookupError}
              </p>
            )}
          </div>
        )}
      </EventFields>
      <SubmitButton pending={save.isPending}>{t('staff.event.submit')}</SubmitButton>
    </Form>
  );
}

/** The fields of one kind of event, in the order a record is read; `children` is where the other person is found. */
function EventFields({
  kind,
  card,
  other,
  children,
}: {
  kind: EventKind;
  card: c.PersonCard;
  other: Other | undefined;
  children: ReactNode;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <>
      {kind === 'death' ? <DateInput name="deathDate" max={f.today()} /> : <DateInput name="effectiveDate" />}
      {kind === 'address-declaration' && (
        <>
          <AddressFieldset prefix="address" />
          <TextInput name="housingBasis" hint={t('portal.declare.housingHint')} />
        </>
      )}
      {kind === 'name-change' && (
        <>
          <TextInput name="givenNames" />
          <TextInput name="surname" />
        </>
      )}
      {children}
      {(kind === 'marriage' || kind === 'divorce') && <SurnameChoices card={card} other={other} />}
      {kind === 'marriage' && <MinorConsent />}
      {kind === 'guardianship' && <DateInput name="until" />}
      {kind === 'status-change' && (
        <>
          <Select name="legalStatus">
            {LEGAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`legalStatus.${s}`)}
              </option>
            ))}
          </Select>
          <TextInput name="citizenships" className="input--short" />
        </>
      )}
      {kind === 'code-change' && <p className="hint">{t('staff.event.codeChangeHint')}</p>}
      <TextInput name="sourceDocument" hint={t('staff.event.sourceDocumentHint')} />
      <TextInput name="legalBasis" />
    </>
  );
}

/** Civil Law, Section 33: a spouse of 16 or 17 marries an adult with written consent; most marriages leave this empty. */
function MinorConsent() {
  const t = useT();
  return (
    <fieldset className="fieldset">
      <legend>{t('staff.event.minorConsent')}</legend>
      <p className="hint">{t('staff.event.minorConsentHint')}</p>
      <Select name="minorConsent.givenBy">
        <option value="">{t('staff.event.minorConsentNone')}</option>
        {(['parents', 'guardians', 'orphans-court'] as const).map((by) => (
          <option key={by} value={by}>
            {t(`staff.event.minorConsentBy.${by}`)}
          </option>
        ))}
      </Select>
      <TextInput name="minorConsent.document" />
    </fieldset>
  );
}

/** Both spouses' surnames after the event, with the forms the law allows suggested once the other person is found. */
function SurnameChoices({ card, other }: { card: c.PersonCard; other: Other | undefined }) {
  const t = useT();
  const ownSurnames = [
    ...new Set(
      [
        card.surname ?? '',
        other ? surnameForSex(other.surname, card.sex ?? 'M') : '',
        other ? `${card.surname}-${surnameForSex(other.surname, card.sex ?? 'M')}` : '',
      ].filter(Boolean),
    ),
  ];
  const otherSurnames = other
    ? [
        ...new Set([
          other.surname,
          surnameForSex(card.surname ?? '', other.sex),
          `${other.surname}-${surnameForSex(card.surname ?? '', other.sex)}`,
        ]),
      ]
    : [];
  return (
    <>
      <TextInput
        name="surname"
        list="own-surnames"
        hint={t('staff.event.surnameSuggestions', { options: ownSurnames.join(', ') })}
      />
      <datalist id="own-surnames">
        {ownSurnames.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <TextInput
        name="spouseSurname"
        list="other-surnames"
        {...(otherSurnames.length
          ? { hint: t('staff.event.surnameSuggestions', { options: otherSurnames.join(', ') }) }
          : {})}
      />
      <datalist id="other-surnames">
        {otherSurnames.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </>
  );
}
