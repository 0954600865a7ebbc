/**
 * The parts of a residence application form that the desk (an officer lodging for someone) and the portal (a
 * registered foreigner applying for themselves) share: the page's shape of the contract's fields, their labels,
 * what the public quote says the chosen kind, ground and tier need (fee, examination time, documents, income),
 * and the fieldsets that follow it: only the kind's grounds, only the tiers offered, a last day only for a right
 * that ends, the income only where the ground asks for it, the checklist of the ground's documents. Each page
 * builds its form from its own contract schema (decision 0022).
 */
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { MAX_UPLOAD_BYTES } from '../../../shared/contracts/cases.contract.ts';
import {
  GROUNDS_OF_KIND,
  PERMIT_KINDS,
  PERMIT_TIERS,
  PermitGroundSchema,
  PermitKindSchema,
  type PermitGround,
  type PermitKind,
  type PermitTier,
} from '../../../shared/contracts/permit-subjects.ts';
import {
  OnlinePermitApplication,
  permitQuote,
  type PermitQuote,
} from '../../../shared/contracts/residence-permits.contract.ts';
import { ApiError, callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useFormat } from '../../ui/format.ts';
import { Checkbox, Checkboxes, DateInput, FileInput, Radios, Select, TextInput } from '../../ui/form/fields.tsx';
import { numberAsText } from '../../ui/form/number-as-text.ts';
import { uploadFiles } from '../../ui/form/upload-files.ts';
import { Group, type FormChannel } from './TravellerFields.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { hasEnd as permitHasEnd } from '../../../shared/kernel/migration-grounds.ts';
import {
  blueCardSalaryOutcome,
  blueCardThresholdOf,
  FIXED_TERM_YEARS,
  needsRegisteredPerson,
  SPONSOR_OF,
  sponsorMissingReason,
} from '../../../shared/kernel/permit-grounds.ts';
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';

type Translate = (key: string, values?: Record<string, string | number>) => string;
export type Quote = z.infer<typeof PermitQuote>;

export const PERMIT_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** What both forms hold in another shape than the contract (see permitFormFields). */
export const PERMIT_FORM_OMIT = { documents: true, monthlyIncomeEur: true } as const;

/**
 * The fields a page holds in another shape than the contract: the income typed as text (checked by the
 * contract's own number rule; left empty it is not sent), the documents as the files chosen (read into the
 * contract's uploads when sent).
 */
export const permitFormFields = {
  monthlyIncomeEur: numberAsText(OnlinePermitApplication.shape.monthlyIncomeEur.unwrap()).optional(),
  files: uploadFiles(PERMIT_FILE_TYPES, MAX_UPLOAD_BYTES),
};

/**
 * The server's sponsor rule mirrored on a page's form (decision 0022), with the server's own reason: a ground that
 * rests on someone names them, and the message says whom (the employer of a Blue Card, the school, the family
 * member, the EU citizen: `SPONSOR_MISSING_REASON`). Run with `when: () => true`, so it shows with every other
 * problem at once.
 */
export const sponsorNamedWhereNeeded: [
  (v: { ground?: unknown; sponsor?: unknown }, ctx: z.RefinementCtx) => void,
  { when: () => boolean },
] = [
  (v, ctx) => {
    const ground = PermitGroundSchema.safeParse(v.ground);
    const reason = ground.success ? sponsorMissingReason(ground.data) : null;
    if (reason && !(typeof v.sponsor === 'string' && v.sponsor.trim()))
      ctx.addIssue({ code: 'custom', path: ['sponsor'], params: { reason }, message: reason });
  },
  { when: () => true },
];

/**
 * The desk's rule that a renewal, a permanent permit, EU long-term status and the EU permanent documents are for a
 * person found in the register (`needsRegisteredPerson`), mirrored with the server's reason so the officer reads it
 * at the field before sending.
 */
export const personFoundWhereNeeded: [
  (v: { permitKind?: unknown; application?: unknown; personId?: unknown }) => boolean,
  { path: PropertyKey[]; params: { reason: string }; when: () => boolean },
] = [
  (v) => {
    const kind = PermitKindSchema.safeParse(v.permitKind);
    const application = v.application === 'renewal' ? 'renewal' : 'first';
    return !kind.success || !needsRegisteredPerson(kind.data, application) || Boolean(v.personId);
  },
  { path: ['personId'], params: { reason: 'registered-person-needed' }, when: () => true },
];

