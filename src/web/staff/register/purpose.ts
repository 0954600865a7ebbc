/**
 * The purpose an officer is working under (a case reference or a reason). Every read of a person's data
 * sends it to the audit gate; it is kept for the browser tab so the officer states it once per task. A link
 * from a search made under that purpose (or from a relative on a card) carries it along: the card opens
 * under it and shows it; a card opened any other way asks the officer to confirm it first.
 */
import { useCallback, useState } from 'react';
import { useLocation } from 'react-router';

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

/** Query parameters for the API (empty ones left out); a form's parsed values may leave either out. */
export function purposeQuery(p: Partial<Purpose>): Record<string, string | undefined> {
  return { caseReference: p.caseReference?.trim() || undefined, reason: p.reason?.trim() || undefined };
}

/** Router state for a link made under the stated purpose: `<Link to=… state={PURPOSE_GIVEN}>`. */
export const PURPOSE_GIVEN = { purposeGiven: true } as const;

/** Whether this page was reached by a link that carries the purpose already stated (see PURPOSE_GIVEN). */
export function usePurposeGiven(): boolean {
  const state: unknown = useLocation().state;
  return typeof state === 'object' && state !== null && (state as { purposeGiven?: unknown }).purposeGiven === true;
}
