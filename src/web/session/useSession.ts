/** The current session (shared by both apps); keeps the API client's CSRF token in step. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getSession, getClientConfig } from '../../shared/contracts/identity.contract.ts';
import { callApi, setCsrfToken } from '../api/client.ts';
import type { SessionResponse } from '../../shared/contracts/identity.contract.ts';

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const s = await callApi(getSession);
      setCsrfToken(s.csrfToken);
      return s;
    },
    staleTime: 30_000,
  });
}

/** After sign-in or sign-out: store the new session (and its CSRF token) without a round trip. */
export function useSetSession() {
  const client = useQueryClient();
  return (s: SessionResponse) => {
    setCsrfToken(s.csrfToken);
    client.setQueryData(SESSION_KEY, s);
  };
}

export function useClientConfig() {
  return useQuery({ queryKey: ['client-config'], queryFn: () => callApi(getClientConfig), staleTime: Infinity });
}
