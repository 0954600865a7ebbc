/**
 * What the portal knows of the signed-in person's legal status (their register data, the my-data read), to
 * offer the migration service that fits: a visa to a person who needs one, an invitation to a person who may
 * invite. The server decides either way; this only chooses which link to show.
 */
import { useQuery } from '@tanstack/react-query';
import { readMyRegisterData } from '../../shared/contracts/register.contract.ts';
import { callApi } from '../api/client.ts';

/**
 * Latvian citizens and non-citizens need no visa to stay (the server refuses them with `not-for-status`), and
 * they are the persons who may invite a foreigner on their own (MK 552 §2.1).
 */
export const NO_VISA_STATUSES: readonly string[] = ['citizen', 'non-citizen'];

/**
 * My register data as "My data" first shows it (same query key, so the two share one read). Each read is
 * recorded as my own access, so it is kept for a while rather than asked again on every visit to the home page.
 */
export function useMyRegisterCard() {
  return useQuery({
    queryKey: ['my-register', undefined, undefined],
    queryFn: () => callApi(readMyRegisterData, { query: {} }),
    staleTime: 10 * 60_000,
  });
}

/** Whether the person needs a visa: undefined until the register has answered (or when it could not). */
export function useNeedsVisa(): boolean | undefined {
  const status = useMyRegisterCard().data?.legalStatus;
  return status ? !NO_VISA_STATUSES.includes(status) : undefined;
}
