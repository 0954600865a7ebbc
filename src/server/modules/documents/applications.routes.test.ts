/**
 * Document applications over HTTP, the whole path: a resident prepares a passport application
 * online and pays; the desk receives it (identity, photo); a second officer approves (four-eyes); the
 * batch is exported signed and confirmed; the document is handed over with a valid MRZ; the resident
 * reports it stolen; the public check says invalid. And the desk's one-step application, bad input,
 * idempotency, a spoiled blank, and the booking that carries the application.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  signInResident,
  signInStaff,
  type Client,
  type TestContext,
} from '../../../test/test-app.ts';
import { passportPhoto, png } from '../../../test/photos.ts';
import { parseMrz } from '../../../shared/kernel/mrz.ts';
import { plainDate } from '../../../shared/kernel/plain-date.ts';
import { verifySigned } from '../../platform/signing.ts';

const ANNA = '00000000-0000-4000-8000-000000000002';
const JANIS = '00000000-0000-4000-8000-000000000001';
const SERGEJS = '00000000-0000-4000-8000-000000000003'; // a non-citizen
const LIGA = '00000000-0000-4000-8000-000000000004';
const OLENA = '00000000-0000-4000-8000-000000000009'; // a foreigner with a residence permit

type View = {
  id: string;
  reference: string;
  status: string;
  version: number;
  dueOn: string | null;
  availableActions: string[];
  subject: {
    kind: string;
    fee: { amountCents: number };
    payment: { reference: string; method: string } | null;
    readyOn: string | null;
    production: { documentNumber: string; confirmed: boolean } | null;
    issued: { documentNumber: string; documentId: string } | null;
    identityCheck: unknown;
    photoDocumentId: string | null;
  };
  proposal: { reasoning: string; ruleTrace: Array<{ rule: string; passed: boolean }> } | null;
  documents: Array<{ id: string; kind: string }>;
  timeline: Array<{ kind: string }>;
};
type Batch = {
  id: string;
  reference: string;
  itemCount: number;
  keyId: string;
  items: Array<{ caseId: string; documentNumber: string; result: string }>;
};

let ctx: TestContext;
let anna: Client;
let officer: Client;
let officer2: Client;
let supervisor: Client;
let riga1: string;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.app.backgroundJobs.seedDemoDocuments();
  await ctx.app.backgroundJobs.ensureAppointmentDefaults();
  anna = await signInResident(ctx.app, ANNA);
  officer = await signInStaff(ctx.app, 'document.officer');
  officer2 = await signInStaff(ctx.app, 'document.officer2');
  supervisor = await signInStaff(ctx.app, 'supervisor');
  const options = (await anna.request('GET', '/api/portal/me/document-applications/options')).json() as {
    branches: Array<{ id: string; name: string }>;
  };
  riga1 = (options.branches.find((b) => b.name === 'Rīgas 1. nodaļa') as { id: string }).id;
});
afterAll(() => ctx.close());

const ok = async <T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
};
const problem = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>, status: number) => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as { code: string; errors?: Array<{ path: string; reason?: string; key?: string }> };
};
async function annaDocumentNumber(type = 'passport'): Promise<string> {
  const docs = (await anna.request('GET', '/api/portal/me/documents')).json() as {
    documents: Array<{ type: string; number: string; status: string; holderPersonId: string }>;
  };
  return (
    docs.documents.find((d) => d.type === type && d.status === 'valid' && d.holderPersonId === ANNA) as {
      number: string;
    }
  ).number;
}

describe('the issue’s path, online to stolen', () => {
  it('runs from the online application to the public check', async () => {
    const options = await ok<{
      subjects: Array<{
        personId: string;
        documentTypes: Array<{ type: string; fees: { standard: { amountCents: number } } }>;
      }>;
      readyOn: { standard: string };
    }>(anna.request('GET', '/api/portal/me/document-applications/options'));
    const self = options.subjects.find((s) => s.personId === ANNA);
    expect(self?.documentTypes.map((d) => d.type)).toContain('passport');
    expect(self?.documentTypes.find((d) => d.type === 'passport')?.fees.standard.amountCents).toBe(5000);

    // Prepared online: no clock yet, nothing paid.
    let view = await ok<View>(
      anna.request('POST', '/api/portal/me/document-applications', {
        documentType: 'passport',
        tier: 'standard',
        reason: 'renewal',
        pickupBranchId: riga1,
        contactEmail: 'anna@example.invalid',
      }),
      201,
    );
    expect(view.reference).toMatch(/^DP-2026-\d{6}$/);
    expect(view.status).toBe('prepared');
    expect(view.dueOn).toBeNull();
    expect(view.subject.payment).toBeNull();
    // A second one for the same document is refused while this one is open.
    const dup = await problem(
      anna.request('POST', '/api/portal/me/document-applications', {
        documentType: 'passport',
        reason: 'renewal',
        pickupBranchId: riga1,
      }),
      400,
    );
    expect(dup.errors?.[0]?.reason).toBe('application-open');

    // The visit carries the application.
    const slots = (
      await anna.request(
        'GET',
        `/api/public/appointments/slots?branchId=${riga1}&service=document-application&date=2026-12-01`,
      )
    ).json() as { slots: Array<{ startsAt: string; free: number }> };
    const slot = slots.slots.find((s) => s.free > 0) as { startsAt: string };
    const booking = await ok<{ applicationCaseId: string }>(
      anna.request('POST', '/api/portal/me/appointments', {
        branchId: riga1,
        serviceCode: 'document-application',
        startsAt: slot.startsAt,
        applicationCaseId: view.id,
      }),
      201,
    );
    expect(booking.applicationCaseId).toBe(view.id);

    view = await ok<View>(
      anna.request('POST', `/api/portal/me/document-applications/${view.id}/payment`, {
        expectedVersion: view.version,
      }),
    );
    expect(view.subject.payment?.method).toBe('online');
    expect(view.subject.payment?.reference).toMatch(/^DEMO-/);
    expect(
      (
        await problem(
          anna.request('POST', `/api/portal/me/document-applications/${view.id}/payment`, {
            expectedVersion: view.version,
          }),
          409,
        )
      ).code,
    ).toBe('INVALID_STATE');

    // At the desk: the application is found for the person; a photo that cannot be printed is refused.
    const found = await ok<{ applications: View[] }>(
      officer.request('GET', `/api/documents/applications?personId=${ANNA}`),
    );
    expect(found.applications.map((a) => a.id)).toContain(view.id);
    const square = { kind: 'photo', fileName: 'x.png', contentBase64: Buffer.from(png(600, 600)).toString('base64') };
    const badPhoto = await problem(
      officer.request('POST', `/api/documents/applications/${view.id}/reception`, {
        expectedVersion: view.version,
        identity: { method: 'identity-document', documentNumber: await annaDocumentNumber() },
        photo: square,
      }),
      400,
    );
    expect(badPhoto.errors?.[0]).toMatchObject({ path: 'photo.contentBase64', reason: 'photo-proportions' });
    const noNumber = await problem(
      officer.request('POST', `/api/documents/applications/${view.id}/reception`, {
        expectedVersion: view.version,
        identity: { method: 'identity-document' },
        photo: passportPhoto(),
      }),
      400,
    );
    expect(noNumber.errors?.[0]?.path).toBe('identity.documentNumber');
    view = await ok<View>(
      officer.request('POST', `/api/documents/applications/${view.id}/reception`, {
        expectedVersion: view.version,
        identity: { method: 'identity-document', documentNumber: await annaDocumentNumber() },
        photo: passportPhoto(),
      }),
    );
    expect(view.status).toBe('proposed');
    // The reasoning is stored once, in the office's language, and says what the desk did.
    expect(view.proposal?.reasoning).toBe(
      'Pieteikums pieņemts klātienē: personas identitāte pārbaudīta, fotoattēls uzņemts, valsts nodeva samaksāta tiešsaistē.',
    );
    expect(view.subject.readyOn).toBe('2026-12-14');
    expect(view.dueOn).toBe('2026-12-14');
    expect(
      view.proposal?.ruleTrace
        .filter((c) => ['fee-paid', 'identity-checked', 'photo-taken', 'status-allows-document'].includes(c.rule))
        .every((c) => c.passed),
    ).toBe(true);

    // Four-eyes: the officer who took it cannot approve it; a second one does.
    expect(
      (
        await problem(
          officer.request('POST', `/api/cases/${view.id}/actions`, {
            kind: 'approve-decision',
            expectedVersion: view.version,
          }),
          403,
        )
      ).code,
    ).toBe('FOUR_EYES_REQUIRED');
    view = await ok<View>(
      officer2.request('POST', `/api/cases/${view.id}/actions`, {
        kind: 'approve-decision',
        expectedVersion: view.version,
      }),
    );
    expect(view.status).toBe('accepted');

    // The batch: numbered, signed, idempotent.
    const listed = await ok<{ waiting: number }>(supervisor.request('GET', '/api/documents/production-batches'));
    expect(listed.waiting).toBe(1);
    const create = () =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/documents/production-batches',
        headers: {
          cookie: supervisor.cookie as string,
          'x-csrf-token': supervisor.csrf as string,
          'idempotency-key': 'batch-1',
        },
      });
    const first = await create();
    expect(first.statusCode, first.body).toBe(201);
    const batch = first.json() as Batch;
    expect((await create()).json()).toEqual(batch);
    expect(batch.itemCount).toBe(1);
    const number = (batch.items[0] as { documentNumber: string }).documentNumber;
    expect(number).toMatch(/^LV\d{7}$/);
    const exported = await supervisor.request('GET', `/api/documents/production-batches/${batch.id}/export`);
    expect(exported.headers['content-type']).toContain('application/jose+json');
    expect((await supervisor.request('GET', `/api/documents/production-batches/${batch.id}/export`)).body).toBe(
      exported.body,
    );
    const jwk = await ok<{ kid: string }>(supervisor.request('GET', '/api/documents/production-batches/signing-key'));
    expect(jwk.kid).toBe(batch.keyId);
    const payload = (await verifySigned(exported.body, jwk as never)) as {
      format: string;
      items: Array<{
        documentNumber: string;
        mrz: string[];
        holder: { personalCode: string };
        photo: { sha256: string };
      }>;
    };
    expect(payload.format).toBe('civitas.production-order.v1');
    expect(payload.items[0]?.documentNumber).toBe(number);
    expect(parseMrz(payload.items[0]?.mrz ?? [], { today: plainDate('2026-11-30') })).toMatchObject({
      valid: true,
      documentNumber: number,
      surname: 'OZOLA',
    });
    const tampered = exported.body.replace(/"payload":"(.)/, (_m, c: string) => `"payload":"${c === 'A' ? 'B' : 'A'}`);
    await expect(verifySigned(tampered, jwk as never)).rejects.toThrow();
    view = await ok<View>(anna.request('GET', `/api/portal/me/cases/${view.id}`));
    expect(view.status).toBe('in-production');
    expect(
      (
        await problem(
          officer.request('POST', `/api/documents/applications/${view.id}/hand-over`, {
            expectedVersion: view.version,
            identity: { method: 'biometric-match' },
            receivedBy: 'Anna',
          }),
          409,
        )
      ).code,
    ).toBe('INVALID_STATE');

    // The centre confirms (twice: the repeat changes nothing); an unknown number is named.
    const unknown = await problem(
      supervisor.request('POST', `/api/documents/production-batches/${batch.id}/confirmations`, {
        items: [{ documentNumber: 'LV9999999', result: 'produced' }],
      }),
      400,
    );
    expect(unknown.errors?.[0]).toMatchObject({ path: 'items.0.documentNumber', reason: 'unknown-number' });
    await ok(
      supervisor.request('POST', `/api/documents/production-batches/${batch.id}/confirmations`, {
        items: [{ documentNumber: number, result: 'produced' }],
      }),
    );
    const again = await ok<{ confirmedAt: string | null; produced: number }>(
      supervisor.request('POST', `/api/documents/production-batches/${batch.id}/confirmations`, {
        items: [{ documentNumber: number, result: 'produced' }],
      }),
    );
    expect(again.produced).toBe(1);
    expect(again.confirmedAt).not.toBeNull();
    expect(
      (
        await problem(
          supervisor.request('POST', `/api/documents/production-batches/${batch.id}/confirmations`, {
            items: [{ documentNumber: number, result: 'failed' }],
          }),
          409,
        )
      ).code,
    ).toBe('CONFLICT');
    view = await ok<View>(officer.request('GET', `/api/cases/${view.id}`));
    expect(view.status).toBe('ready');
    expect(view.dueOn).toBeNull();

    // Before the hand-over the number is unknown to the public check; after it, valid, and the old passport replaced.
    const before = (
      await ctx.app.inject({ method: 'GET', url: `/api/public/documents/${number}/validity` })
    ).json() as { status: string };
    expect(before.status).toBe('unknown');
    const oldNumber = await annaDocumentNumber();
    view = await ok<View>(
      officer.request('POST', `/api/documents/applications/${view.id}/hand-over`, {
        expectedVersion: view.version,
        identity: { method: 'identity-document', documentNumber: oldNumber },
        receivedBy: 'Anna Ozola',
      }),
    );
    expect(view.status).toBe('issued');
    expect(view.subject.issued?.documentNumber).toBe(number);
    const issued = (await officer.request('GET', `/api/documents/persons/${ANNA}?reason=test`)).json() as {
      documents: Array<{
        id: string;
        number: string;
        status: string;
        mrz: string[];
        invalidationReason: string | null;
      }>;
    };
    const doc = issued.documents.find((d) => d.number === number) as { id: string; status: string; mrz: string[] };
    expect(doc.status).toBe('valid');
    expect(parseMrz(doc.mrz, { today: plainDate('2026-11-30') })).toMatchObject({
      valid: true,
      documentNumber: number,
      nationality: 'LVA',
    });
    expect(issued.documents.find((d) => d.number === oldNumber)?.invalidationReason).toBe('replaced');
    expect(
      (
        (await ctx.app.inject({ method: 'GET', url: `/api/public/documents/${number}/validity` })).json() as {
          status: string;
        }
      ).status,
    ).toBe('valid');

    // Stolen: invalid at once for anyone who checks.
    await ok(
      anna.request('POST', `/api/portal/me/documents/${doc.id}/report`, {
        reason: 'stolen',
        circumstances: 'Taken from a bag on the tram',
      }),
    );
    const after = (await ctx.app.inject({ method: 'GET', url: `/api/public/documents/${number}/validity` })).json() as {
      status: string;
      invalidSince: string;
    };
    expect(after).toMatchObject({ status: 'invalid', invalidSince: '2026-11-30' });

    // The resident was told along the way.
    const outbox = await ctx.database.db
      .selectFrom('notifications.outbox')
      .select(['template'])
      .where('recipient', '=', 'anna@example.invalid')
      .execute();
    expect(outbox.map((o) => o.template)).toEqual(
      expect.arrayContaining(['case-received', 'decision-made', 'document-ready']),
    );
  });
});

describe('concurrent reads', () => {
  it('the holder reads of applications running at once each take their own place in the audit chain', async () => {
    // Found by the desk benchmark: reads outside a transaction collided in the chain (500, duplicate entry).
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => anna.request('GET', '/api/portal/me/document-applications/options')),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
  });
});

describe('the desk in one step', () => {
  it('offers only the documents the person’s legal status allows', async () => {
    const typesOf = async (personId: string) =>
      (
        await ok<{ documentTypes: string[] }>(
          officer.request('GET', `/api/documents/applications?personId=${personId}`),
        )
      ).documentTypes;
    expect(await typesOf(JANIS)).toEqual(['passport', 'identity-card']);
    // A non-citizen may hold a non-citizen passport too, but the fee table prices none: not offered, as online.
    expect(await typesOf(SERGEJS)).toEqual(['identity-card']);
    expect(await typesOf(OLENA)).toEqual(['residence-permit-card']);
  });

  it('takes, checks and proposes; bad input is named; an idempotent repeat is the same case', async () => {
    const body = {
      personId: JANIS,
      documentType: 'identity-card',
      tier: 'urgent',
      reason: 'first',
      identity: { method: 'biometric-match' },
      photo: passportPhoto(),
      payment: { method: 'card' },
    };
    const wrongType = await problem(
      officer.request('POST', '/api/documents/applications', { ...body, documentType: 'non-citizen-passport' }),
      400,
    );
    expect(wrongType.errors?.[0]).toMatchObject({ path: 'documentType', reason: 'not-for-status' });
    const card = await problem(
      officer.request('POST', '/api/documents/applications', { ...body, documentType: 'residence-permit-card' }),
      400,
    );
    expect(card.errors?.[0]).toMatchObject({ path: 'documentType', reason: 'not-for-status' });
    const small = await problem(
      officer.request('POST', '/api/documents/applications', {
        ...body,
        photo: { kind: 'photo', fileName: 's.png', contentBase64: Buffer.from(png(200, 257)).toString('base64') },
      }),
      400,
    );
    expect(small.errors?.[0]?.reason).toBe('photo-too-small');
    const foreignDoc = await problem(
      officer.request('POST', '/api/documents/applications', {
        ...body,
        identity: { method: 'identity-document', documentNumber: await annaDocumentNumber('identity-card') },
      }),
      400,
    );
    expect(foreignDoc.errors?.[0]).toMatchObject({
      path: 'identity.documentNumber',
      reason: 'identity-document-invalid',
    });
    const registrar = await signInStaff(ctx.app, 'registrar');
    expect((await problem(registrar.request('POST', '/api/documents/applications', body), 403)).code).toBe('FORBIDDEN');

    const send = () =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/documents/applications',
        payload: body,
        headers: {
          cookie: officer.cookie as string,
          'x-csrf-token': officer.csrf as string,
          'idempotency-key': 'desk-1',
        },
      });
    const first = await send();
    expect(first.statusCode, first.body).toBe(201);
    const view = first.json() as View;
    expect((await send()).json()).toMatchObject({ id: view.id });
    expect(view.status).toBe('proposed');
    expect(view.proposal?.reasoning).toBe(
      'Pieteikums pieņemts klātienē: personas identitāte pārbaudīta, fotoattēls uzņemts, valsts nodeva samaksāta.',
    );
    expect(view.subject.payment?.method).toBe('card');
    expect(view.subject.fee.amountCents).toBe(4500);
    // Urgent: two working days, not counting today.
    expect(view.subject.readyOn).toBe('2026-12-02');
    expect(view.availableActions).not.toContain('approve-decision');
  });

  it('a spoiled blank burns its number: the application is ordered again under a new one', async () => {
    const [open] = (
      await ok<{ applications: View[] }>(officer.request('GET', `/api/documents/applications?personId=${JANIS}`))
    ).applications;
    const approved = await ok<View>(
      officer2.request('POST', `/api/cases/${open?.id}/actions`, {
        kind: 'approve-decision',
        expectedVersion: open?.version,
      }),
    );
    expect(approved.status).toBe('accepted');
    const first = await ok<Batch>(supervisor.request('POST', '/api/documents/production-batches'), 201);
    const spoiled = (first.items[0] as { documentNumber: string }).documentNumber;
    expect(spoiled).toMatch(/^PA\d{7}$/);
    await ok(
      supervisor.request('POST', `/api/documents/production-batches/${first.id}/confirmations`, {
        items: [{ documentNumber: spoiled, result: 'failed', reason: 'chip defect' }],
      }),
    );
    expect((await ok<View>(officer.request('GET', `/api/cases/${open?.id}`))).status).toBe('accepted');
    const second = await ok<Batch>(supervisor.request('POST', '/api/documents/production-batches'), 201);
    const renumbered = (second.items[0] as { documentNumber: string }).documentNumber;
    expect(renumbered).not.toBe(spoiled);
    expect(Number(renumbered.slice(2))).toBeGreaterThan(Number(spoiled.slice(2)));
    expect((await problem(supervisor.request('POST', '/api/documents/production-batches'), 409)).code).toBe(
      'INVALID_STATE',
    );
    expect((await problem(officer.request('GET', '/api/documents/production-batches'), 403)).code).toBe('FORBIDDEN');

    // The centre's own system fetches the same signed bytes and confirms with its partner key; no other key may.
    const asCentre = (method: 'GET' | 'POST', url: string, key: string | undefined, payload?: unknown) =>
      ctx.app.inject({
        method,
        url,
        ...(payload ? { payload: payload as object } : {}),
        headers: key ? { 'x-api-key': key } : {},
      });
    const staffExport = (await supervisor.request('GET', `/api/documents/production-batches/${second.id}/export`)).body;
    const centreExport = await asCentre(
      'GET',
      `/api/exchange/production-batches/${second.id}/export`,
      'demo-centre-key',
    );
    expect(centreExport.statusCode).toBe(200);
    expect(centreExport.body).toBe(staffExport);
    const made = { items: [{ documentNumber: renumbered, result: 'produced' }] };
    expect(
      (
        await asCentre(
          'POST',
          `/api/exchange/production-batches/${second.id}/confirmations`,
          'demo-border-guard-key',
          made,
        )
      ).json(),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await asCentre('POST', `/api/exchange/production-batches/${second.id}/confirmations`, undefined, made))
        .statusCode,
    ).toBe(401);
    const confirmed = await asCentre(
      'POST',
      `/api/exchange/production-batches/${second.id}/confirmations`,
      'demo-centre-key',
      made,
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await ok<View>(officer.request('GET', `/api/cases/${open?.id}`))).status).toBe('ready');
  });
});

describe('an application for another branch', () => {
  it('is named at this branch’s desk by reference, status and branch, and a second one is refused', async () => {
    const options = await ok<{ branches: Array<{ id: string; name: string }> }>(
      anna.request('GET', '/api/portal/me/document-applications/options'),
    );
    const other = options.branches.find((b) => b.id !== riga1) as { id: string; name: string };
    const prepared = await ok<View>(
      anna.request('POST', '/api/portal/me/document-applications', {
        documentType: 'identity-card',
        tier: 'standard',
        reason: 'renewal',
        pickupBranchId: other.id,
      }),
      201,
    );
    const desk = await ok<{
      applications: View[];
      elsewhere: Array<{ reference: string; status: string; branch: string }>;
    }>(officer.request('GET', `/api/documents/applications?personId=${ANNA}`));
    expect(desk.applications.map((a) => a.reference)).not.toContain(prepared.reference);
    expect(desk.elsewhere).toEqual([{ reference: prepared.reference, status: 'prepared', branch: other.name }]);
    // The case itself stays that branch's: this desk cannot open it.
    expect((await problem(officer.request('GET', `/api/cases/${prepared.id}`), 404)).code).toBe('NOT_FOUND');
    const second = await problem(
      officer.request('POST', '/api/documents/applications', {
        personId: ANNA,
        documentType: 'identity-card',
        tier: 'standard',
        reason: 'renewal',
        identity: { method: 'biometric-match' },
        photo: passportPhoto(),
        payment: { method: 'card' },
      }),
      400,
    );
    expect(second.errors?.[0]?.reason).toBe('application-open');
  });
});

describe('an application prepared online with a photo', () => {
  it('keeps the uploaded photo for the desk’s check, and the desk’s proposal says it checked it', async () => {
    const liga = await signInResident(ctx.app, LIGA);
    let view = await ok<View>(
      liga.request('POST', '/api/portal/me/document-applications', {
        documentType: 'passport',
        tier: 'standard',
        reason: 'renewal',
        pickupBranchId: riga1,
        photo: passportPhoto(),
      }),
      201,
    );
    // Before reception: prepared, its one action the preparation; the photo is among the documents, not yet accepted.
    view = await ok<View>(liga.request('GET', `/api/portal/me/cases/${view.id}`));
    expect(view.status).toBe('prepared');
    expect(view.timeline.map((a) => a.kind)).toEqual(['submit']);
    expect(view.subject.photoDocumentId).toBeNull();
    const photo = view.documents.find((d) => d.kind === 'photo');
    expect(photo).toBeDefined();

    const [prepared] = (
      await ok<{ applications: View[] }>(officer.request('GET', `/api/documents/applications?personId=${LIGA}`))
    ).applications;
    view = await ok<View>(
      officer.request('POST', `/api/documents/applications/${prepared?.id}/reception`, {
        expectedVersion: prepared?.version,
        identity: { method: 'biometric-match' },
        payment: { method: 'cash' },
      }),
    );
    expect(view.status).toBe('proposed');
    expect(view.subject.photoDocumentId).toBe(photo?.id);
    expect(view.proposal?.reasoning).toBe(
      'Pieteikums pieņemts klātienē: personas identitāte pārbaudīta, tiešsaistē iesniegtais fotoattēls pārbaudīts, valsts nodeva samaksāta.',
    );
  });
});

describe('where documents are handed over', () => {
  it('offers only the office’s branches for pickup, never a partner’s office such as a municipality', async () => {
    const all = (
      (await ctx.app.inject({ method: 'GET', url: '/api/public/branches' })).json() as {
        branches: Array<{ id: string; code: string }>;
      }
    ).branches;
    const municipality = all.find((b) => b.code === 'JELGAVA-PASV') as { id: string };
    const options = await ok<{ branches: Array<{ id: string; name: string }> }>(
      anna.request('GET', '/api/portal/me/document-applications/options'),
    );
    expect(options.branches.map((b) => b.id)).not.toContain(municipality.id);
    expect(options.branches.map((b) => b.name)).toEqual(
      expect.arrayContaining(['Rīgas 1. nodaļa', 'Rīgas 2. nodaļa', 'Daugavpils nodaļa', 'Liepājas nodaļa']),
    );
    const refused = await problem(
      anna.request('POST', '/api/portal/me/document-applications', {
        documentType: 'passport',
        reason: 'renewal',
        pickupBranchId: municipality.id,
      }),
      400,
    );
    expect(refused.errors?.[0]).toMatchObject({
      path: 'pickupBranchId',
      key: 'documents.application.pickupNotOffered',
    });
  });
});