/** The page's label of every field path, also of the paths the server refuses (its messages land at them). */
export function permitLabels(t: Translate): Record<string, string> {
  return {
    permitKind: t('permits.form.kind'),
    ground: t('permits.form.ground'),
    application: t('permits.field.application'),
    tier: t('permits.field.tier'),
    givenNames: t('register.field.givenNames'),
    surname: t('register.field.surname'),
    sex: t('register.field.sex'),
    birthDate: t('register.field.birthDate'),
    birthCountry: t('register.field.birthCountry'),
    nationality: t('visas.form.nationality'),
    'travelDocument.number': t('visas.form.documentNumber'),
    'travelDocument.country': t('visas.form.documentCountry'),
    'travelDocument.validUntil': t('permits.form.documentValidUntil'),
    requestedUntil: t('permits.form.requestedUntil'),
    sponsor: t('permits.field.sponsor'),
    monthlyIncomeEur: t('permits.field.income'),
    shortageOccupation: t('permits.form.shortageOccupation'),
    addressInLatvia: t('permits.field.address'),
    enclosed: t('permits.form.enclosed'),
    files: t('permits.form.files'),
  };
}

/**
 * What an application of the kind, ground and kind of application chosen so far needs, from the public quote.
 * The quote is asked with a tier, and a kind offers only some (an EU citizen's document only the free one): when
 * the tier chosen is not offered, the tiers are tried in order and the first offered one is taken; the form's
 * tier follows it. The last answer stays while the next is asked, so the fields it shapes do not blink.
 */
