/** The identity module asks the register who a resident signing in with a personal code is. */
import type { Db } from '../../db/database.ts';
import type { PersonDirectory } from '../identity/index.ts';
import type { RegisterRepository } from './register.repository.ts';

export function createRegisterPersonDirectory(db: Db, repository: RegisterRepository): PersonDirectory {
  return {
    async findByPersonalCode(personalCode) {
      const code = personalCode.replace('-', '');
      let person = await repository.personByCurrentCode(db, code);
      if (!person) {
        // Someone who signs in with an earlier personal code is still themselves.
        const id = await repository.personIdByAnyCode(db, code);
        if (id) person = await repository.personById(db, id);
      }
      return person && !person.deathDate
        ? { personId: person.id, displayName: `${person.givenNames} ${person.surname}` }
        : undefined;
    },
  };
}
