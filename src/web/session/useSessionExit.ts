/**
 * Ending a session in either app: on sign-out, or when the server says it has ended. Remembers why, so the
 * route guard's redirect to sign-in can carry the reason and the page can say so.
 */
import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { signOut } from '../../shared/contracts/identity.contract.ts';
import { callApi, onSessionExpired, setCsrfToken } from '../api/client.ts';
import { SESSION_KEY } from './useSession.ts';

export type ExitReason = 'expired' | 'signed-out';

export function useSessionExit(signedIn: boolean) {
  const queryClient = useQueryClient();
  const [exitReason, setExitReason] = useState<ExitReason>();

  const end = useCallback(
    (reason: ExitReason) => {
      setCsrfToken(undefined);
      setExitReason(reason);
      queryClient.setQueryData(SESSION_KEY, { authenticated: false });
    },
    [queryClient],
  );
  useEffect(() => onSessionExpired(() => end('expired')), [end]);
  // A new sign-in clears the reason, so later redirects do not repeat an old message.
  if (signedIn && exitReason) setExitReason(undefined);

  const sessionEnded = useCallback(() => end('expired'), [end]);
  const doSignOut = useCallback(async () => {
    await callApi(signOut).catch(() => undefined);
    end('signed-out');
  }, [end]);
  return { exitReason, sessionEnded, signOut: doSignOut };
}
