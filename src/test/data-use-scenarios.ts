/**
 * One call per operation the OpenAPI document marks as carrying personal data, for the route walk
 * (`src/server/http/data-use-route-walk.test.ts`). A scenario prepares what its call needs, calls `mark()` just
 * before the call (entries written before the mark do not count), makes the call as a user who may, and returns
 * the id of the person whose data the answer carries. Scenarios run in this order and build on each other
 * (the case opened by one is read by the next), with synthetic data only.
 */
import { expect } from 'vitest';
import { passportPhoto } from './photos.ts';
import type { Client, TestContext } from './test-app.ts';

export const JANIS = '00000000-0000-4000-8000-000000000001';
export const ANNA = '00000000-0000-4000-8000-000000000002';
export const SERGEJS = '00000000-0000-4000-8000-000000000003';
export const ROBERTS = '00000000-0000-4000-8000-000000000008';
export const TATJANA = '00000000-0000-4000-8000-000000000007';
export const OLENA = '00000000-0000-4000-8000-000000000009';

const REASON = 'reason=route%20walk';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

export interface Walk {
  ctx: TestContext;
  /** Ids one scenario leaves for a later one. */
  ids: Record<string, string>;
  staff(username: string): Promise<Client>;
  resident(personId: string): Promise<Client>;
}
export type Scenario = (w: Walk, mark: () => Promise<void>) => Promise<string>;

type Res = { statusCode: number; body: string; json(): unknown };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely: the route's own tests check their shape
type Json = any;

/** The answer's JSON, after checking the status. */
export async function ok(res: Res | Promise<Res>, status = 200): Promise<Json> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.body ? r.json() : undefined;
}
async function okRaw(res: Res | Promise<Res>): Promise<void> {
  const r = await res;
  expect(r.statusCode, r.body.slice(0, 500)).toBe(200);
}
async function act(
  client: Client,
  view: { id: string; version: number },
  body: Record<string, unknown>,
): Promise<Json> {
  return ok(client.request('POST', `/api/cases/${view.id}/actions`, { expectedVersion: view.version, ...body }));
}
/** Partner systems call with their key, without a session. */
function partner(w: Walk, method: 'GET' | 'POST', url: string, key: string, payload?: unknown) {
  return w.ctx.app.inject({
    method,
    url,
    headers: { 'x-api-key': key },
    ...(payload ? { payload: payload as object } : {}),
  });
}

const identity: Record<string, Scenario> = {
  'POST /api/auth/demo-eid/sign-in': async (w, mark) => {
    await mark();
    await w.resident(ROBERTS);
    return ROBERTS;
  },
  'GET /api/portal/me/contact': async (w, mark) => {
    const janis = await w.resident(JANIS);
    await mark();
    await ok(janis.request('GET', '/api/portal/me/contact'));
    return JANIS;
  },
  'PUT /api/portal/me/contact': async (w, mark) => {
    const janis = await w.resident(JANIS);
    await mark();
    await ok(janis.request('PUT', '/api/portal/me/contact', { email: 'janis@example.invalid', language: 'lv' }));
    return JANIS;
  },
};

const registerReads: Record<string, Scenario> = {
  'GET /api/register/persons': async (w, mark) => {
    const registrar = await w.staff('registrar');
    await mark();
    const found = await ok(registrar.request('GET', `/api/register/persons?q=Anna%20Marija%20Ozola&${REASON}`));
    const anna = found.results.find((r: { id: string }) => r.id === ANNA);
    w.ids['annaCode'] = anna.personalCode;
    return ANNA;
  },
  'GET /api/register/persons/by-code/{code}': async (w, mark) => {
    const registrar = await w.staff('registrar');
    await mark();
    await ok(registrar.request('GET', `/api/register/persons/by-code/${w.ids['annaCode']}?${REASON}`));
    return ANNA;
  },
  'GET /api/register/persons/{personId}': async (w, mark) => {
    const registrar = await w.staff('registrar');
    await mark();
    await ok(registrar.request('GET', `/api/register/persons/${ANNA}?${REASON}`));
    return ANNA;
  },
  'GET /api/register/persons/{personId}/history': async (w, mark) => {
    const registrar = await w.staff('registrar');
    await mark();
    await ok(registrar.request('GET', `/api/register/persons/${ANNA}/history?${REASON}`));
    return ANNA;
  },
  'GET /api/portal/me/subjects': async (w, mark) => {
    const janis = await w.resident(JANIS);
    await mark();
    await ok(janis.request('GET', '/api/portal/me/subjects'));
    return JANIS;
  },
  'GET /api/portal/me/register': async (w, mark) => {
    const janis = await w.resident(JANIS);
    await mark();
    await ok(janis.request('GET', '/api/portal/me/register'));
    return JANIS;
  },
  'GET /api/portal/me/register/extract.pdf': async (w, mark) => {
    const janis = await w.resident(JANIS);
    await mark();
    await okRaw(janis.request('GET', '/api/portal/me/register/extract.pdf?lang=en'));
    return JANIS;
  },
};

