import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { precompiled } from './precompiled.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.db
    .insertInto('identity.branch')
    .values([
      { code: 'A-1', nameLv: 'Ā', nameEn: 'A', municipalityCode: 'LV-RIX', address: 'x' },
      { code: 'B-2', nameLv: 'Bē', nameEn: 'B', municipalityCode: 'LV-DGV', address: 'y' },
    ])
    .execute();
});
afterAll(() => database.close());

describe('precompiled', () => {
  const byCode = precompiled((db) =>
    db.selectFrom('identity.branch').select(['code', 'nameLv', 'municipalityCode']).where('code', '=', ''),
  );

  it('runs the compiled query with new parameters each time and camelCases the rows', async () => {
    expect(await byCode(database.db, ['A-1'])).toEqual([{ code: 'A-1', nameLv: 'Ā', municipalityCode: 'LV-RIX' }]);
    expect(await byCode(database.db, ['B-2'])).toEqual([{ code: 'B-2', nameLv: 'Bē', municipalityCode: 'LV-DGV' }]);
    expect(await byCode(database.db, ['none'])).toEqual([]);
  });

  it('works inside a transaction and refuses a wrong number of parameters', async () => {
    await database.db.transaction().execute(async (trx) => {
      expect(await byCode(trx, ['A-1'])).toHaveLength(1);
    });
    await expect(byCode(database.db, [])).rejects.toThrow(/takes 1 parameter/);
  });
});
