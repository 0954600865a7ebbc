/**
 * A branch's name in the page's language. Records keep the branch's Latvian name as it was when written (a
 * document's issuing branch, an application's pickup branch, the institution of an officer who used the data);
 * an English page shows the branch's English name from the public list of branches (`identity.branch.name_en`),
 * found by id or by that Latvian name. A name the list does not hold keeps the text the record has.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { listBranchNames } from '../../shared/contracts/appointments.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale } from '../i18n/I18nProvider.tsx';

export interface BranchNames {
  id: string;
  nameLv: string;
  nameEn: string;
}

/** Pure: the name to show for a record's branch (its stored Latvian name, and its id where the record has it). */
export function branchNameIn(
  branches: readonly BranchNames[] | undefined,
  locale: 'lv' | 'en',
  storedName: string,
  id?: string,
): string {
  if (locale === 'lv' || !branches) return storedName;
  const branch = branches.find((b) => (id ? b.id === id : b.nameLv === storedName));
  return branch?.nameEn ?? storedName;
}

/** `const branchName = useBranchName(); branchName(s.pickupBranchName, s.pickupBranchId)`. */
export function useBranchName(): (storedName: string, id?: string) => string {
  const { locale } = useLocale();
  // Fetched once per session (branches are renamed rarely); Latvian pages need none.
  const names = useQuery({
    queryKey: ['branch-names'],
    queryFn: () => callApi(listBranchNames),
    enabled: locale === 'en',
    staleTime: 60 * 60_000,
  });
  const branches = names.data?.branches;
  return useCallback(
    (storedName: string, id?: string) => branchNameIn(branches, locale, storedName, id),
    [branches, locale],
  );
}
