/**
 * The demo persons' documents, issued through the service like real ones (numbers from the series, MRZ,
 * validity by age): each holds what their legal status allows, and one passport has expired, so the public
 * check has a valid, an expired and (once reported) a stolen document to show. Runs only while there are none.
 */
import { addDays, plainDate, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { AuditActor } from '../audit/index.ts';
import { documentTypesFor } from './document-rules.ts';
import type { DocumentsService } from './documents.service.ts';

const SYSTEM: AuditActor = { type: 'system', id: 'demo-seed', name: null, role: 'system', institution: 'Civitas' };
/** Issue days spread over the past years; the first is long enough ago for a child's passport to have expired. */
const ISSUE_DAYS = [
  '2019-03-12',
  '2021-06-01',
  '2022-09-15',
  '2023-02-20',
  '2024-05-06',
  '2025-01-14',
  '2025-10-02',
  '2026-04-09',
];

export async function seedDemoDocuments(
  documents: DocumentsService,
  persons: ReadonlyArray<{ personId: string; legalStatus: string; birthDate: string; deathDate: string | null }>,
  branchId: string,
): Promise<number> {
  if (await documents.hasDocuments()) return 0;
  let issued = 0;
  for (const [i, p] of persons.entries()) {
    if (p.deathDate) continue;
    for (const [j, type] of documentTypesFor(p.legalStatus)
      .filter((t) => t !== 'residence-permit-card')
      .entries()) {
      const day = plainDate(ISSUE_DAYS[(i + j * 3) % ISSUE_DAYS.length] as string);
      // Nobody holds a document from before their birth: a baby's first one comes a month after it.
      const issuedOn = day > p.birthDate ? day : addDays(p.birthDate as PlainDate, 30);
      await documents.issue({ audit: SYSTEM, branchId, reason: 'demo data' }, { personId: p.personId, type, issuedOn });
      issued++;
    }
  }
  return issued;
}