const JELGAVA_ADDRESS = {
  kind: 'latvia',
  municipalityCode: 'LV-JEL',
  street: 'Lielā iela',
  building: '3',
  postcode: 'LV-3001',
};

const registerLists: Record<string, Scenario> = {
  'GET /api/portal/me/residence-declarations/{id}/confirmation.pdf': async (w, mark) => {
    const anna = await w.resident(ANNA);
    const declared = await ok(
      anna.request('POST', '/api/portal/me/residence-declarations', {
        subjectPersonId: ANNA,
        address: JELGAVA_ADDRESS,
        validFrom: '2026-11-29',
        housingBasis: 'Īres līgums',
      }),
      201,
    );
    await mark();
    await okRaw(
      anna.request('GET', `/api/portal/me/residence-declarations/${declared.declarationId}/confirmation.pdf?lang=lv`),
    );
    return ANNA;
  },
  'GET /api/register/declarations': async (w, mark) => {
    const municipality = await w.staff('municipality.jelgava');
    await mark();
    const list = await ok(municipality.request('GET', '/api/register/declarations'));
    expect(list.declarations.map((d: { personId: string }) => d.personId)).toContain(ANNA);
    return ANNA;
  },
  'POST /api/register/births': async (w, mark) => {
    const registrar = await w.staff('registrar');
    await mark();
    const born = await ok(
      registrar.request('POST', '/api/register/births', {
        givenNames: 'Emīlija',
        surname: 'Bērziņa',
        sex: 'F',
        birthDate: '2026-11-20',
        birthMunicipality: 'LV-RIX',
        motherId: '00000000-0000-4000-8000-000000000004',
        sourceDocument: 'Dzimšanas reģ. Nr. 2001',
        reason: 'Birth registration',
      }),
      201,
    );
    return born.personId;
  },
  'POST /api/register/registrations': async (w, mark) => {
    const registrar = await w.staff('registrar');
    const tatjana = await ok(registrar.request('GET', `/api/register/persons/${TATJANA}?${REASON}`));
    await mark();
    const held = await ok(
      registrar.request('POST', '/api/register/registrations', {
        givenNames: 'Tatyana',
        surname: 'Vasilyeva',
        sex: 'F',
        birthDate: tatjana.birthDate,
        birthCountry: 'UKR',
        legalStatus: 'foreigner',
        citizenships: ['UKR'],
        address: {
          kind: 'latvia',
          municipalityCode: 'LV-DGV',
          street: 'Saules iela',
          building: '1',
          postcode: 'LV-5401',
        },
        housingBasis: 'Īres līgums',
        sourceDocument: 'Pase FX1234567',
        reason: 'Registration',
      }),
      201,
    );
    w.ids['pendingId'] = held.pendingId;
    return TATJANA;
  },
  'GET /api/register/pending-registrations': async (w, mark) => {
    const second = await w.staff('registrar2');
    await mark();
    await ok(second.request('GET', `/api/register/pending-registrations?${REASON}`));
    return TATJANA;
  },
  'POST /api/register/pending-registrations/{id}/decision': async (w, mark) => {
    const second = await w.staff('registrar2');
    await mark();
    await ok(
      second.request('POST', `/api/register/pending-registrations/${w.ids['pendingId']}/decision`, {
        decision: 'same-person',
        existingPersonId: TATJANA,
        note: 'Same birth date and transliterated name',
        reason: 'Duplicate review',
      }),
    );
    return TATJANA;
  },
};

/** A near-copy of Roberts registered as a different person after review, so the duplicate scan pairs them. */
async function duplicatePair(w: Walk): Promise<string> {
  const registrar = await w.staff('registrar');
  const roberts = await ok(registrar.request('GET', `/api/register/persons/${ROBERTS}?${REASON}`));
  const held = await ok(
    registrar.request('POST', '/api/register/registrations', {
      givenNames: roberts.givenNames,
      surname: roberts.surname,
      sex: roberts.sex,
      birthDate: roberts.birthDate,
      birthCountry: 'LTU',
      legalStatus: 'foreigner',
      citizenships: ['LTU'],
      address: { kind: 'latvia', municipalityCode: 'LV-RIX', street: 'Meža iela', building: '2', postcode: 'LV-1001' },
      housingBasis: 'Īres līgums',
      sourceDocument: 'Pase LT7654321',
      reason: 'Registration',
    }),
    201,
  );
  await ok(
    (await w.staff('registrar2')).request('POST', `/api/register/pending-registrations/${held.pendingId}/decision`, {
      decision: 'register',
      note: 'A different person of the same name',
      reason: 'Duplicate review',
    }),
  );
  await ok((await w.staff('registrar')).request('POST', '/api/register/duplicates/scan'));
  return ROBERTS;
}

