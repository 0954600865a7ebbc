/**
 * The parts of a visa application form that the portal (a registered foreigner applying online) and the desk
 * (an officer lodging for someone) share: the page's shape of the contract's fields, their labels, the
 * fieldsets, the fee as the visa type, birth date and exemption change, and the wording of a refusal for a
 * person who needs no visa. Each page builds its form from its own contract schema (decision 0022).
 */
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import { MAX_UPLOAD_BYTES } from '../../../shared/contracts/cases.contract.ts';
import {
  MEANS_KINDS,
  VISA_ENTRIES,
  VISA_PURPOSES,
  VISA_TYPES,
  VisaTypeSchema,
} from '../../../shared/contracts/migration-subjects.ts';
import { OnlineVisaApplication, VISA_FEE_EXEMPTIONS, visaFeeQuote } from '../../../shared/contracts/visas.contract.ts';
import { PlainDateSchema } from '../../../shared/kernel/plain-date.ts';
import { ApiError, callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useFormat } from '../../ui/format.ts';
import { DateInput, FileInput, Radios, Select, TextArea, TextInput } from '../../ui/form/fields.tsx';
import { numberAsText } from '../../ui/form/number-as-text.ts';
import { uploadFiles } from '../../ui/form/upload-files.ts';
import { Group } from './TravellerFields.tsx';

export { TravelDocumentFieldset, TravellerFieldset } from './TravellerFields.tsx';

type Translate = (key: string, values?: Record<string, string | number>) => string;

export const VISA_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

const Insurance = OnlineVisaApplication.shape.insurance.unwrap();
const Means = OnlineVisaApplication.shape.means;

/** What both forms hold in another shape than the contract (see visaFormFields). */
export const VISA_FORM_OMIT = { documents: true, insurance: true, means: true } as const;

/**
 * The fields a page holds in another shape than the contract: euros typed as text (checked by the contract's
 * own number rule), the documents as the files chosen (read into the contract's uploads when sent).
 */
export const visaFormFields = {
  insurance: Insurance.extend({ coverageEur: numberAsText(Insurance.shape.coverageEur) }).optional(),
  means: Means.extend({ amountEur: numberAsText(Means.shape.amountEur) }),
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

/** C or D, each with a line saying what it is for. */
export function VisaTypeField() {
  const t = useT();
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

export function JourneyFieldset() {
  const t = useT();
  const f = useFormat();
  return (
    <Group title={t('visas.form.journey')}>
      <Select name="purpose">
        <option value="">{t('common.choose')}</option>
        {VISA_PURPOSES.map((p) => (
          <option key={p} value={p}>
            {t(`visas.purpose.${p}`)}
          </option>
        ))}
      </Select>
      <TextArea name="purposeDetail" rows={3} />
      <DateInput name="intendedEntry" min={f.today()} hint={t('visas.form.entryHint')} />
      <DateInput name="intendedExit" min={f.today()} hint={t('visas.form.exitHint')} />
      <Radios
        name="entriesRequested"
        options={VISA_ENTRIES.map((e) => ({ value: e, label: t(`visas.entries.${e}`) }))}
      />
      <TextInput
        name="invitationReference"
        className="input--short"
        autoComplete="off"
        spellCheck={false}
        hint={t('visas.form.invitationHint')}
      />
    </Group>
  );
}

/**
 * Travel medical insurance: always asked for a C visa; for a D visa it may be shown later, so its fields
 * open only when the applicant says they have it now (fields not on the page are not sent).
 */
export function InsuranceFieldset() {
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
          <label htmlFor="insurance-now">{t('visas.form.insuranceNow')}</label>
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

export function ExemptionSelect() {
  const t = useT();
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
              {fee.amountCents
                ? t('visas.fee.amount', { amount: (fee.amountCents / 100).toFixed(2) })
                : t('visas.fee.none')}
            </strong>
          </p>
          {fee.amountCents > 0 && <p>{t(paidAt === 'online' ? 'visas.fee.paidOnline' : 'visas.fee.paidAtDesk')}</p>}
          <p className="hint">{t('visas.fee.basis', { act: fee.legalAct })}</p>
        </>
      )}
    </div>
  );
}
