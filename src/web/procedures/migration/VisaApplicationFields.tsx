/**
 * The parts of a visa application form that the portal (a registered foreigner applying online) and the desk
 * (an officer lodging for someone) share: the page's shape of the contract's fields, their labels, the
 * fieldsets (a C visa's purpose, or a D visa's national ground with its documents to tick), the fee as the visa
 * type, birth date and exemption change, the errors that go with a change of type, and the wording of a refusal
 * for a person who needs no visa. Each page builds its form from its own contract schema (decision 0022).
 */
import { useEffect, useRef, useState } from 'react';
import { useFormContext, useWatch, type FieldErrors } from 'react-hook-form';
import { z } from 'zod';
import { useQuery } from '@tanstack/react-query';
import { MAX_UPLOAD_BYTES } from '../../../shared/contracts/cases.contract.ts';
import {
  IN_COUNTRY_NOTICE_WORKING_DAYS,
  MEANS_KINDS,
  NATIONAL_GROUND_RULES,
  NATIONAL_VISA_GROUNDS,
  VISA_ENTRIES,
  VISA_PURPOSES,
  VISA_TYPES,
  VisaTypeSchema,
  type NationalVisaGround,
} from '../../../shared/contracts/migration-subjects.ts';
import {
  OnlineVisaApplicationFields,
  VISA_FEE_EXEMPTIONS,
  visaFeeQuote,
} from '../../../shared/contracts/visas.contract.ts';
import { PlainDateSchema } from '../../../shared/kernel/plain-date.ts';
import { ApiError, callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useFormat } from '../../ui/format.ts';
import { Checkboxes, DateInput, FileInput, Radios, Select, TextArea, TextInput } from '../../ui/form/fields.tsx';
import { numberAsText } from '../../ui/form/number-as-text.ts';
import { uploadFiles } from '../../ui/form/upload-files.ts';
import { Group, type FormChannel } from './TravellerFields.tsx';

export { TravelDocumentFieldset, TravellerFieldset } from './TravellerFields.tsx';

type Translate = (key: string, values?: Record<string, string | number>) => string;
/** A hint's key in the channel's words: the desk's own where its text differs (`…Desk`), the portal's as it is. */
const hintKey = (key: string, channel: FormChannel) => (channel === 'desk' ? `${key}Desk` : key);

export const VISA_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

const Insurance = OnlineVisaApplicationFields.shape.insurance.unwrap();
const Means = OnlineVisaApplicationFields.shape.means;
const Enclosed = OnlineVisaApplicationFields.shape.enclosed;

/** What both forms hold in another shape than the contract (see visaFormFields). */
export const VISA_FORM_OMIT = { documents: true, insurance: true, means: true, enclosed: true } as const;

/**
 * The fields a page holds in another shape than the contract: euros typed as text (checked by the contract's
 * own number rule), the documents as the files chosen (read into the contract's uploads when sent), the ground's
 * documents ticked as a list (a checklist of one box gives its value or `false`, not a list).
 */
export const visaFormFields = {
  insurance: Insurance.extend({ coverageEur: numberAsText(Insurance.shape.coverageEur) }).optional(),
  means: Means.extend({ amountEur: numberAsText(Means.shape.amountEur) }),
  enclosed: z.preprocess(
    (v) => (v === undefined || Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []),
    Enclosed,
  ),
  files: uploadFiles(VISA_FILE_TYPES, MAX_UPLOAD_BYTES),
};

const isDay = (v: unknown): v is string => PlainDateSchema.safeParse(v).success;

/**
 * The server's own check that the exit is not before the entry (`exit-before-entry`), mirrored so it shows
 * with every other problem at once (`when`: whatever else is wrong).
 */
export const exitNotBeforeEntry: [
  (v: { intendedEntry?: unknown; intendedExit?: unknown }) => boolean,
  { path: PropertyKey[]; params: { reason: string }; when: () => boolean },
] = [
  (v) => !isDay(v.intendedEntry) || !isDay(v.intendedExit) || v.intendedExit >= v.intendedEntry,
  { path: ['intendedExit'], params: { reason: 'exit-before-entry' }, when: () => true },
];