const registerDuplicates: Record<string, Scenario> = {
  'GET /api/register/duplicates': async (w, mark) => {
    await duplicatePair(w);
    await mark();
    const list = await ok((await w.staff('registrar')).request('GET', `/api/register/duplicates?${REASON}`));
    const pair = list.candidates.find((c: Json) => JSON.stringify(c).includes(ROBERTS));
    w.ids['candidateId'] = pair.id;
    return ROBERTS;
  },
  'POST /api/register/duplicates/{id}/decision': async (w, mark) => {
    await mark();
    await ok(
      (await w.staff('registrar')).request('POST', `/api/register/duplicates/${w.ids['candidateId']}/decision`, {
        decision: 'different-persons',
        reason: 'Reviewed',
      }),
    );
    return ROBERTS;
  },
};

const registerCases: Record<string, Scenario> = {
  'POST /api/cases/corrections': async (w, mark) => {
    await mark();
    const view = await ok(
      (await w.staff('registrar')).request('POST', '/api/cases/corrections', {
        personId: ANNA,
        field: 'birthPlace',
        requestedValue: 'Tukums',
        explanation: 'route walk',
        documents: [],
      }),
      201,
    );
    w.ids['deskCase'] = view.id;
    return ANNA;
  },
  'POST /api/cases/inclusions': async (w, mark) => {
    const registrar = await w.staff('registrar');
    const sergejs = await ok(registrar.request('GET', `/api/register/persons/${SERGEJS}?${REASON}`));
    await mark();
    // A look-alike of a registered person: the case shows staff who in the register resembles the applicant.
    await ok(
      registrar.request('POST', '/api/cases/inclusions', {
        givenNames: sergejs.givenNames,
        surname: sergejs.surname,
        sex: sergejs.sex,
        birthDate: sergejs.birthDate,
        birthCountry: 'RUS',
        legalStatus: 'foreigner',
        citizenships: ['RUS'],
        foreignDocument: { number: 'rx123456', country: 'RUS' },
        explanation: 'Needs a personal code',
        language: 'en',
        contactEmail: 'walk@example.invalid',
        documents: [{ kind: 'identity-document', fileName: 'passport.pdf', contentBase64: PDF }],
      }),
      201,
    );
    return SERGEJS;
  },
  'POST /api/portal/me/cases/corrections': async (w, mark) => {
    await mark();
    const view = await ok(
      (await w.resident(ANNA)).request('POST', '/api/portal/me/cases/corrections', {
        field: 'originalName',
        requestedValue: 'Anna Maria Ozola-Walk',
        explanation: 'My passport says so',
        language: 'lv',
        documents: [{ kind: 'evidence', fileName: 'pase.pdf', contentBase64: PDF }],
      }),
      201,
    );
    w.ids['myCase'] = view.id;
    w.ids['myCaseDocument'] = view.documents[0].id;
    return ANNA;
  },
};

