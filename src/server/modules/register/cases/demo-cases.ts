/**
 * Demo correction cases for the demo eID persons, one in each step (received, in review, waiting for the
 * applicant, proposed, decided), and the inclusion of a person not yet in the register, opened and worked through the service like real ones, so a resident
 * signing in as a demo person and the demo registrar, decision-maker and supervisor find work on first
 * start. Runs only when the office has no cases yet.
 */
import type { StaffMember } from '../../identity/index.ts';
import type { CaseActorContext, CasesService } from '../../cases/index.ts';
import type { CorrectableField } from '../../../../shared/contracts/cases.contract.ts';
import { plainDate } from '../../../../shared/kernel/plain-date.ts';
import type { RegisterCasesService } from './register-cases.service.ts';

interface DemoCase {
  personId: string;
  name: string;
  field: CorrectableField;
  value: string;
  explanation: string;
  /** How far the case goes: 0 received, 1 taken, 2 information requested, 3 proposed, 4 decided. */
  step: 0 | 1 | 2 | 3 | 4;
}

const DEMO_CASES: readonly DemoCase[] = [
  {
    personId: '00000000-0000-4000-8000-000000000002',
    name: 'Anna Marija Ozola',
    field: 'birthPlace',
    value: 'Jelgava',
    explanation: 'Dzimšanas apliecībā kā dzimšanas vieta norādīta Jelgava.',
    step: 0,
  },
  {
    personId: '00000000-0000-4000-8000-000000000001',
    name: 'Jānis Bērziņš',
    field: 'ethnicity',
    value: 'latvietis',
    explanation: 'Tautība reģistrā nav ierakstīta; pievienoju vecāku dzimšanas apliecības.',
    step: 1,
  },
  {
    personId: '00000000-0000-4000-8000-000000000004',
    name: 'Līga Kalniņa',
    field: 'birthPlace',
    value: 'Rīga',
    explanation: 'Dzimšanas vieta ir Rīga, nevis Rīgas rajons.',
    step: 2,
  },
  {
    personId: '00000000-0000-4000-8000-000000000008',
    name: 'Roberts Krūmiņš',
    field: 'birthPlace',
    value: 'Valmiera',
    explanation: 'Piedzimu Valmierā; apliecība pievienota.',
    step: 3,
  },
  {
    personId: '00000000-0000-4000-8000-000000000003',
    name: 'Sergejs Ivanovs',
    field: 'originalName',
    value: 'Sergey Ivanov',
    explanation: 'Vārda oriģinālforma pasē: Sergey Ivanov.',
    step: 4,
  },
];

const DEMO_EVIDENCE = Buffer.from(
  '%PDF-1.4\n% Demo evidence: a synthetic document, not a real certificate.\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
).toString('base64');

export async function seedDemoCases(
  cases: CasesService,
  registerCases: RegisterCasesService,
  staff: readonly StaffMember[],
  hasCases: () => Promise<boolean>,
): Promise<number> {
  if (await hasCases()) return 0;
  const registrar = staff.find((s) => s.roles.length === 1 && s.roles[0] === 'registrar');
  const decider = staff.find((s) => s.roles.length === 1 && s.roles[0] === 'decision-maker');
  if (!registrar || !decider) return 0;
  const staffCtx = (s: StaffMember): CaseActorContext => ({
    kind: 'staff',
    id: s.id,
    name: s.displayName,
    roles: s.roles,
    branchId: s.branchId,
    audit: { type: 'staff', id: s.id, name: s.displayName, role: s.roles.join(','), institution: 'PMLP' },
  });
  const officer = staffCtx(registrar);
  let opened = 0;
  for (const d of DEMO_CASES) {
    const resident: CaseActorContext = {
      kind: 'resident',
      personId: d.personId,
      name: d.name,
      audit: { type: 'resident', id: d.personId, name: null, role: 'resident', institution: 'Civitas' },
    };
    let view = await registerCases.createCorrectionOnline(resident, {
      field: d.field,
      requestedValue: d.value,
      explanation: d.explanation,
      language: 'lv',
      documents: [{ kind: 'evidence', fileName: 'apliecība.pdf', contentBase64: DEMO_EVIDENCE }],
    });
    opened++;
    if (d.step >= 1)
      view = await cases.takeAction(officer, view.id, {
        kind: 'assign',
        expectedVersion: view.version,
        outOfOrderReason: 'Demonstrācijas dati',
      });
    if (d.step === 2) {
      const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      await cases.takeAction(officer, view.id, {
        kind: 'request-information',
        expectedVersion: view.version,
        question: 'Lūdzu pievienojiet dzimšanas apliecības kopiju.',
        dueOn: due,
      });
    }
    if (d.step >= 3)
      view = await cases.takeAction(officer, view.id, {
        kind: 'propose-decision',
        expectedVersion: view.version,
        outcome: 'accept',
        reasoning: 'Pievienotais dokuments apstiprina lūgto labojumu.',
      });
    if (d.step >= 4)
      await cases.takeAction(staffCtx(decider), view.id, { kind: 'approve-decision', expectedVersion: view.version });
  }
  // A person not in the register asks to be included: the demo registrar finds the inclusion in the queue.
  await registerCases.createInclusionAtDesk(officer, {
    givenNames: 'Oksana',
    surname: 'Kovalenko',
    sex: 'F',
    birthDate: plainDate('1991-04-17'),
    birthCountry: 'UKR',
    legalStatus: 'foreigner',
    citizenships: ['UKR'],
    foreignDocument: { number: 'FX123456', country: 'UKR' },
    explanation: 'Personas kods vajadzīgs darba līgumam un nodokļu maksāšanai.',
    language: 'lv',
    contactEmail: 'oksana.kovalenko@example.test',
    documents: [{ kind: 'identity-document', fileName: 'pase.pdf', contentBase64: DEMO_EVIDENCE }],
  });
  return opened + 1;
}