export function usePermitQuote(): { quote: Quote | undefined; failed: boolean } {
  const { setValue } = useFormContext();
  const [kind, ground, application, tier, nationality] = useWatch({
    name: ['permitKind', 'ground', 'application', 'tier', 'nationality'],
  }) as [unknown, unknown, unknown, unknown, unknown];
  const parsedKind = PermitKindSchema.safeParse(kind);
  const ready = parsedKind.success && GROUNDS_OF_KIND[parsedKind.data].includes(ground as PermitGround);
  const asked = {
    permitKind: String(kind),
    ground: String(ground),
    application: application === 'renewal' ? 'renewal' : 'first',
    tier: (PERMIT_TIERS as readonly unknown[]).includes(tier) ? (tier as PermitTier) : 'standard',
    // A nationality once typed in full: it may add a document (citizens of Russia and Belarus fill in an additional form).
    ...(typeof nationality === 'string' && /^[A-Za-z]{3}$/.test(nationality.trim())
      ? { nationality: nationality.trim().toUpperCase() }
      : {}),
  };
  const query = useQuery({
    queryKey: ['permit-quote', asked.permitKind, asked.ground, asked.application, asked.tier, asked.nationality],
    queryFn: () => quoteOfferedTier(asked),
    enabled: ready,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const answer = ready ? query.data : undefined;
  useEffect(() => {
    if (answer && !query.isPlaceholderData && answer.tier !== tier) setValue('tier', answer.tier);
  }, [answer, query.isPlaceholderData, tier, setValue]);
  return { quote: answer?.quote, failed: ready && query.isError };
}

async function quoteOfferedTier(q: {
  permitKind: string;
  ground: string;
  application: string;
  tier: PermitTier;
  nationality?: string;
}): Promise<{ quote: Quote; tier: PermitTier }> {
  let refusal: unknown;
  for (const tier of [q.tier, ...PERMIT_TIERS.filter((x) => x !== q.tier)]) {
    try {
      return { quote: await callApi(permitQuote, { query: { ...q, tier } }), tier };
    } catch (error) {
      if (!(error instanceof ApiError && error.fieldErrors.some((f) => f.reason === 'tier-not-offered'))) throw error;
      refusal = error;
    }
  }
  throw refusal;
}

/**
 * What is applied for: the kind of right (each with a line saying whom it is for), its ground (only the kind's
 * own: a ground of another kind is reset), whether it is a renewal (only a right that ends is renewed), and how
 * fast it is examined (only the tiers the kind offers, once the quote has said which; a kind with one tier shows
 * it as the one choice, so that it is sent).
 */
export function KindFieldset({ quote }: { quote: Quote | undefined }) {
  const t = useT();
  const { getValues, setValue } = useFormContext();
  const kind = useWatch({ name: 'permitKind' }) as PermitKind | undefined;
  const grounds = kind && PermitKindSchema.safeParse(kind).success ? GROUNDS_OF_KIND[kind] : [];
  useEffect(() => {
    if (!kind || !grounds.length) return;
    const ground = getValues('ground') as PermitGround | '';
    if (ground && grounds.includes(ground)) return;
    // A kind with one ground has it chosen; otherwise the choice is asked for again.
    setValue('ground', grounds.length === 1 ? grounds[0] : '');
  }, [kind, grounds, getValues, setValue]);
  return (
    <Group title={t('permits.form.whatTitle')}>
      <Radios
        name="permitKind"
        options={PERMIT_KINDS.map((k) => ({
          value: k,
          label: t(`permits.kind.${k}`),
          hint: t(`permits.form.kindHint.${k}`),
        }))}
      />
      <Select name="ground" hint={kind ? undefined : t('permits.form.groundHint')}>
        <option value="">{t('common.choose')}</option>
        {grounds.map((g) => (
          <option key={g} value={g}>
            {t(`permits.ground.${g}`)}
          </option>
        ))}
      </Select>
      {kind && permitHasEnd(kind) && (
        <Radios
          name="application"
          options={(['first', 'renewal'] as const).map((a) => ({ value: a, label: t(`permits.application.${a}`) }))}
        />
      )}
      {quote && (
        <Radios
          name="tier"
          hint={t('permits.form.tierHint')}
          options={quote.tiers.map((tier) => ({ value: tier, label: t(`permits.tier.${tier}`) }))}
        />
      )}
    </Group>
  );
}

/**
 * The stay: the last day asked for (only for a right that ends, and not where the law fixes the term: a
 * repatriant's five years), who the ground rests on (only where it rests on someone: `SPONSOR_OF`, with the
 * role it asks for), the income or a Blue Card's salary (see BlueCardSalary), and the address. The hints speak
 * of "the applicant" at the desk and to "you" online (`channel`).
 */
export function StayFieldset({ quote, channel }: { quote: Quote | undefined; channel: FormChannel }) {
  const t = useT();
  const f = useFormat();
  const [kind, ground] = useWatch({ name: ['permitKind', 'ground'] }) as [PermitKind | undefined, string | undefined];
  const parsedGround = PermitGroundSchema.safeParse(ground);
  const fixedYears = parsedGround.success ? FIXED_TERM_YEARS[parsedGround.data] : undefined;
  const sponsor = parsedGround.success ? SPONSOR_OF[parsedGround.data] : null;
  const income = quote?.monthlyIncomeNeededEur ?? null;
  const roleKey = channel === 'desk' ? 'permits.sponsorRole' : 'permits.sponsorRoleOnline';
  return (
    <Group title={t('permits.form.stayTitle')}>
      {kind && permitHasEnd(kind) && !fixedYears && (
        <DateInput name="requestedUntil" min={f.today(1)} hint={t('permits.form.requestedUntilHint')} />
      )}
      {kind && permitHasEnd(kind) && fixedYears && <p className="hint">{t('permits.form.fixedTerm')}</p>}
      {/* Asked only where the ground rests on someone, and then needed (the page's form checks it), so no "(optional)". */}
      {sponsor && (
        <TextInput name="sponsor" autoComplete="off" oneOfGroup aria-required hint={t(`${roleKey}.${sponsor}`)} />
      )}
      {ground === 'blue-card' ? (
        <BlueCardSalary />
      ) : (
        income !== null && (
          <TextInput
            name="monthlyIncomeEur"
            className="input--short"
            inputMode="numeric"
            hint={t('permits.form.incomeHint', { needed: f.money(income * 100) })}
          />
        )
      )}
      <TextInput
        name="addressInLatvia"
        autoComplete="off"
        hint={t(channel === 'desk' ? 'permits.form.addressHint' : 'permits.form.addressHintOnline')}
      />
    </Group>
  );
}

/**
 * A Blue Card's gross monthly salary, checked as it is typed against the threshold of this year (the year the
 * application is lodged in), as the check before the decision will: the thresholds and their year in the hint,
 * a warning when the salary is below the one that applies, and, for a year with no threshold recorded, a plain
 * warning that the salary cannot be checked (never another year's amounts). Whether the occupation is short of
 * workers (the lower threshold) is asked in any case: the check reads it once a threshold is recorded.
 */
function BlueCardSalary() {
  const t = useT();
  const f = useFormat();
  const [typed, shortage] = useWatch({ name: ['monthlyIncomeEur', 'shortageOccupation'] }) as [unknown, unknown];
  const today = f.today() as PlainDate;
  const threshold = blueCardThresholdOf(today);
  const salary = typeof typed === 'string' && /^\d+$/.test(typed.trim()) ? Number(typed.trim()) : undefined;
  const check = salary === undefined ? undefined : blueCardSalaryOutcome(salary, shortage === true, today);
  return (
    <>
      <TextInput
        name="monthlyIncomeEur"
        className="input--short"
        inputMode="numeric"
        hint={
          threshold
            ? t('permits.form.salaryHint', {
                eur: f.money(threshold.eur * 100),
                shortage: f.money(threshold.shortageEur * 100),
                year: String(threshold.year),
              })
            : t('permits.form.salaryWholeEuros')
        }
      />
      {!threshold && <Notice kind="warning">{t('permits.form.salaryNoThreshold', { year: today.slice(0, 4) })}</Notice>}
      {check?.outcome === 'below' && (
        <Notice kind="warning">
          {t('permits.form.salaryBelow', {
            shown: f.money((salary ?? 0) * 100),
            needed: f.money(check.needed * 100),
            year: String(check.year),
          })}
        </Notice>
      )}
      <Checkbox name="shortageOccupation" hint={t('permits.form.shortageOccupationHint')} />
    </>
  );
}

/**
 * The documents the ground asks for, as boxes to tick: at the desk those handed in, online those attached. A
 * document not ticked does not stop the application; the officer's checks show it as missing.
 */
export function EnclosedFieldset({ quote, hint }: { quote: Quote | undefined; hint: string }) {
  const t = useT();
  return (
    <Group title={t('permits.form.documentsTitle')}>
      {quote ? (
        <Checkboxes
          name="enclosed"
          hint={hint}
          options={quote.documents.map((d) => ({ value: d, label: t(`permits.document.${d}`) }))}
        />
      ) : (
        <p>{t('permits.quote.enterFirst')}</p>
      )}
      <FileInput
        name="files"
        accept={PERMIT_FILE_TYPES}
        hint={`${t('permits.form.filesHint')} ${t('cases.filesHint')}`}
      />
    </Group>
  );
}

const DEADLINE_WORDS = {
  'calendar-days': 'permits.quote.calendarDays',
  'working-days': 'permits.quote.workingDays',
  months: 'permits.quote.months',
} as const satisfies Record<Quote['deadline']['unit'], string>;

/** The state fee and examination time of the tier chosen, as the quote gives them (announced politely), and where the fee is paid. */
export function PermitFee({
  quote,
  failed,
  paidAt,
}: {
  quote: Quote | undefined;
  failed: boolean;
  paidAt: 'online' | 'desk';
}) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="panel" aria-live="polite">
      <h2>{t('permits.quote.title')}</h2>
      {!quote && <p>{t(failed ? 'permits.quote.unavailable' : 'permits.quote.enterFirst')}</p>}
      {quote && (
        <>
          <p>
            <strong>
              {quote.amountCents
                ? t('permits.fee.amount', { amount: f.money(quote.amountCents) })
                : t('permits.fee.none')}
            </strong>
          </p>
          {quote.amountCents > 0 && <p>{t(paidAt === 'online' ? 'visas.fee.paidOnline' : 'visas.fee.paidAtDesk')}</p>}
          <p>{t(DEADLINE_WORDS[quote.deadline.unit], { limit: quote.deadline.limit })}</p>
          <p className="hint">{t('visas.fee.basis', { act: f.citation(quote.legalAct) })}</p>
        </>
      )}
    </div>
  );
}
