/**
 * The visa procedures' decision terms on the screens: the visa to issue (its territory, entries, validity and
 * days of stay, a D visa's within its ground's), filled in from the application, or the grounds ticked on the
 * standard refusal form (a D visa whose national ground does not hold opens with that ground ticked); and the
 * same terms in words on a proposal or a decision. The server checks them again against the application
 * (`issueTermsProblems`, `refusalGroundsProblems`), and its refusals land at these fields by their paths.
 */
import { VisaIssueTerms, VisaRefusalTerms } from '../../../shared/contracts/visas.contract.ts';
import {
  VISA_ENTRIES,
  visaGroundsFor,
  type VISA_REFUSAL_GROUNDS,
  type VISA_TYPES,
} from '../../../shared/contracts/migration-subjects.ts';
import { toEpochDay, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useFormat } from '../../ui/format.ts';
import { Checkboxes, DateInput, Radios, Select, TextInput } from '../../ui/form/fields.tsx';
import { numberAsText } from '../../ui/form/number-as-text.ts';
import type { DecisionTermsPlugin, Outcome, Subject, TermsForm } from '../terms-plugin.ts';

type VisaSubject = Extract<Subject, { kind: 'visa' }>;
type VisaType = (typeof VISA_TYPES)[number];

/** The issue terms as the page holds them: the days of stay are typed, so the form has text for the number. */
const IssueTermsForm = VisaIssueTerms.extend({ durationDays: numberAsText(VisaIssueTerms.shape.durationDays) });

/** The territorial validity each type may have: a C visa is uniform or limited (Art. 25), a D visa national. */
const TERRITORIES = { C: ['uniform', 'limited'], D: ['national'] } as const satisfies Record<
  VisaType,
  readonly string[]
>;
/** The most days of stay a type grants (the server also caps them by the days of validity). */
const MAX_DAYS = { C: 90, D: 365 } as const satisfies Record<VisaType, number>;
/** The most days a visa of this application may grant: a D visa's ground may allow less than a year. */
const maxDaysOf = (s: VisaSubject): number =>
  s.visaType === 'D' && s.national ? s.national.maxDays : MAX_DAYS[s.visaType];

/**
 * The refusal form as it opens: a D visa whose national ground does not hold on what the application shows (the
 * stay does not fit it, a document is missing, or no ground was named) has `no-national-ground` ticked.
 */
export function refusalDefaults(s: VisaSubject): Array<(typeof VISA_REFUSAL_GROUNDS)[number]> {
  return s.visaType === 'D' && !s.national?.holds ? ['no-national-ground'] : [];
}

/** Grounds that fit a refusal of the type: the national ground only for a D visa; a holder's request never refuses one. */
export function refusalGroundsFor(type: VisaType): Array<(typeof VISA_REFUSAL_GROUNDS)[number]> {
  return visaGroundsFor(type).filter((g) => g !== 'holder-requested');
}

/** What the application asked for, as the terms to start from: its days, entries, and the type's territory. */
function issueDefaults(s: VisaSubject): Record<string, unknown> {
  const days = toEpochDay(s.intendedExit as PlainDate) - toEpochDay(s.intendedEntry as PlainDate) + 1;
  return {
    territory: TERRITORIES[s.visaType][0],
    entries: s.entriesRequested,
    validFrom: s.intendedEntry,
    validUntil: s.intendedExit,
    durationDays: String(Math.max(1, Math.min(days, maxDaysOf(s)))),
  };
}

function VisaTermsFieldset({ subject: s, outcome }: { subject: VisaSubject; outcome: Outcome }) {
  const t = useT();
  const f = useFormat();
  if (outcome === 'reject') {
    const grounds = refusalGroundsFor(s.visaType).map((g) => ({ value: g, label: t(`visas.ground.${g}`) }));
    return <Checkboxes name="terms.grounds" hint={t('visas.terms.groundsHint')} options={grounds} />;
  }
  return (
    <fieldset className="fieldset">
      <legend>{t('visas.terms.issue')}</legend>
      <p className="hint">{t('visas.terms.prefilled')}</p>
      <Radios
        name="terms.territory"
        options={TERRITORIES[s.visaType].map((value) => ({ value, label: t(`visas.territory.${value}`) }))}
      />
      <Select name="terms.entries">
        {VISA_ENTRIES.map((e) => (
          <option key={e} value={e}>
            {t(`visas.entries.${e}`)}
          </option>
        ))}
      </Select>
      <DateInput name="terms.validFrom" min={f.today()} />
      <DateInput name="terms.validUntil" min={f.today()} />
      <TextInput
        name="terms.durationDays"
        inputMode="numeric"
        className="input--short"
        hint={t('visas.terms.durationHint', { max: maxDaysOf(s) })}
      />
    </fieldset>
  );
}

/** The terms in words: the visa granted, or the grounds the refusal rests on. Terms that do not parse show nothing. */
function VisaTermsRows({ outcome, terms }: { subject: VisaSubject; outcome: Outcome; terms: Record<string, unknown> }) {
  const t = useT();
  const f = useFormat();
  if (outcome === 'reject') {
    const refusal = VisaRefusalTerms.safeParse(terms);
    if (!refusal.success) return null;
    return (
      <>
        <dt>{t('visas.terms.grounds')}</dt>
        <dd>
          <ul>
            {refusal.data.grounds.map((g) => (
              <li key={g}>{t(`visas.ground.${g}`)}</li>
            ))}
          </ul>
        </dd>
      </>
    );
  }
  const issue = VisaIssueTerms.safeParse(terms);
  if (!issue.success) return null;
  const v = issue.data;
  return (
    <>
      <dt>{t('visas.terms.granted')}</dt>
      <dd>{t(`visas.territory.${v.territory}`)}</dd>
      <dt>{t('visas.field.validity')}</dt>
      <dd>
        {f.date(v.validFrom)} – {f.date(v.validUntil)}
      </dd>
      <dt>{t('visas.field.entries')}</dt>
      <dd>{t(`visas.entries.${v.entries}`)}</dd>
      <dt>{t('visas.terms.duration')}</dt>
      <dd>{t('visas.terms.days', { days: v.durationDays })}</dd>
    </>
  );
}

export const visaDecisionTerms: DecisionTermsPlugin<VisaSubject> = {
  form(subject, outcome, t): TermsForm {
    if (outcome === 'reject')
      return {
        schema: VisaRefusalTerms,
        defaultValues: { grounds: refusalDefaults(subject) },
        labels: { 'terms.grounds': t('visas.terms.grounds') },
      };
    return {
      schema: IssueTermsForm,
      defaultValues: issueDefaults(subject),
      labels: {
        'terms.territory': t('visas.terms.territory'),
        'terms.entries': t('visas.field.entries'),
        'terms.validFrom': t('visas.terms.validFrom'),
        'terms.validUntil': t('visas.terms.validUntil'),
        'terms.durationDays': t('visas.field.durationDays'),
      },
    };
  },
  Fieldset: VisaTermsFieldset,
  Rows: VisaTermsRows,
};
