/**
 * The procedures' rules by version (issue 25), for administrators: each procedure's versions with the day each
 * applies from, the act that brought it and the open cases decided under it, and the form that moves open cases
 * to another version where a transitional provision orders it (previewed first, then applied).
 */
import { useQuery } from '@tanstack/react-query';
import { readProcedureRules, type ProcedureRulesView } from '../../shared/contracts/procedure-rules.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { useProblemText } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { ScrollTable } from '../ui/Table.tsx';
import { MoveCasesForm } from './procedure-rules/MoveCasesForm.tsx';
import { PROCEDURE_RULES_QUERY } from './procedure-rules/query.ts';

export function ProcedureRulesPage({ canOpenCases }: { canOpenCases: boolean }) {
  const t = useT();
  const problemText = useProblemText();
  const rules = useQuery({ queryKey: PROCEDURE_RULES_QUERY, queryFn: () => callApi(readProcedureRules) });
  const d = rules.data;
  // Only a procedure with more than one version has somewhere to move its cases.
  const movable = d?.procedures.filter((p) => p.versions.length > 1) ?? [];
  return (
    <>
      <PageTitle>{t('procedureRules.title')}</PageTitle>
      <p className="lead">{t('procedureRules.intro')}</p>
      {d ? (
        <>
          <h2>{t('procedureRules.versions')}</h2>
          {d.procedures.length === 0 && <p>{t('procedureRules.noProcedures')}</p>}
          {d.procedures.map((p) => (
            <VersionsTable key={p.procedure} procedure={p} />
          ))}
          {movable.length > 0 && <MoveCasesForm procedures={movable} canOpenCases={canOpenCases} />}
        </>
      ) : (
        <p>{rules.isError ? problemText(rules.error) : t('common.loading')}</p>
      )}
    </>
  );
}

function VersionsTable({ procedure }: { procedure: ProcedureRulesView['procedures'][number] }) {
  const t = useT();
  const f = useFormat();
  return (
    <ScrollTable>
      <table className="data">
        <caption>{t(`cases.type.${procedure.procedure}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('procedureRules.validFrom')}</th>
            <th scope="col">{t('procedureRules.act')}</th>
            <th scope="col">{t('procedureRules.openCases')}</th>
          </tr>
        </thead>
        <tbody>
          {procedure.versions.map((v, i) => {
            // A version in force until a later one took over governs only cases lodged before that day.
            const next = procedure.versions[i + 1];
            return (
              <tr key={v.validFrom}>
                {/* Whether it is in force stands under its day: three columns fit a phone without scrolling. */}
                <th scope="row">
                  {f.date(v.validFrom)}
                  <br />
                  {!v.inForce ? (
                    <span className="tag tag--warning">{t('procedureRules.notYet')}</span>
                  ) : next?.inForce ? (
                    <span className="tag">{t('procedureRules.supersededFrom', { date: f.date(next.validFrom) })}</span>
                  ) : (
                    <span className="tag tag--success">{t('procedureRules.inForceYes')}</span>
                  )}
                </th>
                <td>{f.citation(v.legalAct)}</td>
                <td>{v.openCases}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
