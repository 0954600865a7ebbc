/**
 * The residence procedures' decision terms on the screens: the period of the right to grant (its first day, and
 * its last day only for a right that ends: a right without end is sent with none), or the grounds ticked for a
 * refusal; and the same terms in words on a proposal or a decision. The server checks them again against the
 * kind of right (`grantTermsProblems`), and its refusals land at these fields by their paths.
 */
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { PermitGrantTerms, PermitRefusalTerms } from '../../../shared/contracts/residence-permits.contract.ts';
import { PERMIT_REFUSAL_GROUNDS } from '../../../shared/contracts/permit-subjects.ts';
import { PlainDateSchema, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { FIXED_TERM_YEARS, termEnd } from '../../../shared/kernel/permit-grounds.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useFormat } from '../../ui/format.ts';
import { Checkboxes, DateInput } from '../../ui/form/fields.tsx';
import type { DecisionTermsPlugin, Outcome, Subject, TermsForm } from '../terms-plugin.ts';
import { hasEnd as permitHasEnd } from '../../../shared/kernel/migration-grounds.ts';

type PermitSubject = Extract<Subject, { kind: 'residence-permit' }>;

const isDay = (v: unknown): v is string => PlainDateSchema.safeParse(v).success;

/**
 * The terms of a right that ends, as the page asks for them: the last day is asked for (the server refuses a
 * grant without one, `term-needs-end`), and one before the first day is named at once, with the server's reason.
 */
const EndingGrantForm = PermitGrantTerms.extend({ validUntil: PermitGrantTerms.shape.validUntil.unwrap() }).refine(
  (v) => !isDay(v.validFrom) || !isDay(v.validUntil) || v.validUntil >= v.validFrom,
  { path: ['validUntil'], params: { reason: 'ends-before-start' }, when: () => true },
);
/** The terms of a right without end: only the first day is on the page; the last day is sent as none. */
const UnendingGrantForm = PermitGrantTerms.extend({ validUntil: z.null().default(null) });

function PermitTermsFieldset({ subject: s, outcome }: { subject: PermitSubject; outcome: Outcome }) {
  const t = useT();
  if (outcome === 'reject') {
    const grounds = PERMIT_REFUSAL_GROUNDS.map((g) => ({ value: g, label: t(`permits.refusalGround.${g}`) }));
    return <Checkboxes name="terms.grounds" hint={t('permits.terms.groundsHint')} options={grounds} />;
  }
  return <GrantFields subject={s} />;
}

/**
 * The period to grant; the first day starts as the decision's day (the office's today), the last as the day asked
 * for, or where the law fixes the term (a repatriant's five years) as the day it follows from the first.
 */
function GrantFields({ subject: s }: { subject: PermitSubject }) {
  const t = useT();
  const f = useFormat();
  const { getValues, setValue } = useFormContext();
  const today = f.today();
  const fixed = FIXED_TERM_YEARS[s.ground];
  const validFrom = useWatch({ name: 'terms.validFrom' }) as unknown;
  useEffect(() => {
    if (!getValues('terms.validFrom')) setValue('terms.validFrom', today);
  }, [getValues, setValue, today]);
  useEffect(() => {
    if (fixed && isDay(validFrom)) setValue('terms.validUntil', termEnd(validFrom as PlainDate, fixed));
  }, [fixed, validFrom, setValue]);
  const ends = permitHasEnd(s.permitKind);
  return (
    <fieldset className="fieldset">
      <legend>{t('permits.terms.grant')}</legend>
      <p className="hint">
        {t(fixed ? 'permits.terms.fixed' : ends ? 'permits.terms.prefilled' : 'permits.terms.noEnd')}
      </p>
      <DateInput name="terms.validFrom" min={today} hint={t('permits.terms.validFromHint')} />
      {ends && <DateInput name="terms.validUntil" min={today} hint={t('permits.terms.validUntilHint')} />}
    </fieldset>
  );
}

/** The terms in words: the period granted (or "without end"), or the grounds the refusal rests on. Terms that do not parse show nothing. */
function PermitTermsRows({
  outcome,
  terms,
}: {
  subject: PermitSubject;
  outcome: Outcome;
  terms: Record<string, unknown>;
}) {
  const t = useT();
  const f = useFormat();
  if (outcome === 'reject') {
    const refusal = PermitRefusalTerms.safeParse(terms);
    if (!refusal.success) return null;
    return (
      <>
        <dt>{t('permits.refusal.grounds')}</dt>
        <dd>
          <ul>
            {refusal.data.grounds.map((g) => (
              <li key={g}>{t(`permits.refusalGround.${g}`)}</li>
            ))}
          </ul>
        </dd>
      </>
    );
  }
  const grant = PermitGrantTerms.safeParse(terms);
  if (!grant.success) return null;
  const v = grant.data;
  return (
    <>
      <dt>{t('permits.terms.granted')}</dt>
      <dd>
        {f.date(v.validFrom)} – {v.validUntil ? f.date(v.validUntil) : t('permits.noEnd')}
      </dd>
    </>
  );
}

export const permitDecisionTerms: DecisionTermsPlugin<PermitSubject> = {
  form(subject, outcome, t): TermsForm {
    if (outcome === 'reject')
      return {
        schema: PermitRefusalTerms,
        defaultValues: { grounds: [] },
        labels: { 'terms.grounds': t('permits.refusal.grounds') },
      };
    const ends = permitHasEnd(subject.permitKind);
    return {
      schema: ends ? EndingGrantForm : UnendingGrantForm,
      defaultValues: ends ? { validFrom: '', validUntil: subject.requestedUntil ?? '' } : { validFrom: '' },
      labels: { 'terms.validFrom': t('permits.terms.validFrom'), 'terms.validUntil': t('permits.terms.validUntil') },
    };
  },
  Fieldset: PermitTermsFieldset,
  Rows: PermitTermsRows,
};