/** The page's label of every field path, also of the paths the server refuses (its messages land at them). */
export function visaLabels(t: Translate): Record<string, string> {
  return {
    visaType: t('visas.form.visaType'),
    givenNames: t('register.field.givenNames'),
    surname: t('register.field.surname'),
    sex: t('register.field.sex'),
    birthDate: t('register.field.birthDate'),
    nationality: t('visas.form.nationality'),
    'travelDocument.number': t('visas.form.documentNumber'),
    'travelDocument.country': t('visas.form.documentCountry'),
    'travelDocument.validUntil': t('visas.form.documentValidUntil'),
    purpose: t('visas.field.purpose'),
    nationalGround: t('visas.national.ground'),
    enclosed: t('visas.form.enclosed'),
    currentStayUntil: t('visas.form.currentStayUntil'),
    purposeDetail: t('visas.form.purposeDetail'),
    intendedEntry: t('visas.form.entry'),
    intendedExit: t('visas.form.exit'),
    entriesRequested: t('visas.field.entries'),
    'insurance.insurer': t('visas.form.insurer'),
    'insurance.policyNumber': t('visas.form.policyNumber'),
    'insurance.coverageEur': t('visas.form.coverage'),
    'insurance.validFrom': t('visas.form.insuranceFrom'),
    'insurance.validUntil': t('visas.form.insuranceUntil'),
    'means.kind': t('visas.form.meansKind'),
    'means.amountEur': t('visas.form.meansAmount'),
    invitationReference: t('visas.form.invitation'),
    feeExemption: t('visas.form.exemption'),
    contactEmail: t('portal.cases.email'),
    files: t('cases.section.documents'),
  };
}

/**
 * The server refuses a visa to a citizen or non-citizen of Latvia with the reason `not-for-status`, whose
 * general words are about documents; on a visa form the page says instead that no visa is needed (`key`).
 */
export function noVisaNeededAt(error: unknown, key: string): unknown {
  if (!(error instanceof ApiError)) return error;
  const fieldErrors = error.fieldErrors.map((f) => (f.reason === 'not-for-status' ? { ...f, key } : f));
  return new ApiError(
    error.code,
    error.status,
    error.message,
    fieldErrors,
    error.rule ? { id: error.rule, values: error.ruleValues } : undefined,
  );
}

/** Every error of a form as its field path and kind (`server`: the server's refusal). */
function errorPaths(errors: FieldErrors, prefix = ''): Array<{ path: string; type: unknown }> {
  return Object.entries(errors).flatMap(([key, node]) => {
    if (key === 'root' || key === 'ref' || !node || typeof node !== 'object') return [];
    const path = prefix ? `${prefix}.${key}` : key;
    const e = node as { message?: unknown; type?: unknown };
    return typeof e.message === 'string' ? [{ path, type: e.type }] : errorPaths(node as FieldErrors, path);
  });
}

/** The fields only one visa type (or a D visa's box for insurance now) puts on the page. */
const TYPE_FIELDS = [
  'purpose',
  'nationalGround',
  'enclosed',
  'currentStayUntil',
  'feeExemption',
  'insurance.insurer',
  'insurance.policyNumber',
  'insurance.coverageEur',
  'insurance.validFrom',
  'insurance.validUntil',
] as const;

/**
 * A change of visa type makes another form: what the server said of the application as the other type, and the
 * errors of fields no longer on the page (the C visa's purpose or insurance, the D visa's ground), go; the
 * browser's errors of fields still shown stay until they are mended. The values of the fields no longer on the
 * page go too: react-hook-form drops a field that left the page only when the form's own component renders
 * again, which a change of type alone does not cause, and the application would carry them (a C visa with a
 * national ground is refused for it).
 */
function useForgetOtherType(visaType: unknown): void {
  const { formState, clearErrors, unregister } = useFormContext();
  const { errors } = formState;
  const last = useRef(visaType);
  useEffect(() => {
    if (last.current === visaType) return;
    last.current = visaType;
    // Runs after the new type's fields are on the page, so a field's absence is its being hidden.
    const absent = (name: string) => document.getElementsByName(name).length === 0;
    const stale = errorPaths(errors)
      .filter((e) => e.type === 'server' || absent(e.path))
      .map((e) => e.path);
    clearErrors(['root', ...stale]);
    for (const name of TYPE_FIELDS) if (absent(name)) unregister(name);
  }, [visaType, errors, clearErrors, unregister]);
}

/** C or D, each with a line saying what it is for. */
export function VisaTypeField() {
  const t = useT();
  useForgetOtherType(useWatch({ name: 'visaType' }));
  return (
    <Radios
      name="visaType"
      options={VISA_TYPES.map((v) => ({
        value: v,
        label: t(`visas.form.type.${v}`),
        hint: t(`visas.form.typeHint.${v}`),
      }))}
    />
  );
}

/**
 * A choice that is on the page only for one visa type, kept while the other type is shown: switching D → C → D
 * gives back the national ground chosen, C → D → C the purpose. It is remembered while its field is shown and put
 * back once the field is on the page again; while hidden it is not part of the form (useForgetOtherType).
 */
