/** A short message in a coloured box: what an action did (success), something to know (info), or to heed (warning). */
import type { ReactNode } from 'react';

export function Notice({ kind, children }: { kind: 'info' | 'success' | 'warning'; children: ReactNode }) {
  return (
    <div className={`notice notice--${kind}`} role="status">
      {children}
    </div>
  );
}
