/**
 * A wide table on a narrow screen scrolls inside its own box instead of widening the page (WCAG 1.4.10).
 * The box is a labelled, focusable region so keyboard users can scroll it too (axe: scrollable-region-focusable);
 * its name is `label`, else the table's caption, else "Table".
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';

export function ScrollTable({ label, children }: { label?: string; children: ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [caption, setCaption] = useState<string>();
  useLayoutEffect(() => {
    if (!label) setCaption(ref.current?.querySelector('caption')?.textContent?.trim() || undefined);
  }, [label, children]);
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label={t('a11y.tableScroll', { caption: label ?? caption ?? t('a11y.table') })}
      tabIndex={0}
      ref={ref}
    >
      {children}
    </div>
  );
}