const caseReads: Record<string, Scenario> = {
  'GET /api/cases/queue': async (w, mark) => {
    await mark();
    const queue = await ok((await w.staff('registrar')).request('GET', '/api/cases/queue?assignee=any&limit=100'));
    expect(queue.cases.map((c: { id: string }) => c.id)).toContain(w.ids['deskCase']);
    return ANNA;
  },
  'GET /api/cases/{caseId}': async (w, mark) => {
    await mark();
    await ok((await w.staff('registrar')).request('GET', `/api/cases/${w.ids['deskCase']}`));
    return ANNA;
  },
  'POST /api/cases/{caseId}/actions': async (w, mark) => {
    const registrar = await w.staff('registrar');
    const view = await ok(registrar.request('GET', `/api/cases/${w.ids['myCase']}`));
    await mark();
    await act(registrar, view, { kind: 'assign', outOfOrderReason: 'route walk' });
    return ANNA;
  },
  'GET /api/cases/{caseId}/documents/{documentId}': async (w, mark) => {
    await mark();
    await okRaw(
      (await w.staff('registrar')).request('GET', `/api/cases/${w.ids['myCase']}/documents/${w.ids['myCaseDocument']}`),
    );
    return ANNA;
  },
  'GET /api/cases/{caseId}/decision.pdf': async (w, mark) => {
    const registrar = await w.staff('registrar');
    let view = await ok(registrar.request('GET', `/api/cases/${w.ids['myCase']}`));
    view = await act(registrar, view, { kind: 'propose-decision', outcome: 'reject', reasoning: 'Not legible' });
    await act(await w.staff('decision.maker'), view, { kind: 'approve-decision' });
    await mark();
    await okRaw(registrar.request('GET', `/api/cases/${w.ids['myCase']}/decision.pdf`));
    return ANNA;
  },
  // The desk case refused, and the applicant's paper appeal recorded by the officer.
  'POST /api/cases/{caseId}/appeal': async (w, mark) => {
    const registrar = await w.staff('registrar');
    let view = await ok(registrar.request('GET', `/api/cases/${w.ids['deskCase']}`));
    if (!view.assigneeName) view = await act(registrar, view, { kind: 'assign', outOfOrderReason: 'route walk' });
    view = await act(registrar, view, { kind: 'propose-decision', outcome: 'reject', reasoning: 'No proof' });
    await act(await w.staff('decision.maker'), view, { kind: 'approve-decision' });
    await mark();
    await ok(
      registrar.request('POST', `/api/cases/${w.ids['deskCase']}/appeal`, { reason: 'Lodged on paper at the branch' }),
      201,
    );
    return ANNA;
  },
  'GET /api/cases/dashboard': async (w, mark) => {
    await mark();
    const board = await ok((await w.staff('supervisor')).request('GET', '/api/cases/dashboard'));
    expect(board.atRiskCases.length).toBeGreaterThan(0);
    return ANNA;
  },
};

const myCases: Record<string, Scenario> = {
  'GET /api/portal/me/cases': async (w, mark) => {
    await mark();
    await ok((await w.resident(ANNA)).request('GET', '/api/portal/me/cases'));
    return ANNA;
  },
  'GET /api/portal/me/cases/{caseId}': async (w, mark) => {
    await mark();
    await ok((await w.resident(ANNA)).request('GET', `/api/portal/me/cases/${w.ids['myCase']}`));
    return ANNA;
  },
  'GET /api/portal/me/cases/{caseId}/documents/{documentId}': async (w, mark) => {
    await mark();
    await okRaw(
      (await w.resident(ANNA)).request(
        'GET',
        `/api/portal/me/cases/${w.ids['myCase']}/documents/${w.ids['myCaseDocument']}`,
      ),
    );
    return ANNA;
  },
  'GET /api/portal/me/cases/{caseId}/decision.pdf': async (w, mark) => {
    await mark();
    await okRaw((await w.resident(ANNA)).request('GET', `/api/portal/me/cases/${w.ids['myCase']}/decision.pdf`));
    return ANNA;
  },
  'POST /api/portal/me/cases/{caseId}/appeal': async (w, mark) => {
    await mark();
    const appeal = await ok(
      (await w.resident(ANNA)).request('POST', `/api/portal/me/cases/${w.ids['myCase']}/appeal`, {
        reason: 'A legible copy is attached',
        documents: [{ fileName: 'pase.pdf', contentBase64: PDF }],
      }),
      201,
    );
    w.ids['appeal'] = appeal.id;
    return ANNA;
  },
  'POST /api/portal/me/cases/{caseId}/actions': async (w, mark) => {
    const anna = await w.resident(ANNA);
    const view = await ok(anna.request('GET', `/api/portal/me/cases/${w.ids['appeal']}`));
    await mark();
    await ok(
      anna.request('POST', `/api/portal/me/cases/${view.id}/actions`, {
        kind: 'withdraw',
        reason: 'Settled otherwise',
        expectedVersion: view.version,
      }),
    );
    return ANNA;
  },
};

async function riga1(w: Walk): Promise<string> {
  if (!w.ids['riga1']) {
    const branches = await ok(w.ctx.app.inject({ method: 'GET', url: '/api/public/appointments/branches' }));
    w.ids['riga1'] = branches.branches.find((b: { code: string }) => b.code === 'RIGA-1').id;
  }
  return w.ids['riga1'] as string;
}

