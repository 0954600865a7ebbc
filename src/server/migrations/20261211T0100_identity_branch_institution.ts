import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    -- Whose office a branch is: the office's own (PMLP, as on staff accounts) or a partner institution's, such as a
    -- municipality's declaration office that holds its officers' jurisdiction. Only the office's own branches take
    -- and hand over documents, so a resident is never offered a municipality to collect a passport at.
    ALTER TABLE identity.branch ADD COLUMN institution text NOT NULL DEFAULT 'PMLP';
    COMMENT ON COLUMN identity.branch.institution IS 'Whose office the branch is: PMLP, or the partner institution''s name as on its staff accounts';
    -- A branch whose staff all work for one other institution is that institution's office.
    UPDATE identity.branch b
       SET institution = s.institution
      FROM (
        SELECT branch_id, min(institution) AS institution
          FROM identity.staff_account
         GROUP BY branch_id
        HAVING count(DISTINCT institution) = 1 AND min(institution) <> 'PMLP'
      ) s
     WHERE s.branch_id = b.id;
  `,
    )
    .execute(db);
}
