/** The full-register duplicate scan and the side-by-side review of candidate pairs. */
import { Link } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import * as c from '../../../shared/contracts/register.contract.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useFormat } from '../../ui/format.ts';
import { Form } from '../../ui/form/Form.tsx';
import { SubmitButton } from '../../ui/form/fields.tsx';
import { NoFields, useContractForm, type ContractForm } from '../../ui/form/useContractForm.ts';
import { hasPurpose, purposeQuery, usePurpose, type Purpose } from './purpose.ts';
import { PurposeFieldset, purposeLabels, requirePurposeIn } from './PurposeFieldset.tsx';
import { ScrollTable } from '../../ui/Table.tsx';

/** The list is read under a purpose (the list's own query, less what the page sets): a case reference or a reason. */
const PurposeForm = c.listDuplicateCandidates.query
  .pick({ caseReference: true, reason: true })
  .refine(...requirePurposeIn);
type Candidate = z.output<typeof c.listDuplicateCandidates.response>['candidates'][number];
type Summary = Candidate['other'];

export function DuplicatesPage() {
  const t = useT();
  const [purpose, setPurpose] = usePurpose();
  const form = useContractForm(PurposeForm, { defaultValues: purpose, labels: purposeLabels(t) });
  const list = useQuery({
    queryKey: ['duplicates', purpose],
    queryFn: () => callApi(c.listDuplicateCandidates, { query: purposeQuery(purpose) }),
    enabled: hasPurpose(purpose),
  });
  return (
    <>
      <PageTitle>{t('staff.duplicates.title')}</PageTitle>
      <p className="lead">{t('staff.duplicates.intro')}</p>
      {/* The purpose is kept for the tab, as the search and the card keep it. */}
      <Form form={form} onSubmit={(v) => setPurpose({ caseReference: v.caseReference ?? '', reason: v.reason ?? '' })}>
        <PurposeFieldset />
        <SubmitButton secondary>{t('staff.duplicates.show')}</SubmitButton>
      </Form>
      <ScanForm onScanned={() => void list.refetch()} />
      {list.data &&
        (list.data.candidates.length === 0 ? (
          <p>{t('staff.duplicates.none')}</p>
        ) : (
          <CandidateTable
            candidates={list.data.candidates}
            purpose={purpose}
            refusals={form}
            onDecided={() => void list.refetch()}
          />
        ))}
    </>
  );
}

/** The scan of the whole register (no personal data is shown by it, so no purpose); its refusal is shown at its button. */
function ScanForm({ onScanned }: { onScanned: () => void }) {
  const t = useT();
  const form = useContractForm(NoFields, { defaultValues: {}, labels: {}, idPrefix: 'scan' });
  const scan = useMutation({
    mutationFn: () => callApi(c.scanDuplicates),
    onSuccess: onScanned,
    onError: form.showServerError,
  });
  return (
    <>
      <Form form={form} onSubmit={() => scan.mutate()}>
        <SubmitButton pending={scan.isPending} secondary>
          {t('staff.duplicates.scan')}
        </SubmitButton>
      </Form>
      {scan.data && (
        <Notice kind="info">
          {t('staff.duplicates.scanned', {
            persons: scan.data.personsScanned,
            pairs: scan.data.pairsCompared,
            found: scan.data.candidatesFound,
            seconds: scan.data.seconds.toFixed(1),
          })}
        </Notice>
      )}
    </>
  );
}

/**
 * The pairs side by side, each decided in its row. A decision is recorded under the purpose, so its refusal
 * is shown in the purpose form's summary (at the purpose's fields when the server names them).
 */
function CandidateTable({
  candidates,
  purpose,
  refusals,
  onDecided,
}: {
  candidates: Candidate[];
  purpose: Purpose;
  refusals: ContractForm<typeof PurposeForm>;
  onDecided: () => void;
}) {
  const t = useT();
  const decide = useMutation({
    mutationFn: (v: { id: string; decision: 'same-person' | 'different-persons' }) =>
      callApi(c.decideDuplicateCandidate, {
        params: { id: v.id },
        body: { decision: v.decision, ...purposeQuery(purpose) },
      }),
    onSuccess: () => {
      refusals.clearErrors();
      onDecided();
    },
    onError: refusals.showServerError,
  });
  return (
    <ScrollTable>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('register.field.person')}</th>
            <th scope="col">{t('register.field.person')}</th>
            <th scope="col">{t('staff.search.score')}</th>
            <th scope="col">{t('staff.duplicates.reasons')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('action.decide')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((cand) => (
            <tr key={cand.id}>
              {cand.person ? <Side p={cand.person} /> : <td />}
              <Side p={cand.other} />
              <td>{Math.round(cand.score * 100)}%</td>
              <td>{cand.reasons.join(', ')}</td>
              <td>
                <div className="button-row">
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ id: cand.id, decision: 'same-person' })}
                  >
                    {t('staff.duplicates.same')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ id: cand.id, decision: 'different-persons' })}
                  >
                    {t('staff.duplicates.different')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function Side({ p }: { p: Summary }) {
  const f = useFormat();
  return (
    <td>
      <Link to={`/register/persons/${p.id}`}>
        {p.givenNames} {p.surname}
      </Link>
      <br />
      {f.date(p.birthDate)} · {formatPersonalCode(p.personalCode)} · {p.municipalityCode ?? '—'}
    </td>
  );
}