const appointments: Record<string, Scenario> = {
  'POST /api/portal/me/appointments': async (w, mark) => {
    const janis = await w.resident(JANIS);
    const branchId = await riga1(w);
    await mark();
    // Today 10:20 in Riga (the test clock starts at 08:00 UTC), for the desk's list of the day below.
    const booked = await ok(
      janis.request('POST', '/api/portal/me/appointments', {
        branchId,
        serviceCode: 'document-pickup',
        startsAt: '2026-11-30T08:20:00.000Z',
      }),
      201,
    );
    w.ids['booking'] = booked.id;
    return JANIS;
  },
  'GET /api/portal/me/appointments': async (w, mark) => {
    await mark();
    await ok((await w.resident(JANIS)).request('GET', '/api/portal/me/appointments'));
    return JANIS;
  },
  'GET /api/appointments/day': async (w, mark) => {
    await mark();
    await ok((await w.staff('document.officer')).request('GET', '/api/appointments/day?date=2026-11-30'));
    return JANIS;
  },
  'POST /api/appointments/bookings/{bookingId}/status': async (w, mark) => {
    await mark();
    await ok(
      (await w.staff('document.officer')).request('POST', `/api/appointments/bookings/${w.ids['booking']}/status`, {
        status: 'arrived',
      }),
    );
    return JANIS;
  },
  'POST /api/portal/me/appointments/{bookingId}/cancel': async (w, mark) => {
    const janis = await w.resident(JANIS);
    const mine = await ok(janis.request('GET', '/api/portal/me/appointments'));
    const visit = mine.appointments.find(
      (b: { id: string; status: string }) => b.status === 'booked' && b.id !== w.ids['booking'],
    );
    w.ids['laterBooking'] = visit.id;
    await mark();
    await ok(janis.request('POST', `/api/portal/me/appointments/${visit.id}/cancel`));
    return JANIS;
  },
  'POST /api/portal/me/appointments/{bookingId}/restore': async (w, mark) => {
    await mark();
    await ok((await w.resident(JANIS)).request('POST', `/api/portal/me/appointments/${w.ids['laterBooking']}/restore`));
    return JANIS;
  },
};

/** A valid document of the person (of `type`, or any), as the desk reads it. */
async function validDocument(w: Walk, personId: string, type?: string): Promise<{ id: string; number: string }> {
  const docs = await ok(
    (await w.staff('document.officer')).request('GET', `/api/documents/persons/${personId}?${REASON}`),
  );
  const found = docs.documents.find(
    (d: { type: string; status: string }) => (!type || d.type === type) && d.status === 'valid',
  );
  expect(found, `a valid ${type ?? 'document'} of ${personId}`).toBeDefined();
  return found;
}

const documentApplications: Record<string, Scenario> = {
  'GET /api/portal/me/document-applications/options': async (w, mark) => {
    await mark();
    await ok((await w.resident(ANNA)).request('GET', '/api/portal/me/document-applications/options'));
    return ANNA;
  },
  'POST /api/portal/me/document-applications': async (w, mark) => {
    const pickupBranchId = await riga1(w);
    await mark();
    const view = await ok(
      (await w.resident(ANNA)).request('POST', '/api/portal/me/document-applications', {
        documentType: 'passport',
        tier: 'standard',
        reason: 'renewal',
        pickupBranchId,
        contactEmail: 'anna@example.invalid',
      }),
      201,
    );
    w.ids['application'] = view.id;
    return ANNA;
  },
  'POST /api/portal/me/document-applications/{caseId}/payment': async (w, mark) => {
    const anna = await w.resident(ANNA);
    const view = await ok(anna.request('GET', `/api/portal/me/cases/${w.ids['application']}`));
    await mark();
    await ok(
      anna.request('POST', `/api/portal/me/document-applications/${view.id}/payment`, {
        expectedVersion: view.version,
      }),
    );
    return ANNA;
  },
  'GET /api/documents/applications': async (w, mark) => {
    await mark();
    await ok((await w.staff('document.officer')).request('GET', `/api/documents/applications?personId=${ANNA}`));
    return ANNA;
  },
  'POST /api/documents/applications/{caseId}/reception': async (w, mark) => {
    const officer = await w.staff('document.officer');
    const passport = await validDocument(w, ANNA, 'passport');
    const view = await ok(officer.request('GET', `/api/cases/${w.ids['application']}`));
    await mark();
    await ok(
      officer.request('POST', `/api/documents/applications/${view.id}/reception`, {
        expectedVersion: view.version,
        identity: { method: 'identity-document', documentNumber: passport.number },
        photo: passportPhoto(),
      }),
    );
    return ANNA;
  },
  'GET /api/documents/production-batches/{batchId}/export': async (w, mark) => {
    const second = await w.staff('document.officer2');
    const view = await ok(second.request('GET', `/api/cases/${w.ids['application']}`));
    await act(second, view, { kind: 'approve-decision' });
    const supervisor = await w.staff('supervisor');
    const batch = await ok(supervisor.request('POST', '/api/documents/production-batches'), 201);
    w.ids['batch'] = batch.id;
    w.ids['documentNumber'] = batch.items[0].documentNumber;
    await mark();
    await okRaw(supervisor.request('GET', `/api/documents/production-batches/${batch.id}/export`));
    return ANNA;
  },
  'GET /api/exchange/production-batches/{batchId}/export': async (w, mark) => {
    await mark();
    await okRaw(partner(w, 'GET', `/api/exchange/production-batches/${w.ids['batch']}/export`, 'demo-centre-key'));
    return ANNA;
  },
  'POST /api/documents/applications/{caseId}/hand-over': async (w, mark) => {
    const supervisor = await w.staff('supervisor');
    await ok(
      supervisor.request('POST', `/api/documents/production-batches/${w.ids['batch']}/confirmations`, {
        items: [{ documentNumber: w.ids['documentNumber'], result: 'produced' }],
      }),
    );
    const officer = await w.staff('document.officer');
    const passport = await validDocument(w, ANNA, 'passport');
    const view = await ok(officer.request('GET', `/api/cases/${w.ids['application']}`));
    await mark();
    await ok(
      officer.request('POST', `/api/documents/applications/${view.id}/hand-over`, {
        expectedVersion: view.version,
        identity: { method: 'identity-document', documentNumber: passport.number },
        receivedBy: 'Anna Ozola',
      }),
    );
    return ANNA;
  },
  'POST /api/documents/applications': async (w, mark) => {
    await mark();
    await ok(
      (await w.staff('document.officer')).request('POST', '/api/documents/applications', {
        personId: JANIS,
        documentType: 'identity-card',
        tier: 'urgent',
        reason: 'first',
        identity: { method: 'biometric-match' },
        photo: passportPhoto(),
        payment: { method: 'card' },
      }),
      201,
    );
    return JANIS;
  },
};