function useChoiceKeptAcrossTypes(name: string, shownFor: 'C' | 'D', visaType: unknown): void {
  const { setValue } = useFormContext();
  const value = useWatch({ name }) as unknown;
  const kept = useRef<unknown>(undefined);
  const wasShown = useRef(visaType === shownFor);
  useEffect(() => {
    const shown = visaType === shownFor;
    // Back to the type: the field has just been put on the page empty; the choice made before goes back in.
    if (shown && !wasShown.current && typeof kept.current === 'string' && kept.current)
      setValue(name, kept.current, { shouldDirty: true });
    else if (shown) kept.current = value;
    wasShown.current = shown;
  }, [name, shownFor, visaType, value, setValue]);
}

/**
 * What the stay is for: a C visa's purpose of the journey, or a D visa's national ground with what the ground
 * allows; neither before a type is chosen. Each is the other type's only by mistake: the contract refuses it.
 * Each is kept while the other type is looked at (useChoiceKeptAcrossTypes).
 */
function PurposeOrGround() {
  const t = useT();
  const [visaType, ground] = useWatch({ name: ['visaType', 'nationalGround'] }) as [unknown, unknown];
  useChoiceKeptAcrossTypes('purpose', 'C', visaType);
  useChoiceKeptAcrossTypes('nationalGround', 'D', visaType);
  if (visaType === 'C')
    return (
      <Select name="purpose" oneOfGroup>
        <option value="">{t('common.choose')}</option>
        {VISA_PURPOSES.map((p) => (
          <option key={p} value={p}>
            {t(`visas.purpose.${p}`)}
          </option>
        ))}
      </Select>
    );
  if (visaType !== 'D') return <p className="hint">{t('visas.form.chooseTypeFirst')}</p>;
  const rule = (NATIONAL_VISA_GROUNDS as readonly unknown[]).includes(ground)
    ? NATIONAL_GROUND_RULES[ground as NationalVisaGround]
    : undefined;
  const hint = rule
    ? [
        t('visas.form.groundMax', { max: rule.maxDays }),
        rule.minDays > 1 ? t('visas.form.groundMin', { over: rule.minDays - 1 }) : '',
      ]
        .filter(Boolean)
        .join(' ')
    : t('visas.form.nationalGroundHint');
  return (
    <Select name="nationalGround" oneOfGroup hint={hint}>
      <option value="">{t('common.choose')}</option>
      {NATIONAL_VISA_GROUNDS.map((g) => (
        <option key={g} value={g}>
          {t(`visas.nationalGround.${g}`)}
        </option>
      ))}
    </Select>
  );
}

/** The journey: its purpose or ground, dates and entries, and an invitation; the hints in the channel's words. */
export function JourneyFieldset({ channel }: { channel: FormChannel }) {
  const t = useT();
  const f = useFormat();
  const visaType = useWatch({ name: 'visaType' }) as unknown;
  return (
    <Group title={t('visas.form.journey')}>
      <PurposeOrGround />
      <TextArea name="purposeDetail" rows={3} />
      <DateInput name="intendedEntry" min={f.today()} hint={t(hintKey('visas.form.entryHint', channel))} />
      <DateInput
        name="intendedExit"
        min={f.today()}
        hint={t(visaType === 'D' ? 'visas.form.exitHintD' : 'visas.form.exitHint')}
      />
      <Radios
        name="entriesRequested"
        options={VISA_ENTRIES.map((e) => ({ value: e, label: t(`visas.entries.${e}`) }))}
      />
      <TextInput
        name="invitationReference"
        className="input--short"
        autoComplete="off"
        spellCheck={false}
        hint={t(hintKey('visas.form.invitationHint', channel))}
      />
    </Group>
  );
}

/**
 * A D visa's documents of its ground, as boxes to tick (at the desk those handed in, online those attached; one
 * not ticked does not stop the application, the officer's checks show it missing), and, for an application made
 * in Latvia, the last day of the stay the applicant holds (it must be lodged 3 working days before). A new ground
 * starts its own list.
 */
export function NationalGroundFieldset({ enclosedHint, channel }: { enclosedHint: string; channel: FormChannel }) {
  const t = useT();
  const [visaType, ground] = useWatch({ name: ['visaType', 'nationalGround'] }) as [unknown, unknown];
  if (visaType !== 'D') return null;
  const rule = (NATIONAL_VISA_GROUNDS as readonly unknown[]).includes(ground)
    ? NATIONAL_GROUND_RULES[ground as NationalVisaGround]
    : undefined;
  return (
    <Group title={t('visas.form.nationalTitle')}>
      {rule ? (
        <Checkboxes
          key={String(ground)}
          name="enclosed"
          hint={enclosedHint}
          options={rule.documents.map((d) => ({ value: d, label: t(`visas.nationalDocument.${d}`) }))}
        />
      ) : (
        <p>{t('visas.form.groundFirst')}</p>
      )}
      <DateInput
        name="currentStayUntil"
        hint={t(hintKey('visas.form.currentStayUntilHint', channel), { days: IN_COUNTRY_NOTICE_WORKING_DAYS })}
      />
    </Group>
  );
}

