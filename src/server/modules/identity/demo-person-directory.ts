/**
 * Until the population register exists, the synthetic persons of the demo eID page are the people
 * Civitas knows; the register module replaces this directory when it arrives.
 */
import type { Db } from '../../db/database.ts';
import type { IdentityRepository } from './identity.repository.ts';
import type { PersonDirectory } from './identity.service.ts';

export function createDemoPersonDirectory(db: Db, repository: IdentityRepository): PersonDirectory {
  return {
    async findByPersonalCode(personalCode) {
      const p = await repository.findDemoPersonByCode(db, personalCode.replace('-', ''));
      return p ? { personId: p.personId, displayName: `${p.givenNames} ${p.surname}` } : undefined;
    },
  };
}