const documents: Record<string, Scenario> = {
  'GET /api/documents/persons/{personId}': async (w, mark) => {
    await mark();
    await validDocument(w, SERGEJS);
    return SERGEJS;
  },
  'POST /api/documents/{documentId}/invalidation': async (w, mark) => {
    const doc = await validDocument(w, SERGEJS);
    await mark();
    await ok(
      (await w.staff('document.officer')).request('POST', `/api/documents/${doc.id}/invalidation`, {
        reason: 'damaged',
        effectiveOn: '2026-11-30',
        note: 'Brought in torn',
      }),
    );
    return SERGEJS;
  },
  'GET /api/portal/me/documents': async (w, mark) => {
    await mark();
    await ok((await w.resident(JANIS)).request('GET', '/api/portal/me/documents'));
    return JANIS;
  },
  'POST /api/portal/me/documents/{documentId}/report': async (w, mark) => {
    const janis = await w.resident(JANIS);
    const mine = await ok(janis.request('GET', '/api/portal/me/documents'));
    const doc = mine.documents.find(
      (d: { holderPersonId: string; status: string }) => d.holderPersonId === JANIS && d.status === 'valid',
    );
    await mark();
    await ok(
      janis.request('POST', `/api/portal/me/documents/${doc.id}/report`, {
        reason: 'lost',
        circumstances: 'Lost on a train',
      }),
    );
    return JANIS;
  },
};

/** A short-stay visa application of Olena's (a registered foreigner); the test clock's today is 2026-11-30. */
const visaApplication = (policyNumber: string) => ({
  visaType: 'C',
  givenNames: 'Olena',
  surname: 'Shevchenko',
  sex: 'F',
  birthDate: '1988-02-14',
  nationality: 'UKR',
  travelDocument: { number: 'FP123456', country: 'UKR', validUntil: '2029-05-01' },
  purpose: 'tourism',
  intendedEntry: '2027-01-10',
  intendedExit: '2027-01-24',
  entriesRequested: 'single',
  insurance: {
    insurer: 'Demo Insurance',
    policyNumber,
    coverageEur: 30000,
    validFrom: '2027-01-10',
    validUntil: '2027-01-24',
  },
  means: { kind: 'bank-statement', amountEur: 1500 },
  language: 'en',
  contactEmail: 'olena@example.invalid',
});

/** Olena's online visa application, assigned, proposed and approved by a second person: the visa is issued. */
async function issueVisa(w: Walk, caseId: string): Promise<void> {
  const officer = await w.staff('migration.officer');
  let view = await ok(officer.request('GET', `/api/cases/${caseId}`));
  view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'route walk' });
  view = await act(officer, view, {
    kind: 'propose-decision',
    outcome: 'accept',
    reasoning: 'Met',
    acknowledgeFailedChecks: true,
    overrideReason: 'The missing evidence was seen in person.',
    terms: {
      territory: 'uniform',
      entries: 'single',
      validFrom: '2027-01-10',
      validUntil: '2027-01-24',
      durationDays: 15,
    },
  });
  view = await act(await w.staff('migration.decider'), view, {
    kind: 'approve-decision',
    acknowledgeFailedChecks: true,
  });
  w.ids['visaNumber'] = view.subject.visa.visaNumber;
}

