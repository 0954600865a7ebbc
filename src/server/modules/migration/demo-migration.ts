/**
 * Demo migration work: visa applications (C and D) in every step of the procedure, and invitations from a
 * demo resident, opened and worked through the services like real ones, so the demo migration officer and
 * decision-maker find a realistic queue on first start. Synthetic applicants only: made-up names from a
 * fixed list, travel document numbers that belong to nobody. Runs only when the office has no visa case yet.
 */
import type { StaffMember } from '../identity/index.ts';
import type { CaseActorContext, CasesService } from '../cases/index.ts';
import type { CaseActionInput, CaseView } from '../../../shared/contracts/cases.contract.ts';
import type { DeskVisaApplicationData, InvitationRequestData } from '../../../shared/contracts/visas.contract.ts';
import { addDays, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { NATIONAL_GROUND_RULES, type NationalVisaGround } from '../../../shared/kernel/migration-grounds.ts';
import type { MigrationService } from './migration.service.ts';

const GIVEN = [
  'Olena',
  'Taras',
  'Arjun',
  'Priya',
  'Wei',
  'Mei',
  'John',
  'Emily',
  'Ahmed',
  'Fatima',
  'Nodira',
  'Bakhyt',
  'Carlos',
  'Lucía',
  'Kofi',
  'Amara',
];
const SURNAMES = [
  'Shevchenko',
  'Bondarenko',
  'Sharma',
  'Patel',
  'Wang',
  'Li',
  'Smith',
  'Johnson',
  'Hassan',
  'Karimova',
  'Nurlanov',
  'García',
  'Mensah',
  'Okafor',
  'Tkachenko',
  'Rao',
];
const NATIONALITIES = [
  'UKR',
  'UKR',
  'IND',
  'IND',
  'CHN',
  'CHN',
  'USA',
  'USA',
  'EGY',
  'UZB',
  'UZB',
  'KAZ',
  'MEX',
  'COL',
  'GHA',
  'NGA',
];
const PURPOSES = ['tourism', 'business', 'family-or-friends', 'culture', 'study', 'medical'] as const;
/** The D visas' grounds in turn, so the queue shows several (each with its own documents and bounds). */
const D_GROUNDS = [
  'remote-work',
  'employment',
  'study-exchange',
  'family',
  'research',
  'volunteering',
  'seasonal-work',
  'humanitarian',
  'personal-reasons',
] as const satisfies readonly NationalVisaGround[];

/** The steps a demo visa case is taken to, in order: each case goes as far as its step. */
export const STEPS = [
  'submitted',
  'in-review',
  'awaiting-applicant',
  'consulting',
  'proposed',
  'issued',
  'rejected',
  'withdrawn',
] as const;
export type Step = (typeof STEPS)[number];

export function staffContext(s: StaffMember): CaseActorContext {
  return {
    kind: 'staff',
    id: s.id,
    name: s.displayName,
    roles: s.roles,
    branchId: s.branchId,
    audit: { type: 'staff', id: s.id, name: s.displayName, role: s.roles.join(','), institution: 'PMLP' },
  };
}

/**
 * What a demo application is for: a C visa's purpose, or a D visa's ground with its documents (every third D
 * application lacks one, so the officer's checks show a missing document and the refusal form its ground).
 */
function purposeOrGround(i: number): Pick<DeskVisaApplicationData, 'purpose' | 'nationalGround' | 'enclosed'> {
  if (i % 5 !== 4) return { purpose: PURPOSES[i % PURPOSES.length] as (typeof PURPOSES)[number] };
  const ground = D_GROUNDS[Math.floor(i / 5) % D_GROUNDS.length] as NationalVisaGround;
  const documents = NATIONAL_GROUND_RULES[ground].documents;
  return { nationalGround: ground, enclosed: i % 15 === 14 ? documents.slice(1) : [...documents] };
}

export function applicant(i: number, today: PlainDate): DeskVisaApplicationData {
  const g = GIVEN[i % GIVEN.length] as string;
  const entry = addDays(today, 20 + (i % 40));
  const type = i % 5 === 4 ? 'D' : 'C';
  // A D stay of 200 days fits every ground (over the 180 days a researcher's mobility needs, under a year).
  const exit = addDays(entry, type === 'C' ? 7 + (i % 20) : 199);
  return {
    visaType: type,
    givenNames: g,
    surname: SURNAMES[(i * 7) % SURNAMES.length] as string,
    sex: i % 2 === 0 ? 'F' : 'M',
    birthDate: addDays('1960-01-01' as PlainDate, (i * 397) % 15_000),
    nationality: NATIONALITIES[i % NATIONALITIES.length] as string,
    travelDocument: {
      number: `DM${String(100000 + i)}`,
      country: NATIONALITIES[i % NATIONALITIES.length] as string,
      validUntil: addDays(today, 2000),
    },
    ...purposeOrGround(i),
    purposeDetail: '',
    intendedEntry: entry,
    intendedExit: exit,
    entriesRequested: i % 3 === 0 ? 'multiple' : 'single',
    insurance: {
      insurer: 'Demo Travel Insurance',
      policyNumber: `DTI-${i}`,
      coverageEur: 30000,
      validFrom: entry,
      validUntil: exit,
    },
    // Enough for the whole stay at the per-day amount the checks ask (a D stay is long).
    means: { kind: 'bank-statement', amountEur: type === 'C' ? 5000 : 8000 },
    language: i % 2 === 0 ? 'en' : 'lv',
    contactEmail: `applicant${i}@example.invalid`,
    documents: [],
    payment: { method: i % 2 === 0 ? 'card' : 'cash' },
  };
}

/** An action as the engine takes it, without the version (the helper adds the one it just read). */
type Action = CaseActionInput extends infer A ? (A extends unknown ? Omit<A, 'expectedVersion'> : never) : never;

/** What a demo case's decision says: the terms of a grant, or a refusal's grounds. */
export interface DemoDecision {
  accept: Record<string, unknown>;
  rejectGrounds: string[];
  rejectReasoning: string;
}

/** Takes a lodged case to its step through the engine, as the officer and the decision-maker would. */
export async function advanceDemoCase(
  cases: CasesService,
  officer: CaseActorContext,
  decider: CaseActorContext,
  view: CaseView,
  step: Step,
  today: PlainDate,
  decision: (v: CaseView) => DemoDecision,
): Promise<CaseView> {
  const act = async (who: CaseActorContext, body: Action) => {
    view = await cases.takeAction(who, view.id, { ...body, expectedVersion: view.version } as CaseActionInput);
  };
  if (step === 'submitted') return view;
  if (step === 'withdrawn') {
    await act(officer, { kind: 'withdraw', reason: 'Pieteicējs atsauca pieteikumu (demonstrācijas dati).' });
    return view;
  }
  await act(officer, { kind: 'assign', outOfOrderReason: 'Demonstrācijas dati' });
  if (step === 'awaiting-applicant') {
    await act(officer, {
      kind: 'request-information',
      question: 'Lūdzu iesniedziet trūkstošo dokumentu.',
      dueOn: addDays(today, 14),
    });
    return view;
  }
  if (step === 'consulting') {
    await act(officer, {
      kind: 'request-consultation',
      authority: 'state-border-guard',
      question: 'Vai ir ieceļošanas aizliegums?',
      dueOn: addDays(today, 7),
    });
    return view;
  }
  if (step === 'in-review') return view;
  const d = decision(view);
  await act(
    officer,
    step === 'rejected'
      ? {
          kind: 'propose-decision',
          outcome: 'reject',
          reasoning: d.rejectReasoning,
          terms: { grounds: d.rejectGrounds },
        }
      : {
          kind: 'propose-decision',
          outcome: 'accept',
          reasoning: 'Visi nosacījumi izpildīti (demonstrācijas dati).',
          terms: d.accept,
          // Some demo applications lack a document on purpose: their officers saw the failed check and grant all the same.
          acknowledgeFailedChecks: true,
          overrideReason: 'Trūkstošo dokumentu iesniedzējs uzrādīja klātienē (demonstrācijas dati).',
        },
  );
  if (step === 'proposed') return view;
  await act(decider, { kind: 'approve-decision', acknowledgeFailedChecks: true });
  return view;
}

/** A visa's issue terms: the trip asked for, uniform for C, national for D. */
function visaDecision(view: CaseView): DemoDecision {
  const s = view.subject as Extract<CaseView['subject'], { kind: 'visa' }>;
  const days = 1 + Math.round((Date.parse(s.intendedExit) - Date.parse(s.intendedEntry)) / 86_400_000);
  return {
    accept: {
      territory: s.visaType === 'C' ? 'uniform' : 'national',
      entries: s.entriesRequested,
      validFrom: s.intendedEntry,
      validUntil: s.intendedExit,
      durationDays: Math.min(s.visaType === 'C' ? 90 : (s.national?.maxDays ?? 365), days),
    },
    // A D visa is refused where its national ground does not hold (Immigration Law s.11(2)).
    rejectGrounds: s.visaType === 'D' ? ['no-national-ground'] : ['purpose-not-justified'],
    rejectReasoning:
      s.visaType === 'D'
        ? 'Nav pierādīts ilgtermiņa vīzas pamats (demonstrācijas dati).'
        : 'Nav pamatots ceļojuma mērķis (demonstrācijas dati).',
  };
}

/** The staff a demo seed acts as: a migration officer and a decision-maker of the branch, or none. */
export function demoDeciders(
  staff: readonly StaffMember[],
): { officer: CaseActorContext; decider: CaseActorContext } | undefined {
  const officerMember = staff.find((s) => s.roles.includes('migration-officer'));
  const deciderMember = staff.find((s) => s.roles.length === 1 && s.roles[0] === 'decision-maker');
  return officerMember && deciderMember
    ? { officer: staffContext(officerMember), decider: staffContext(deciderMember) }
    : undefined;
}

export async function seedDemoMigration(
  migration: MigrationService,
  cases: CasesService,
  staff: readonly StaffMember[],
  opts: {
    count: number;
    today: PlainDate;
    hasCases: () => Promise<boolean>;
    inviter?: CaseActorContext | undefined;
    signal?: AbortSignal | undefined;
  },
): Promise<number> {
  if (opts.count <= 0 || (await opts.hasCases())) return 0;
  const who = demoDeciders(staff);
  if (!who) return 0;
  const { officer, decider } = who;
  let opened = 0;
  for (let i = 0; i < opts.count && !opts.signal?.aborted; i++) {
    const view = await migration.lodgeAtDesk(officer, applicant(i, opts.today));
    await advanceDemoCase(cases, officer, decider, view, STEPS[i % STEPS.length] as Step, opts.today, visaDecision);
    opened++;
  }
  // A demo resident's invitation waits for the officer.
  if (opts.inviter && !opts.signal?.aborted) {
    await migration.invite(opts.inviter, {
      invitee: {
        givenNames: 'Taras',
        surname: 'Bondarenko',
        sex: 'M',
        birthDate: '1990-09-09' as PlainDate,
        nationality: 'UKR',
        travelDocumentNumber: 'DM900001',
      },
      purpose: 'family-visit',
      periodFrom: addDays(opts.today, 30),
      periodUntil: addDays(opts.today, 50),
      addressInLatvia: 'Brīvības iela 1, Rīga, LV-1010',
      undertakings: { accommodation: true, returnTravel: true, healthCare: true },
      language: 'lv',
      documents: [],
    } satisfies InvitationRequestData);
    opened++;
  }
  return opened;
}
