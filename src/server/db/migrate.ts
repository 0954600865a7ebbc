/** Applies the migration list with Kysely's Migrator (it takes a lock, so concurrent starts are safe). */
import { Migrator, type MigrationResult } from 'kysely/migration';
import { migrations } from '../migrations/index.ts';
import type { Db } from './database.ts';

export async function migrateToLatest(db: Db): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return results ?? [];
}

export function latestMigrationName(): string {
  return Object.keys(migrations).sort().at(-1) as string;
}