const visas: Record<string, Scenario> = {
  'POST /api/portal/me/visas': async (w, mark) => {
    await mark();
    const view = await ok(
      (await w.resident(OLENA)).request('POST', '/api/portal/me/visas', visaApplication('TMI-W1')),
      201,
    );
    w.ids['visaCase'] = view.id;
    return OLENA;
  },
  'POST /api/migration/visas': async (w, mark) => {
    await mark();
    const view = await ok(
      (await w.staff('migration.officer')).request('POST', '/api/migration/visas', {
        ...visaApplication('TMI-W2'),
        personId: OLENA,
        intendedEntry: '2027-03-10',
        intendedExit: '2027-03-20',
        insurance: {
          insurer: 'Demo',
          policyNumber: 'TMI-W2',
          coverageEur: 30000,
          validFrom: '2027-03-10',
          validUntil: '2027-03-20',
        },
        payment: { method: 'card' },
      }),
      201,
    );
    w.ids['deskVisaCase'] = view.id;
    return OLENA;
  },
  'POST /api/procedure-rules/moves': async (w, mark) => {
    // Olena lodged at the desk the day before the 2024 fee change (the clock held there): a dry run of the move
    // to the 2024 rules lists her case, and her log shows the administrator's read.
    const now = w.ctx.clock.now();
    w.ctx.clock.set('2024-06-10T08:00:00Z');
    try {
      const officer = await w.staff('migration.officer');
      await ok(
        officer.request('POST', '/api/migration/visas', {
          ...visaApplication('TMI-W3'),
          personId: OLENA,
          travelDocument: { number: 'FP123456', country: 'UKR', validUntil: '2027-05-01' },
          intendedEntry: '2024-07-10',
          intendedExit: '2024-07-20',
          insurance: {
            insurer: 'Demo',
            policyNumber: 'TMI-W3',
            coverageEur: 30000,
            validFrom: '2024-07-10',
            validUntil: '2024-07-20',
          },
          payment: { method: 'card' },
        }),
        201,
      );
    } finally {
      w.ctx.clock.set(now);
    }
    const admin = await w.staff('admin');
    await mark();
    const plan = await ok(
      admin.request('POST', '/api/procedure-rules/moves', { procedure: 'visa-c', to: '2024-06-11', dryRun: true }),
    );
    expect(plan.cases).toHaveLength(1);
    return OLENA;
  },
  'GET /api/exchange/consultations': async (w, mark) => {
    const officer = await w.staff('migration.officer');
    let view = await ok(officer.request('GET', `/api/cases/${w.ids['deskVisaCase']}`));
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'route walk' });
    await act(officer, view, {
      kind: 'request-consultation',
      authority: 'state-border-guard',
      question: 'Any entry ban?',
      dueOn: '2026-12-07',
    });
    await mark();
    await ok(partner(w, 'GET', '/api/exchange/consultations', 'demo-border-guard-key'));
    return OLENA;
  },
  'POST /api/portal/me/invitations': async (w, mark) => {
    await mark();
    await ok(
      (await w.resident(JANIS)).request('POST', '/api/portal/me/invitations', {
        invitee: {
          givenNames: 'Taras',
          surname: 'Bondarenko',
          sex: 'M',
          birthDate: '1990-09-09',
          nationality: 'UKR',
          travelDocumentNumber: 'FX998877',
        },
        purpose: 'family-visit',
        periodFrom: '2027-02-01',
        periodUntil: '2027-02-28',
        addressInLatvia: 'Brīvības iela 1, Rīga',
        undertakings: { accommodation: true, returnTravel: true, healthCare: true },
      }),
      201,
    );
    return JANIS;
  },
  'GET /api/migration/visas/{visaNumber}': async (w, mark) => {
    await issueVisa(w, w.ids['visaCase'] as string);
    await mark();
    await ok(
      (await w.staff('migration.officer')).request('GET', `/api/migration/visas/${w.ids['visaNumber']}?${REASON}`),
    );
    return OLENA;
  },
  'GET /api/exchange/visas/{visaNumber}': async (w, mark) => {
    await mark();
    await ok(partner(w, 'GET', `/api/exchange/visas/${w.ids['visaNumber']}`, 'demo-border-guard-key'));
    return OLENA;
  },
  'POST /api/migration/visas/{visaNumber}/end': async (w, mark) => {
    await mark();
    await ok(
      (await w.staff('migration.decider')).request('POST', `/api/migration/visas/${w.ids['visaNumber']}/end`, {
        kind: 'revocation',
        grounds: ['threat'],
        reasoning: 'Information received after the visa was issued',
      }),
    );
    return OLENA;
  },
  'GET /api/migration/visas/{visaNumber}/ending.pdf': async (w, mark) => {
    await mark();
    await okRaw(
      (await w.staff('migration.decider')).request(
        'GET',
        `/api/migration/visas/${w.ids['visaNumber']}/ending.pdf?${REASON}`,
      ),
    );
    return OLENA;
  },
  'GET /api/portal/me/cases/{caseId}/visa-ending.pdf': async (w, mark) => {
    await mark();
    await okRaw((await w.resident(OLENA)).request('GET', `/api/portal/me/cases/${w.ids['visaCase']}/visa-ending.pdf`));
    return OLENA;
  },
};

