/**
 * The purpose an officer is working under (a case reference or a reason). Every read of a person's data
 * sends it to the audit gate; it is kept for the browser tab so the officer states it once per task and
 * confirms it on each person card.
 */
import { useCallback, useState } from 'react';

export interface Purpose {
  caseReference: string;
  reason: string;
}

const KEY = 'civitas.purpose';
const EMPTY: Purpose = { caseReference: '', reason: '' };

function read(): Purpose {
  try {
    return { ...EMPTY, ...(JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Partial<Purpose>) };
  } catch {
    return EMPTY;
  }
}

export function usePurpose(): [Purpose, (p: Purpose) => void] {
  const [purpose, setState] = useState(read);
  const set = useCallback((p: Purpose) => {
    sessionStorage.setItem(KEY, JSON.stringify(p));
    setState(p);
  }, []);
  return [purpose, set];
}

export const hasPurpose = (p: Purpose) => Boolean(p.caseReference.trim() || p.reason.trim());

/** Query parameters for the API (empty ones left out). */
export function purposeQuery(p: Purpose): Record<string, string | undefined> {
  return { caseReference: p.caseReference.trim() || undefined, reason: p.reason.trim() || undefined };
}

/** Before a read: a purpose is stated, or the error summary says so (returns whether to go on). */
export function requirePurpose(p: Purpose, setErrors: (e: Array<{ field: string; message: string }>) => void, t: (key: string) => string): boolean {
  if (hasPurpose(p)) return true;
  setErrors([{ field: 'caseReference', message: t('purpose.missing') }]);
  return false;
}
