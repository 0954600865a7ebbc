/** The full-register duplicate scan and the side-by-side review of candidate pairs. */
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import * as c from '../../../shared/contracts/register.contract.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { ErrorSummary, Notice, type FormError } from '../../ui/forms.tsx';
import { useFormErrors } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { hasPurpose, purposeQuery, usePurpose } from './purpose.ts';
import { PurposeFields } from './PurposeFields.tsx';
import { ScrollTable } from '../../ui/Table.tsx';

type Summary = { id: string; givenNames: string; surname: string; birthDate: string; personalCode: string; municipalityCode: string | null };

function Side({ p }: { p: Summary }) {
  const f = useFormat();
  return <td><Link to={`/register/persons/${p.id}`}>{p.givenNames} {p.surname}</Link><br />{f.date(p.birthDate)} · {formatPersonalCode(p.personalCode)} · {p.municipalityCode ?? '—'}</td>;
}

export function DuplicatesPage() {
  const t = useT();
  const formErrors = useFormErrors();
  const [purpose, setPurpose] = usePurpose();
  const [errors, setErrors] = useState<FormError[]>([]);
  const list = useQuery({ queryKey: ['duplicates', purpose], queryFn: () => callApi(c.listDuplicateCandidates, { query: purposeQuery(purpose) }), enabled: hasPurpose(purpose) });
  const scan = useMutation({ mutationFn: () => callApi(c.scanDuplicates), onSuccess: () => void list.refetch(), onError: (e) => setErrors(formErrors(e)) });
  const decide = useMutation({
    mutationFn: (v: { id: string; decision: 'same-person' | 'different-persons' }) => callApi(c.decideDuplicateCandidate, { params: { id: v.id }, body: { decision: v.decision, ...purposeQuery(purpose) } }),
    onSuccess: () => void list.refetch(),
    onError: (e) => setErrors(formErrors(e)),
  });
  return (
    <>
      <PageTitle>{t('staff.duplicates.title')}</PageTitle>
      <p className="lead">{t('staff.duplicates.intro')}</p>
      <ErrorSummary errors={errors} />
      <PurposeFields purpose={purpose} onChange={setPurpose} />
      <button type="button" className="button button--secondary" onClick={() => scan.mutate()} disabled={scan.isPending}>{t('staff.duplicates.scan')}</button>
      {scan.data && <Notice kind="info">{t('staff.duplicates.scanned', { persons: scan.data.personsScanned, pairs: scan.data.pairsCompared, found: scan.data.candidatesFound, seconds: scan.data.seconds.toFixed(1) })}</Notice>}
      {list.data && (list.data.candidates.length === 0 ? <p>{t('staff.duplicates.none')}</p> : (
        <ScrollTable>
          <table className="data">
            <thead><tr><th scope="col">{t('register.field.person')}</th><th scope="col">{t('register.field.person')}</th><th scope="col">{t('staff.search.score')}</th><th scope="col">{t('staff.duplicates.reasons')}</th><th scope="col"><span className="visually-hidden">{t('action.decide')}</span></th></tr></thead>
            <tbody>
              {list.data.candidates.map((cand) => (
                <tr key={cand.id}>
                  {cand.person ? <Side p={cand.person} /> : <td />}
                  <Side p={cand.other} />
                  <td>{Math.round(cand.score * 100)}%</td>
                  <td>{cand.reasons.join(', ')}</td>
                  <td>
                    <div className="button-row">
                      <button type="button" className="button button--secondary" onClick={() => decide.mutate({ id: cand.id, decision: 'same-person' })}>{t('staff.duplicates.same')}</button>
                      <button type="button" className="button button--secondary" onClick={() => decide.mutate({ id: cand.id, decision: 'different-persons' })}>{t('staff.duplicates.different')}</button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ))}
    </>
  );
}
