/**
 * The calculator's answer, worded like the Commission's calculator: the days of stay in the 180-day period
 * ending on the control date, the days left, a possible overstay, and how long the stay in progress or the
 * planned one may last and which rule ends it. It takes focus when it appears and after each new count.
 */
import type { ShortStayAssessment, StayAllowance } from '../../../shared/kernel/short-stay.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useRevealOnOpen } from '../../ui/Layout.tsx';
import { useFormat } from '../../ui/format.ts';

export function StayResult({ assessment: r, at }: { assessment: ShortStayAssessment; at: number }) {
  const t = useT();
  const f = useFormat();
  const heading = useRevealOnOpen<HTMLHeadingElement>(true, at);
  return (
    <section className="panel" aria-labelledby="stay-result-title">
      <h2 id="stay-result-title" ref={heading} tabIndex={-1}>
        {t('staff.stay.result', { date: f.date(r.controlDate) })}
      </h2>
      <dl className="summary-list">
        <dt>{t('staff.stay.window')}</dt>
        <dd>
          {f.date(r.window.first)} – {f.date(r.window.last)}
        </dd>
        <dt>{t('staff.stay.daysUsed')}</dt>
        <dd>
          <strong>{r.daysUsed}</strong>
        </dd>
        <dt>{t('staff.stay.daysLeft')}</dt>
        <dd>
          <strong>{r.daysLeft}</strong> <span className="hint">{t('staff.stay.daysLeftHint')}</span>
        </dd>
        <dt>{t('staff.stay.overstay')}</dt>
        <dd>
          {r.overstay ? (
            <span className="tag tag--danger">
              {t('staff.stay.overstayDays', { days: r.overstay.days, since: f.date(r.overstay.since) })}
            </span>
          ) : (
            t('staff.stay.noOverstay')
          )}
        </dd>
        <dt>{t('staff.stay.current')}</dt>
        <dd>{r.currentStay ? <Allowance allowance={r.currentStay} /> : t('staff.stay.outside')}</dd>
        {r.plannedStay && (
          <>
            <dt>{t('staff.stay.planned', { date: f.date(r.plannedStay.from) })}</dt>
            <dd>
              <Allowance allowance={r.plannedStay} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** How long a stay from a day may last (its latest exit), or that no day is allowed, and the rule that ends it. */
function Allowance({ allowance: a }: { allowance: StayAllowance }) {
  const t = useT();
  const f = useFormat();
  const limit = t(`staff.stay.limit.${a.limitedBy}`);
  return (
    <>
      {a.latestExit ? (
        <strong>{t('staff.stay.until', { date: f.date(a.latestExit), days: a.days, from: f.date(a.from) })}</strong>
      ) : (
        <span className="tag tag--danger">{t('staff.stay.noDay', { from: f.date(a.from) })}</span>
      )}
      <br />
      {t('staff.stay.limitedBy', { limit })}
    </>
  );
}
