/**
 * Demo cases for a law change (issue 25): Schengen visa applications lodged at the desk in the days around
 * 11 June 2024, when Delegated Reg. (EU) 2024/1415 raised the fee from EUR 80 to 90 (children 40 to 45), and left
 * open. Those lodged before the day are stamped with the 2020 rules and those from it with 2024's, so
 * `civitas procedures migrate visa-c --to 2024-06-11 --lodged-before 2024-06-11 --dry-run` and the administrator's
 * screen have cases to list and move. Lodged through the service like real ones, on the office's clock held at
 * each day before the server serves; synthetic applicants only.
 */
import type { StaffMember } from '../identity/index.ts';
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { MigrationService } from './migration.service.ts';
import { applicant, demoDeciders } from './demo-migration.ts';

/** The days of lodging, and whether the applicant is a child of 6 to 11 (the child's rate). */
const LODGED: ReadonlyArray<{ on: PlainDate; child: boolean }> = [
  { on: '2024-06-06' as PlainDate, child: false },
  { on: '2024-06-07' as PlainDate, child: true },
  { on: '2024-06-10' as PlainDate, child: false },
  { on: '2024-06-10' as PlainDate, child: false },
  { on: '2024-06-11' as PlainDate, child: false },
  { on: '2024-06-12' as PlainDate, child: true },
];

export async function seedDemoLawChange(
  migration: MigrationService,
  staff: readonly StaffMember[],
  clock: { holdAt(t: string): void; release(): void },
): Promise<number> {
  const who = demoDeciders(staff);
  if (!who) return 0;
  try {
    for (const [i, { on, child }] of LODGED.entries()) {
      clock.holdAt(`${on}T07:30:00Z`);
      // Applicants numbered apart from the main demo's; a multiple of five is always a C visa there.
      const base = applicant(500 + i * 5, on);
      await migration.lodgeAtDesk(who.officer, {
        ...base,
        birthDate: child ? ('2015-03-03' as PlainDate) : base.birthDate,
      });
    }
  } finally {
    clock.release();
  }
  return LODGED.length;
}
