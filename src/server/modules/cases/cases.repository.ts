/** All SQL for the case engine's tables. */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import type { CaseActionTable, CaseDocumentTable, CaseTable } from './cases.tables.ts';

export type CaseRow = Selectable<CaseTable>;
export type CaseActionRow = Selectable<CaseActionTable>;
export type CaseDocumentInfo = Omit<Selectable<CaseDocumentTable>, 'content' | 'caseId'>;

/** The queue's columns: what a list row shows, without the subject. */
const SUMMARY = [
  'id',
  'reference',
  'caseType',
  'status',
  'applicantName',
  // Not shown: whose data the row shows, for the audit entry of the list.
  'applicantPersonId',
  'assigneeName',
  'receivedOn',
  'dueOn',
  'suspended',
  'deadlineAlert',
  'version',
  'closedAt',
] as const;
export type CaseSummaryRow = Pick<CaseRow, (typeof SUMMARY)[number]>;

/** A case's projection as `updateProjections` writes it (the engine's `projectionOf`, with the subject if it changed). */
export type ProjectionRow = Pick<
  CaseRow,
  | 'id'
  | 'applicantPersonId'
  | 'receivedOn'
  | 'status'
  | 'version'
  | 'rulesVersion'
  | 'assigneeId'
  | 'assigneeName'
  | 'dueOn'
  | 'suspended'
  | 'updatedAt'
  | 'closedAt'
> & { deadlineAlert?: CaseRow['deadlineAlert']; subject?: Record<string, unknown> };

const projectionColumns = (p: ProjectionRow) => ({
  id: p.id,
  applicant_person_id: p.applicantPersonId,
  received_on: p.receivedOn,
  status: p.status,
  version: p.version,
  rules_version: p.rulesVersion,
  assignee_id: p.assigneeId,
  assignee_name: p.assigneeName,
  due_on: p.dueOn,
  suspended: p.suspended,
  updated_at: p.updatedAt,
  closed_at: p.closedAt,
  deadline_alert: p.deadlineAlert ?? null,
  subject: p.subject ?? null,
});

/** The queue counts matching cases up to this many and then says "more than". */
export const QUEUE_COUNT_CAP = 10_000;

export interface QueueFilter {
  branchId: string;
  caseTypes: readonly string[];
  status?: string | undefined;
  assigneeId?: string | null | undefined;
  /** Due on or before this day (at risk or past due). */
  dueBy?: string | undefined;
  suspended?: boolean | undefined;
  /** Closed cases instead of open ones, latest first. */
  closed?: boolean | undefined;
  limit: number;
  offset?: number | undefined;
}