/** A first temporary residence permit for employment, everything enclosed (the test clock's today is 2026-11-30). */
const permitApplication = {
  permitKind: 'temporary',
  ground: 'employment',
  application: 'first',
  tier: 'standard',
  givenNames: 'Olena',
  surname: 'Shevchenko',
  sex: 'F',
  birthDate: '1988-02-14',
  birthCountry: 'UKR',
  nationality: 'UKR',
  travelDocument: { number: 'FP123456', country: 'UKR', validUntil: '2031-01-01' },
  requestedUntil: '2027-11-29',
  sponsor: 'SIA Demo Software',
  monthlyIncomeEur: 2400,
  addressInLatvia: 'Brīvības iela 1, Rīga',
  enclosed: [
    'application-form',
    'travel-document-copy',
    'photo',
    'criminal-record',
    'invitation',
    'employment-contract',
    'means-of-subsistence',
    'health-insurance',
  ],
  language: 'en',
  contactEmail: 'olena@example.invalid',
};

const permits: Record<string, Scenario> = {
  'POST /api/portal/me/permits': async (w, mark) => {
    await mark();
    const view = await ok((await w.resident(OLENA)).request('POST', '/api/portal/me/permits', permitApplication), 201);
    w.ids['permitCase'] = view.id;
    return OLENA;
  },
  'POST /api/migration/permits': async (w, mark) => {
    await mark();
    await ok(
      (await w.staff('migration.officer')).request('POST', '/api/migration/permits', {
        ...permitApplication,
        personId: OLENA,
        ground: 'study',
        sponsor: 'Latvijas Universitāte',
        payment: { method: 'card' },
      }),
      201,
    );
    return OLENA;
  },
  'GET /api/migration/permits/{permitNumber}': async (w, mark) => {
    const officer = await w.staff('migration.officer');
    let view = await ok(officer.request('GET', `/api/cases/${w.ids['permitCase']}`));
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'route walk' });
    view = await act(officer, view, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Employment confirmed',
      terms: { validFrom: '2026-11-30', validUntil: '2027-11-29' },
      acknowledgeFailedChecks: true,
      overrideReason: 'The missing evidence was seen in person.',
    });
    view = await act(await w.staff('migration.decider'), view, {
      kind: 'approve-decision',
      acknowledgeFailedChecks: true,
    });
    w.ids['permitNumber'] = view.subject.permit.permitNumber;
    await mark();
    await ok(officer.request('GET', `/api/migration/permits/${w.ids['permitNumber']}?${REASON}`));
    return OLENA;
  },
  'POST /api/migration/permits/{permitNumber}/cancel': async (w, mark) => {
    await mark();
    await ok(
      (await w.staff('migration.decider')).request('POST', `/api/migration/permits/${w.ids['permitNumber']}/cancel`, {
        grounds: ['ground-ceased'],
        effectiveOn: '2026-11-30',
        reasoning: 'The employment contract was terminated.',
      }),
    );
    return OLENA;
  },
  'GET /api/migration/permits/{permitNumber}/cancellation.pdf': async (w, mark) => {
    await mark();
    await okRaw(
      (await w.staff('migration.decider')).request(
        'GET',
        `/api/migration/permits/${w.ids['permitNumber']}/cancellation.pdf?${REASON}`,
      ),
    );
    return OLENA;
  },
};

export const SCENARIOS: Record<string, Scenario> = {
  ...identity,
  ...registerReads,
  ...registerLists,
  ...registerDuplicates,
  ...registerCases,
  ...caseReads,
  ...myCases,
  ...appointments,
  ...documentApplications,
  ...documents,
  ...visas,
  ...permits,
};
