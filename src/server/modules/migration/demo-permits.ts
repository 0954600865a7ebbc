/**
 * Demo residence work: applications for every kind of permit and EU document, in every step of the procedure,
 * lodged and worked through the services like real ones (a granted one registers its synthetic holder). Made-up
 * names from a fixed list, travel document numbers that belong to nobody. Runs only when there is no residence case yet.
 */
import type { StaffMember } from '../identity/index.ts';
import type { CasesService } from '../cases/index.ts';
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';
import type { DeskPermitApplication } from '../../../shared/contracts/residence-permits.contract.ts';
import type { PermitGround, PermitKind } from '../../../shared/contracts/permit-subjects.ts';
import type { z } from 'zod';
import { addDays, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import {
  EU_CITIZEN_KINDS,
  FIXED_TERM_YEARS,
  needsSponsor,
  REGISTERED_ONLY,
  termEnd,
} from '../../../shared/kernel/permit-grounds.ts';
import { advanceDemoCase, demoDeciders, STEPS, type DemoDecision, type Step } from './demo-migration.ts';
import { hasEnd, requiredDocuments, tiersOf } from './permit.rules.ts';
import { permitRulesOn } from './permit-rules/index.ts';
import type { PermitService } from './permit.service.ts';

/**
 * Whose earlier grant a kind that rests on years of residence is lodged for: a temporary permit's holder applies
 * for a permanent permit or EU status, an EU citizen with a registration certificate for the permanent
 * certificate, a family member with a residence card for the permanent card. (The demo's holders were granted
 * today, so their five years' check fails: the officer sees what that looks like.)
 */
const HOLDER_OF: Partial<Record<PermitKind, PermitKind>> = {
  permanent: 'temporary',
  'eu-long-term-resident': 'temporary',
  'eu-permanent-residence-certificate': 'eu-registration-certificate',
  'eu-family-permanent-residence-card': 'eu-family-residence-card',
};

const GIVEN = [
  'Dmytro',
  'Anjali',
  'Chen',
  'Sofia',
  'Rustam',
  'Aigerim',
  'Miguel',
  'Grace',
  'Youssef',
  'Leila',
  'Hana',
  'Tomasz',
];
const SURNAMES = [
  'Kovalenko',
  'Iyer',
  'Zhang',
  'Moreno',
  'Yusupov',
  'Abenova',
  'Torres',
  'Boateng',
  'Mansour',
  'Rahimi',
  'Sato',
  'Nowak',
];
const THIRD_COUNTRY = ['UKR', 'IND', 'CHN', 'BRA', 'UZB', 'KAZ', 'MEX', 'GHA', 'EGY', 'IRN', 'JPN', 'GEO'];
const EU = ['DEU', 'FRA', 'POL', 'ITA', 'ESP', 'LTU'];

/** The kinds and grounds the demo goes round, so every one has cases. */
const ROUND: ReadonlyArray<[PermitKind, PermitGround, string]> = [
  ['temporary', 'employment', 'SIA Demo Programmatūra'],
  ['temporary', 'study', 'Demo Universitāte'],
  ['temporary', 'family', 'Demo Ģimenes loceklis'],
  ['temporary', 'investment', 'SIA Demo Nekustamie īpašumi'],
  ['permanent', 'five-years-temporary', 'SIA Demo Loģistika'],
  ['eu-long-term-resident', 'five-years-residence', 'SIA Demo Ražotne'],
  ['eu-registration-certificate', 'worker', 'SIA Demo Serviss'],
  ['eu-family-residence-card', 'family-of-eu-citizen', 'Demo ES pilsonis'],
  ['temporary', 'blue-card', 'SIA Demo Inženierija'],
  ['temporary', 'repatriant', ''],
  ['eu-permanent-residence-certificate', 'five-years-eu-residence', ''],
  ['eu-family-permanent-residence-card', 'five-years-family-of-eu-citizen', ''],
];

function application(i: number, today: PlainDate): z.output<typeof DeskPermitApplication> {
  const [permitKind, ground, sponsor] = ROUND[i % ROUND.length] as [PermitKind, PermitGround, string];
  const nationality = (
    EU_CITIZEN_KINDS.includes(permitKind) ? EU[i % EU.length] : THIRD_COUNTRY[i % THIRD_COUNTRY.length]
  ) as string;
  const rules = permitRulesOn(permitKind, today);
  const required = requiredDocuments(rules, permitKind, ground, 'first');
  return {
    permitKind,
    ground,
    application: 'first',
    tier: tiersOf(rules, permitKind, ground)[0] ?? 'standard',
    givenNames: GIVEN[i % GIVEN.length] as string,
    surname: SURNAMES[(i * 5) % SURNAMES.length] as string,
    sex: i % 2 === 0 ? 'M' : 'F',
    birthDate: addDays('1965-01-01' as PlainDate, (i * 419) % 14_000),
    birthCountry: nationality,
    nationality,
    travelDocument: { number: `RP${String(200000 + i)}`, country: nationality, validUntil: addDays(today, 2500) },
    ...(hasEnd(permitKind) && !FIXED_TERM_YEARS[ground] ? { requestedUntil: addDays(today, 700) } : {}),
    ...(needsSponsor(ground) ? { sponsor } : {}),
    // A Blue Card's salary is over 2023's threshold (a year without one recorded fails the check, saying so); other
    // incomes go round the subsistence amounts.
    monthlyIncomeEur: ground === 'blue-card' ? 2_600 + (i % 3) * 400 : 900 + (i % 7) * 250,
    addressInLatvia: `Demo iela ${1 + (i % 90)}, Rīga`,
    // Every fifth lacks one document: the officer's check shows it.
    enclosed: i % 5 === 3 ? required.slice(1) : required,
    language: i % 2 === 0 ? 'lv' : 'en',
    contactEmail: `resident${i}@example.invalid`,
    documents: [],
    payment: { method: i % 2 === 0 ? 'card' : 'cash' },
  };
}

function permitDecision(view: CaseView, today: PlainDate): DemoDecision {
  const s = view.subject as Extract<CaseView['subject'], { kind: 'residence-permit' }>;
  const fixed = FIXED_TERM_YEARS[s.ground];
  return {
    accept: {
      validFrom: today,
      validUntil: !hasEnd(s.permitKind)
        ? null
        : fixed
          ? termEnd(today, fixed)
          : (s.requestedUntil ?? addDays(today, 364)),
    },
    rejectGrounds: ['documents-incomplete'],
    rejectReasoning: 'Nav iesniegti visi nepieciešamie dokumenti (demonstrācijas dati).',
  };
}

export async function seedDemoPermits(
  permits: PermitService,
  cases: CasesService,
  staff: readonly StaffMember[],
  opts: { count: number; today: PlainDate; hasCases: () => Promise<boolean>; signal?: AbortSignal | undefined },
): Promise<number> {
  if (opts.count <= 0 || (await opts.hasCases())) return 0;
  const who = demoDeciders(staff);
  if (!who) return 0;
  const indexes = Array.from({ length: opts.count }, (_, i) => i);
  // Permanent residence, EU long-term status and the EU permanent documents are for people the register knows:
  // they come last, for holders the first round's grants registered (as in life, after years with a permit).
  const kindOf = (i: number) => (ROUND[i % ROUND.length] as [PermitKind, PermitGround, string])[0];
  const registeredOnly = (i: number) => REGISTERED_ONLY.includes(kindOf(i));
  const holders = new Map<PermitKind, Array<{ id: string; view: CaseView }>>();
  let opened = 0;
  for (const i of [...indexes.filter((i) => !registeredOnly(i)), ...indexes.filter(registeredOnly)]) {
    if (opts.signal?.aborted) break;
    const input = application(i, opts.today);
    if (registeredOnly(i)) {
      const of = holders.get(HOLDER_OF[kindOf(i)] as PermitKind) ?? [];
      const holder = of[i % Math.max(1, of.length)];
      if (!holder) continue;
      const s = holder.view.subject as Extract<CaseView['subject'], { kind: 'residence-permit' }>;
      Object.assign(input, {
        personId: holder.id,
        givenNames: s.givenNames,
        surname: s.surname,
        sex: s.sex,
        birthDate: s.birthDate,
        birthCountry: s.birthCountry,
        nationality: s.nationality,
        travelDocument: { ...input.travelDocument, country: s.nationality },
      });
    }
    const view = await permits.lodgeAtDesk(who.officer, input);
    // The steps go round more slowly than the kinds, so every kind is seen in every step.
    const step = STEPS[Math.floor(i / ROUND.length) % STEPS.length] as Step;
    const after = await advanceDemoCase(cases, who.officer, who.decider, view, step, opts.today, (v) =>
      permitDecision(v, opts.today),
    );
    if (after.subject.kind === 'residence-permit' && after.subject.permit && after.subject.personId)
      holders.set(after.subject.permitKind, [
        ...(holders.get(after.subject.permitKind) ?? []),
        { id: after.subject.personId, view: after },
      ]);
    opened++;
  }
  return opened;
}