export function createCasesRepository() {
  return {
    /** The next reference number for a prefix and year; the row lock makes concurrent openings wait their turn. */
    async nextReferenceNumber(db: DbExecutor, prefix: string, year: number): Promise<number> {
      const r = await sql<{ last: number }>`
        INSERT INTO cases.reference_counter (prefix, year, last) VALUES (${prefix}, ${year}, 1)
        ON CONFLICT (prefix, year) DO UPDATE SET last = cases.reference_counter.last + 1 RETURNING last`.execute(db);
      return Number(r.rows[0]?.last);
    },

    async insertCase(
      db: DbExecutor,
      row: Omit<Insertable<CaseTable>, 'subject'> & { subject: Record<string, unknown> },
    ): Promise<void> {
      await db
        .insertInto('cases.case')
        .values({ ...row, subject: JSON.stringify(row.subject) })
        .execute();
    },

    /** The appeal that contests a case, if any. */
    async appealOf(db: DbExecutor, caseId: string): Promise<{ id: string; reference: string } | undefined> {
      return db.selectFrom('cases.case').select(['id', 'reference']).where('appealOf', '=', caseId).executeTakeFirst();
    },

    async referenceOf(db: DbExecutor, caseId: string): Promise<{ id: string; reference: string } | undefined> {
      return db.selectFrom('cases.case').select(['id', 'reference']).where('id', '=', caseId).executeTakeFirst();
    },

    async anyOfType(db: DbExecutor, caseType: string): Promise<boolean> {
      return Boolean(
        await db.selectFrom('cases.case').select('id').where('caseType', '=', caseType).limit(1).executeTakeFirst(),
      );
    },
    async anyCase(db: DbExecutor): Promise<boolean> {
      return Boolean(await db.selectFrom('cases.case').select('id').limit(1).executeTakeFirst());
    },

    /** Consultations asked of an authority and not yet answered, in open cases, oldest first (action_consultation_idx). */
    async openConsultations(db: DbExecutor, authority: string, limit: number) {
      return db
        .selectFrom('cases.action as a')
        .innerJoin('cases.case as c', 'c.id', 'a.caseId')
        .select(['a.caseId', 'c.reference', 'c.caseType', 'c.subject', 'c.applicantPersonId', 'a.payload', 'a.onDate'])
        .where('a.kind', '=', 'request-consultation')
        .where(sql<string>`a.payload->>'authority'`, '=', authority)
        .where('c.closedAt', 'is', null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('cases.action as b')
                .select('b.seq')
                .whereRef('b.caseId', '=', 'a.caseId')
                .where('b.kind', '=', 'answer-consultation')
                .where(sql<string>`b.payload->>'consultationId'`, '=', sql<string>`a.payload->>'consultationId'`),
            ),
          ),
        )
        .orderBy('a.at')
        .limit(limit)
        .execute();
    },
    /** Consultations past their due day and not answered, in open cases (the deadline watch reminds the assigned officer). */
    async overdueConsultations(db: DbExecutor, today: string, limit: number) {
      return db
        .selectFrom('cases.action as a')
        .innerJoin('cases.case as c', 'c.id', 'a.caseId')
        .select(['a.caseId', 'c.reference', 'c.caseType', 'c.branchId', 'c.assigneeId', 'a.payload'])
        .where('a.kind', '=', 'request-consultation')
        .where('c.closedAt', 'is', null)
        .where(sql<string>`(a.payload->>'dueOn')`, '<', today)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('cases.action as b')
                .select('b.seq')
                .whereRef('b.caseId', '=', 'a.caseId')
                .where('b.kind', '=', 'answer-consultation')
                .where(sql<string>`b.payload->>'consultationId'`, '=', sql<string>`a.payload->>'consultationId'`),
            ),
          ),
        )
        .orderBy('a.at')
        .limit(limit)
        .execute();
    },
    /** The case a consultation belongs to. */
    async caseOfConsultation(
      db: DbExecutor,
      consultationId: string,
    ): Promise<{ caseId: string; authority: string } | undefined> {
      const row = await db
        .selectFrom('cases.action')
        .select(['caseId', sql<string>`payload->>'authority'`.as('authority')])
        .where('kind', '=', 'request-consultation')
        .where(sql<string>`payload->>'consultationId'`, '=', consultationId)
        .executeTakeFirst();
      return row ? { caseId: row.caseId, authority: row.authority } : undefined;
    },
    async caseByReference(db: DbExecutor, reference: string): Promise<CaseRow | undefined> {
      return db.selectFrom('cases.case').selectAll().where('reference', '=', reference).executeTakeFirst();
    },
    async caseById(db: DbExecutor, id: string, lock = false): Promise<CaseRow | undefined> {
      const q = db.selectFrom('cases.case').selectAll().where('id', '=', id);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },

    async actionsOf(db: DbExecutor, caseId: string): Promise<CaseActionRow[]> {
      return db.selectFrom('cases.action').selectAll().where('caseId', '=', caseId).orderBy('seq').execute();
    },

    /** The actions of many cases in one read, by case (a move of rules plans thousands at once). */
    async actionsOfMany(db: DbExecutor, caseIds: readonly string[]): Promise<Map<string, CaseActionRow[]>> {
      const byCase = new Map<string, CaseActionRow[]>(caseIds.map((id) => [id, []]));
      if (caseIds.length === 0) return byCase;
      const rows = await db
        .selectFrom('cases.action')
        .selectAll()
        .where('caseId', 'in', caseIds)
        .orderBy('caseId')
        .orderBy('seq')
        .execute();
      for (const r of rows) byCase.get(r.caseId)?.push(r);
      return byCase;
    },

    async insertAction(
      db: DbExecutor,
      row: Omit<Insertable<CaseActionTable>, 'payload'> & { payload: Record<string, unknown> },
    ): Promise<void> {
      await db
        .insertInto('cases.action')
        .values({ ...row, payload: JSON.stringify(row.payload) })
        .execute();
    },

    /** Appends actions to several cases in one statement (a transitional move's `move-rules`, chunked by the caller). */
    async insertActions(
      db: DbExecutor,
      rows: ReadonlyArray<Omit<Insertable<CaseActionTable>, 'payload'> & { payload: Record<string, unknown> }>,
    ): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insertInto('cases.action')
        .values(rows.map((row) => ({ ...row, payload: JSON.stringify(row.payload) })))
        .execute();
    },

    /**
     * Writes the projections of several cases in one statement: the rows travel as one JSON array keyed by column
     * name. A row without `subject` or `deadlineAlert` keeps the stored one.
     */
    async updateProjections(db: DbExecutor, rows: ReadonlyArray<ProjectionRow>): Promise<void> {
      if (rows.length === 0) return;
      const json = JSON.stringify(rows.map(projectionColumns));
      await sql`
        UPDATE cases."case" AS c SET
          applicant_person_id = v.applicant_person_id, received_on = v.received_on, status = v.status,
          version = v.version, rules_version = v.rules_version, assignee_id = v.assignee_id,
          assignee_name = v.assignee_name, due_on = v.due_on, suspended = v.suspended, updated_at = v.updated_at,
          closed_at = v.closed_at, deadline_alert = COALESCE(v.deadline_alert, c.deadline_alert),
          subject = COALESCE(v.subject, c.subject)
        FROM json_populate_recordset(NULL::cases."case", ${json}::json) AS v
        WHERE c.id = v.id`.execute(db);
    },

    /** Writes the projection of the case's actions onto its row. */
    async updateProjection(db: DbExecutor, id: string, p: Updateable<CaseTable>): Promise<void> {
      await db.updateTable('cases.case').set(p).where('id', '=', id).execute();
    },

    /** A procedure's open cases, lodged before a day if given, oldest first (case_open_type_received_idx); locked for a move. */
    async openForRulesMove(db: DbExecutor, caseType: string, lodgedBefore: string | null, lock: boolean) {
      let q = db
        .selectFrom('cases.case')
        .selectAll()
        .where('caseType', '=', caseType)
        .where('closedAt', 'is', null)
        .orderBy('receivedOn')
        .orderBy('reference');
      if (lodgedBefore) q = q.where('receivedOn', '<', lodgedBefore);
      return (lock ? q.forUpdate() : q).execute();
    },

    /** The rule versions open cases are stamped with, per procedure (checked against the rule books at start). */
    async openRuleStamps(db: DbExecutor) {
      return db
        .selectFrom('cases.case')
        .select(['caseType', 'rulesVersion'])
        .distinct()
        .where('closedAt', 'is', null)
        .where('rulesVersion', 'is not', null)
        .execute();
    },

    /** Open cases per procedure and rules version; those lodged before versions were stamped, per day of receipt. */
    async openByRulesVersion(db: DbExecutor) {
      const rows = await db
        .selectFrom('cases.case')
        .select([
          'caseType',
          'rulesVersion',
          sql<string | null>`case when rules_version is null then received_on end`.as('receivedOn'),
          sql<string>`count(*)`.as('count'),
        ])
        .where('closedAt', 'is', null)
        .groupBy(['caseType', 'rulesVersion', sql`case when rules_version is null then received_on end`])
        .execute();
      return rows.map((r) => ({ ...r, receivedOn: r.receivedOn ?? '', count: Number(r.count) }));
    },

    /** A person's open cases of a type (case_applicant_idx). */
    async openOfApplicant(db: DbExecutor, personId: string, caseType: string) {
      return db
        .selectFrom('cases.case')
        .select(['id', 'reference', 'status', 'version', 'branchId'])
        .where('applicantPersonId', '=', personId)
        .where('caseType', '=', caseType)
        .where('closedAt', 'is', null)
        .orderBy('openedAt', 'desc')
        .execute();
    },

    async countInStatus(db: DbExecutor, caseType: string, status: string): Promise<number> {
      const row = await db
        .selectFrom('cases.case')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('caseType', '=', caseType)
        .where('status', '=', status)
        .where('closedAt', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Open cases of a type in a status, oldest first (case_type_status_idx). */
    async inStatus(db: DbExecutor, caseType: string, status: string, limit: number) {
      return db
        .selectFrom('cases.case')
        .select(['id', 'reference', 'applicantPersonId', 'branchId', 'subject', 'openedAt'])
        .where('caseType', '=', caseType)
        .where('status', '=', status)
        .where('closedAt', 'is', null)
        .orderBy('openedAt')
        .orderBy('id')
        .limit(limit)
        .execute();
    },

    async setDeadlineAlert(db: DbExecutor, id: string, alert: CaseRow['deadlineAlert']): Promise<void> {
      await db.updateTable('cases.case').set({ deadlineAlert: alert }).where('id', '=', id).execute();
    },

    async representativesOf(db: DbExecutor, caseId: string) {
      return db
        .selectFrom('cases.representative')
        .select(['personId', 'name', 'kind', 'may'])
        .where('caseId', '=', caseId)
        .orderBy('name')
        .execute();
    },

    /** Records a representation, or replaces what an earlier one of the same person allowed. */
    async upsertRepresentative(
      db: DbExecutor,
      row: {
        caseId: string;
        personId: string;
        name: string;
        kind: 'parent' | 'guardian' | 'employer' | 'lawyer';
        may: string[];
      },
    ): Promise<void> {
      await db
        .insertInto('cases.representative')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['caseId', 'personId']).doUpdateSet({ kind: row.kind, may: row.may, name: row.name }),
        )
        .execute();
    },

    async insertRepresentative(
      db: DbExecutor,
      row: {
        caseId: string;
        personId: string;
        name: string;
        kind: 'parent' | 'guardian' | 'employer' | 'lawyer';
        may: string[];
      },
    ): Promise<void> {
      await db.insertInto('cases.representative').values(row).execute();
    },

    /** What a person may do in a case as its applicant's representative (empty: nothing). */
    async representation(db: DbExecutor, caseId: string, personId: string): Promise<string[]> {
      return (await this.representative(db, caseId, personId))?.may ?? [];
    },

    async representative(db: DbExecutor, caseId: string, personId: string) {
      return db
        .selectFrom('cases.representative')
        .select(['kind', 'may'])
        .where('caseId', '=', caseId)
        .where('personId', '=', personId)
        .executeTakeFirst();
    },

    /** Cases in which a person represents the applicant. */
    async representedCaseIds(db: DbExecutor, personId: string): Promise<string[]> {
      return (
        await db.selectFrom('cases.representative').select('caseId').where('personId', '=', personId).execute()
      ).map((r) => r.caseId);
    },

    async insertDocument(db: DbExecutor, row: Insertable<CaseDocumentTable>): Promise<void> {
      await db.insertInto('cases.document').values(row).execute();
    },

    async documentsOf(db: DbExecutor, caseId: string): Promise<CaseDocumentInfo[]> {
      return db
        .selectFrom('cases.document')
        .select([
          'id',
          'kind',
          'fileName',
          'mediaType',
          'size',
          'sha256',
          'uploadedByType',
          'uploadedById',
          'uploadedAt',
        ])
        .where('caseId', '=', caseId)
        .orderBy('uploadedAt')
        .orderBy('id')
        .execute();
    },

    async document(db: DbExecutor, caseId: string, id: string) {
      return db
        .selectFrom('cases.document')
        .select(['fileName', 'mediaType', 'content', 'sha256'])
        .where('caseId', '=', caseId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /**
     * Open cases of a branch, by deadline (the queue index `case_queue_idx`), and how many match, counted
     * up to QUEUE_COUNT_CAP (a full count of 100,000 open cases took most of the queue's 20 ms).
     */
    async queue(
      db: DbExecutor,
      f: QueueFilter,
    ): Promise<{ rows: CaseSummaryRow[]; total: number; totalCapped: boolean }> {
      let q = db
        .selectFrom('cases.case')
        .where('branchId', '=', f.branchId)
        .where('closedAt', f.closed ? 'is not' : 'is', null)
        .where('caseType', 'in', [...f.caseTypes]);
      if (f.status) q = q.where('status', '=', f.status);
      if (f.assigneeId === null) q = q.where('assigneeId', 'is', null);
      else if (f.assigneeId) q = q.where('assigneeId', '=', f.assigneeId);
      if (f.dueBy) q = q.where('dueOn', '<=', f.dueBy);
      if (f.suspended !== undefined) q = q.where('suspended', '=', f.suspended);
      const [rows, counted] = await Promise.all([
        (f.closed
          ? q.select(SUMMARY).orderBy('closedAt', 'desc').orderBy('reference', 'desc')
          : q.select(SUMMARY).orderBy('dueOn').orderBy('reference')
        )
          .limit(f.limit)
          .offset(f.offset ?? 0)
          .execute(),
        db
          .selectFrom(
            q
              .select('id')
              .limit(QUEUE_COUNT_CAP + 1)
              .as('matching'),
          )
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirst(),
      ]);
      const total = Number(counted?.n ?? 0);
      return { rows, total: Math.min(total, QUEUE_COUNT_CAP), totalCapped: total > QUEUE_COUNT_CAP };
    },

    /** The branch's open cases per officer, with how many are near or past their deadline. */
    async loadByOfficer(db: DbExecutor, branchId: string, caseTypes: readonly string[], riskBy: string, today: string) {
      return db
        .selectFrom('cases.case')
        .where('branchId', '=', branchId)
        .where('closedAt', 'is', null)
        .where('caseType', 'in', [...caseTypes])
        .select((eb) => [
          'assigneeId',
          eb.fn.max('assigneeName').as('assigneeName'),
          eb.fn.countAll<string>().as('open'),
          eb.fn
            .count<string>(
              eb
                .case()
                .when('dueOn', '<=', riskBy)
                .then(eb.case().when('dueOn', '>=', today).then(1).end())
                .end(),
            )
            .as('atRisk'),
          eb.fn.count<string>(eb.case().when('dueOn', '<', today).then(1).end()).as('breached'),
          eb.fn.count<string>(eb.case().when('suspended', '=', true).then(1).end()).as('suspended'),
        ])
        .groupBy('assigneeId')
        .orderBy('assigneeId')
        .execute();
    },

    /** A resident's applications, whole (the list says whom each is about): where they are the applicant, or a representative. */
    async casesOf(db: DbExecutor, personId: string, representedIds: readonly string[]): Promise<CaseRow[]> {
      return db
        .selectFrom('cases.case')
        .selectAll()
        .where((eb) =>
          representedIds.length
            ? eb.or([eb('applicantPersonId', '=', personId), eb('id', 'in', [...representedIds])])
            : eb('applicantPersonId', '=', personId),
        )
        .orderBy('openedAt', 'desc')
        .limit(200)
        .execute();
    },

    /** Open cases due on or before `by` whose last alert is below `below` (the deadline watch). */
    async dueForAlert(db: DbExecutor, by: string, limit: number): Promise<CaseRow[]> {
      // Suspended cases too: their end moves every day, and an overdue answer is reported from here.
      return db
        .selectFrom('cases.case')
        .selectAll()
        .where('closedAt', 'is', null)
        .where((eb) =>
          eb.or([eb.and([eb('dueOn', '<=', by), eb('deadlineAlert', '<>', 'breached')]), eb('suspended', '=', true)]),
        )
        .orderBy('dueOn')
        .limit(limit)
        .execute();
    },

    async findCommand(db: DbExecutor, actorType: string, actorId: string, key: string) {
      return db
        .selectFrom('cases.command')
        .select(['requestHash', 'caseId', 'response'])
        .where('actorType', '=', actorType)
        .where('actorId', '=', actorId)
        .where('idempotencyKey', '=', key)
        .executeTakeFirst();
    },

    /** Claims an idempotency key; false when another command holds it (the caller then reads that one's answer). */
    async claimCommand(
      db: DbExecutor,
      row: {
        actorType: string;
        actorId: string;
        idempotencyKey: string;
        requestHash: string;
        caseId: string;
        createdAt: string;
      },
    ): Promise<boolean> {
      const r = await db
        .insertInto('cases.command')
        .values({ ...row, response: JSON.stringify(null) })
        .onConflict((oc) => oc.columns(['actorType', 'actorId', 'idempotencyKey']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async storeCommandResponse(
      db: DbExecutor,
      key: { actorType: string; actorId: string; idempotencyKey: string },
      caseId: string,
      response: unknown,
    ): Promise<void> {
      await db
        .updateTable('cases.command')
        .set({ caseId, response: JSON.stringify(response) })
        .where('actorType', '=', key.actorType)
        .where('actorId', '=', key.actorId)
        .where('idempotencyKey', '=', key.idempotencyKey)
        .execute();
    },
  };
}
export type CasesRepository = ReturnType<typeof createCasesRepository>;
