/**
 * What a move would change, from the server's dry run: each case with its version, deadline and fee before and
 * after and the documents newly asked for; then the button that moves them. Focus goes to its heading.
 */
import { Link } from 'react-router';
import type { RuleMovePlan } from '../../../shared/contracts/procedure-rules.contract.ts';
import { caseWordingKey } from '../../../shared/i18n/case-wording.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useRevealOnOpen } from '../../ui/Layout.tsx';
import { useFormat } from '../../ui/format.ts';
import { ScrollTable } from '../../ui/Table.tsx';

type PlannedCase = RuleMovePlan['cases'][number];

/** The catalogue's name of a document code, in the namespace the procedure's rule book names (else the code). */
function documentName(wording: string | null, code: string, t: (key: string) => string): string {
  return wording ? t(`${wording}.${code}`) : code;
}

export function MovePlanView(props: {
  plan: RuleMovePlan;
  shownAt: number;
  moving: boolean;
  onMove: () => void;
  canOpenCases: boolean;
  /** The catalogue namespace of the procedure's document codes (ProcedureRulesView `documentWording`). */
  documentWording: string | null;
}) {
  const { plan } = props;
  const t = useT();
  const f = useFormat();
  const heading = useRevealOnOpen<HTMLHeadingElement>(true, props.shownAt);
  const count = plan.cases.length;
  return (
    <div>
      <h3 ref={heading} tabIndex={-1}>
        {t('procedureRules.planTitle')}
      </h3>
      {count === 0 ? (
        <p>{t('procedureRules.noCases')}</p>
      ) : (
        <>
          <p>
            {t('procedureRules.planSummary', {
              count,
              date: f.date(plan.to.validFrom),
              basis: f.citation(plan.legalBasis),
              cutoff: plan.lodgedBefore ? f.date(plan.lodgedBefore) : 'none',
            })}
          </p>
          <PlanTable plan={plan} canOpenCases={props.canOpenCases} documentWording={props.documentWording} />
          <p className="hint">{t('procedureRules.moveHint')}</p>
          <button type="button" className="button" disabled={props.moving} onClick={props.onMove}>
            {t('procedureRules.move', { count })}
          </button>
        </>
      )}
    </div>
  );
}

function PlanTable({
  plan,
  canOpenCases,
  documentWording,
}: {
  plan: RuleMovePlan;
  canOpenCases: boolean;
  documentWording: string | null;
}) {
  const t = useT();
  return (
    <ScrollTable>
      <table className="data">
        <caption>{t('procedureRules.planCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('procedureRules.case')}</th>
            <th scope="col">{t('procedureRules.lodgedOn')}</th>
            <th scope="col">{t('procedureRules.version')}</th>
            <th scope="col">{t('procedureRules.deadline')}</th>
            <th scope="col">{t('procedureRules.fee')}</th>
            <th scope="col">{t('procedureRules.newDocuments')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.cases.map((c) => (
            <PlanRow
              key={c.caseId}
              item={c}
              procedure={plan.procedure}
              to={plan.to.validFrom}
              canOpenCases={canOpenCases}
              documentWording={documentWording}
            />
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function PlanRow({
  item: c,
  procedure,
  to,
  canOpenCases,
  documentWording,
}: {
  item: PlannedCase;
  procedure: string;
  to: string;
  canOpenCases: boolean;
  documentWording: string | null;
}) {
  const t = useT();
  const f = useFormat();
  /** "before → after", or the one value where the move leaves it as it was. */
  const change = (before: string, after: string) =>
    before === after ? before : t('procedureRules.change', { before, after });
  const due = (d: string | null) => (d ? f.date(d) : t('procedureRules.noDeadline'));
  return (
    <tr>
      <th scope="row">
        {/* An administrator without the case officers' access sees the reference only. */}
        {canOpenCases ? (
          <Link to={`/cases/${c.caseId}`} className="reference">
            {c.reference}
          </Link>
        ) : (
          <span className="reference">{c.reference}</span>
        )}
        <br />
        <span className="hint">{t(caseWordingKey('status', procedure, c.status))}</span>
      </th>
      <td>{f.date(c.receivedOn)}</td>
      <td>{change(c.from ? f.date(c.from) : t('procedureRules.beforeFirst'), f.date(to))}</td>
      <td>{change(due(c.dueBefore), due(c.dueAfter))}</td>
      <td>
        {c.fee ? change(f.money(c.fee.beforeCents), f.money(c.fee.afterCents)) : t('procedureRules.noFee')}
        {c.fee && c.fee.paidCents > 0 && (
          <>
            <br />
            <span className="hint">{t('procedureRules.paid', { amount: f.money(c.fee.paidCents) })}</span>
          </>
        )}
      </td>
      <td>
        {c.newDocuments.length === 0 ? (
          t('procedureRules.noNewDocuments')
        ) : (
          <ul className="plain-list">
            {c.newDocuments.map((d) => (
              <li key={d}>{documentName(documentWording, d, t)}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
