/**
 * A document application prepared online, as its case page shows it before the desk has received it: the status
 * and the timeline say "prepared", and a photo uploaded online is named as given (the desk still checks it),
 * never "not yet" beside the photo in the documents list. Rendered to markup on the server, as both apps render it.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../shared/contracts/cases.contract.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { CaseDetails, applicationPhoto, type CaseAudience } from './CaseDetails.tsx';

const PHOTO_ID = '00000000-0000-4000-8000-0000000000f1';
const actor = { kind: 'resident' as const, id: 'r', name: 'Līga Kalniņa' };

function prepared(photo: { uploaded: boolean; accepted?: boolean }): CaseView {
  return {
    id: '00000000-0000-4000-8000-0000000000c1',
    reference: 'DP-2026-000001',
    caseType: 'document-application',
    status: photo.accepted ? 'proposed' : 'prepared',
    applicantName: 'Līga Kalniņa',
    assigneeName: null,
    receivedOn: '2026-11-30',
    dueOn: null,
    suspended: false,
    deadlineAlert: 'none',
    version: 1,
    workingDaysLeft: null,
    closedAt: null,
    channel: 'portal',
    language: 'lv',
    subject: {
      kind: 'document-application',
      personId: '00000000-0000-4000-8000-000000000004',
      personalCode: '01018012345',
      personName: 'Līga Kalniņa',
      documentType: 'passport',
      tier: 'standard',
      fee: { amountCents: 5000, tableFrom: '2026-01-01', reducedFor: null },
      payment: null,
      identityCheck: null,
      photoDocumentId: photo.accepted ? PHOTO_ID : null,
      pickupBranchId: '00000000-0000-4000-8000-0000000000b1',
      pickupBranchName: 'Rīgas 1. nodaļa',
      readyOn: null,
      production: null,
      issued: null,
      explanation: '',
    },
    deadline: {
      receivedOn: '2026-11-30',
      dueOn: null,
      rule: 'Administratīvā procesa likums',
      suspended: false,
      suspendedDays: 0,
      suspendedSince: null,
      workingDaysLeft: null,
      breached: false,
      extendedTo: null,
      extensionCap: null,
    },
    rules: null,
    fee: null,
    openRequest: null,
    proposal: null,
    consultations: [],
    decision: null,
    documents: photo.uploaded
      ? [
          {
            id: PHOTO_ID,
            kind: 'photo',
            fileName: 'photo.jpg',
            mediaType: 'image/jpeg',
            size: 40_000,
            sha256: 'x',
            uploadedAt: '2026-11-30T08:00:00.000Z',
            uploadedByType: 'resident',
          },
        ]
      : [],
    timeline: [{ seq: 1, kind: 'submit', actor, on: '2026-11-30', at: '2026-11-30T08:00:00.000Z', details: {} }],
    availableActions: [],
    representatives: [],
    ownProposal: false,
    appealOf: null,
    appealedBy: null,
    canAppeal: false,
    canAppealLate: false,
    termRenewal: null,
  };
}

/** The page's text (Latvian, the default language), tags stripped. */
function rendered(view: CaseView, audience: CaseAudience = 'resident'): string {
  const html = renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(
        I18nProvider,
        null,
        createElement(CaseDetails, {
          view,
          audience,
          documentUrl: (id: string) => `/documents/${id}`,
          decisionUrl: '/decision.pdf',
          caseLink: (_id: string, reference: string) => reference,
        }),
      ),
    ),
  );
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('a document application prepared online, on its case page', () => {
  it('names a photo uploaded online as given and waiting for the desk’s check, not as missing', () => {
    const text = rendered(prepared({ uploaded: true }));
    expect(text).toContain('Fotoattēls Augšupielādēts tiešsaistē 30.11.2026; to pārbaudīs jūsu vizītē nodaļā');
    expect(text).not.toContain('Vēl nav (uzņems');
    // The officer reads what to do with it.
    expect(rendered(prepared({ uploaded: true }), 'staff')).toContain(
      'Iesniedzējs to ir augšupielādējis tiešsaistē 30.11.2026; pārbaudiet to, pieņemot pieteikumu',
    );
  });

  it('says the photo is still to be taken only when none was uploaded, and accepted once the desk took it', () => {
    expect(rendered(prepared({ uploaded: false }))).toContain('Fotoattēls Vēl nav (uzņems vizītē nodaļā)');
    expect(rendered(prepared({ uploaded: true, accepted: true }))).toContain('Fotoattēls Pieņemts');
  });

  it('words the status and the first step of the timeline as prepared, not submitted', () => {
    const text = rendered(prepared({ uploaded: true }));
    expect(text).toContain('Sagatavots');
    expect(text).toContain('Pieteikums sagatavots · 30.11.2026');
    expect(text).not.toContain('Iesniegts');
  });
});

describe('applicationPhoto', () => {
  it('reads the photo’s state from the case: accepted, uploaded online, or missing', () => {
    const doc = prepared({ uploaded: true }).documents;
    expect(applicationPhoto({ photoDocumentId: PHOTO_ID }, doc)).toEqual({ state: 'accepted' });
    expect(applicationPhoto({ photoDocumentId: null }, doc)).toEqual({
      state: 'uploaded',
      uploadedAt: '2026-11-30T08:00:00.000Z',
    });
    expect(applicationPhoto({ photoDocumentId: null }, [])).toEqual({ state: 'missing' });
  });
});