/**
 * Travel medical insurance: always asked for a C visa; for a D visa it may be shown later, so its fields
 * open only when the applicant says they have it now (fields not on the page are not sent). The box says it in
 * the channel's words ("I have…" online, "The applicant has…" at the desk).
 */
export function InsuranceFieldset({ channel }: { channel: FormChannel }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  const visaType = useWatch({ name: 'visaType' }) as string | undefined;
  const open = visaType !== 'D' || shown;
  return (
    <Group
      title={t('visas.form.insurance')}
      hint={t(visaType === 'D' ? 'visas.form.insuranceHintD' : 'visas.form.insuranceHintC')}
    >
      {visaType === 'D' && (
        <div className="radio">
          <input type="checkbox" id="insurance-now" checked={shown} onChange={(e) => setShown(e.target.checked)} />
          <label htmlFor="insurance-now">{t(hintKey('visas.form.insuranceNow', channel))}</label>
        </div>
      )}
      {open && <InsuranceFields />}
    </Group>
  );
}

function InsuranceFields() {
  const t = useT();
  return (
    <>
      <TextInput name="insurance.insurer" autoComplete="off" />
      <TextInput name="insurance.policyNumber" className="input--short" autoComplete="off" spellCheck={false} />
      <TextInput
        name="insurance.coverageEur"
        className="input--short"
        inputMode="numeric"
        hint={t('visas.form.coverageHint')}
      />
      <DateInput name="insurance.validFrom" />
      <DateInput name="insurance.validUntil" hint={t('visas.form.insuranceUntilHint')} />
    </>
  );
}

export function MeansFieldset() {
  const t = useT();
  return (
    <Group title={t('visas.form.means')} hint={t('visas.form.meansHint')}>
      <Select name="means.kind">
        <option value="">{t('common.choose')}</option>
        {MEANS_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`visas.means.${k}`)}
          </option>
        ))}
      </Select>
      <TextInput
        name="means.amountEur"
        className="input--short"
        inputMode="numeric"
        hint={t('visas.form.wholeEuros')}
      />
    </Group>
  );
}

/** The Visa Code's fee exemptions: a C visa's only (the long-stay visa's state fee has none), so not asked for a D visa. */
export function ExemptionSelect() {
  const t = useT();
  const visaType = useWatch({ name: 'visaType' }) as unknown;
  if (visaType === 'D') return null;
  return (
    <Select name="feeExemption" hint={t('visas.form.exemptionHint')}>
      <option value="">{t('visas.exemption.none')}</option>
      {VISA_FEE_EXEMPTIONS.map((e) => (
        <option key={e} value={e}>
          {t(`visas.exemption.${e}`)}
        </option>
      ))}
    </Select>
  );
}

export function DocumentsInput() {
  const t = useT();
  return (
    <FileInput name="files" accept={VISA_FILE_TYPES} hint={`${t('visas.form.filesHint')} ${t('cases.filesHint')}`} />
  );
}

/**
 * The state fee for the visa type, birth date and exemption chosen so far, asked of the public fee quote
 * as they change (announced politely), and where it is paid: online on submitting, or at the desk.
 */
export function VisaFee({ paidAt }: { paidAt: 'online' | 'desk' }) {
  const t = useT();
  const f = useFormat();
  const [visaType, birthDate, exemption] = useWatch({ name: ['visaType', 'birthDate', 'feeExemption'] }) as [
    unknown,
    unknown,
    string | undefined,
  ];
  const type = VisaTypeSchema.safeParse(visaType);
  const ready = type.success && isDay(birthDate);
  const quote = useQuery({
    queryKey: ['visa-fee', visaType, birthDate, exemption ?? ''],
    queryFn: () =>
      callApi(visaFeeQuote, {
        query: { visaType: String(visaType), birthDate: String(birthDate), exemption: exemption || undefined },
      }),
    enabled: ready,
    staleTime: 60_000,
  });
  const fee = ready ? quote.data : undefined;
  return (
    <div className="panel" aria-live="polite">
      <h2>{t('visas.fee.title')}</h2>
      {!fee && <p>{t(ready && quote.isError ? 'visas.fee.unavailable' : 'visas.fee.enterFirst')}</p>}
      {fee && (
        <>
          <p>
            <strong>
              {fee.amountCents ? t('visas.fee.amount', { amount: f.money(fee.amountCents) }) : t('visas.fee.none')}
            </strong>
          </p>
          {fee.amountCents > 0 && <p>{t(paidAt === 'online' ? 'visas.fee.paidOnline' : 'visas.fee.paidAtDesk')}</p>}
          <p className="hint">{t('visas.fee.basis', { act: f.citation(fee.legalAct) })}</p>
        </>
      )}
    </div>
  );
}
