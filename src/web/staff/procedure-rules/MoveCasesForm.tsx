/**
 * The transitional move of a procedure's open cases to another version of its rules: the form asks the server
 * for a dry run first and shows what would change for each case; the move itself sends exactly what was
 * previewed, and only while the form still holds those values.
 */
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useFormContext, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import {
  moveProcedureRules,
  RuleMoveRequest,
  type ProcedureRulesView,
  type RuleMovePlan,
} from '../../../shared/contracts/procedure-rules.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useRevealOnOpen } from '../../ui/Layout.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useFormat } from '../../ui/format.ts';
import { Form } from '../../ui/form/Form.tsx';
import { DateInput, Select, SubmitButton, TextInput } from '../../ui/form/fields.tsx';
import { useContractForm } from '../../ui/form/useContractForm.ts';
import { MovePlanView } from './MovePlanView.tsx';
import { PROCEDURE_RULES_QUERY } from './query.ts';

/** The form is the contract's request without `dryRun`: the button pressed says that. */
export const MoveForm = RuleMoveRequest.omit({ dryRun: true, expected: true });
export type MoveValues = z.output<typeof MoveForm>;
type Procedure = ProcedureRulesView['procedures'][number];

/** The version a move usually goes to: the newest one in force. */
const newestInForce = (p: Procedure | undefined): string =>
  p?.versions.findLast((v) => v.inForce)?.validFrom ?? p?.versions.at(-1)?.validFrom ?? '';

/** The form's values as it would send them now (an empty field is absent), or undefined while they would be refused. */
function asSent(values: Record<string, unknown>): MoveValues | undefined {
  const present = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined));
  const parsed = MoveForm.safeParse(present);
  return parsed.success ? parsed.data : undefined;
}

const sameRequest = (a: MoveValues | undefined, b: MoveValues): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The moved cases by reference: the first twenty, and how many more (a move may reach tens of thousands). */
function movedList(references: string[], t: ReturnType<typeof useT>): string {
  const shown = references.slice(0, 20).join(', ');
  const more = references.length - 20;
  return more > 0
    ? t('procedureRules.movedCasesMore', { references: shown, more })
    : t('procedureRules.movedCases', { references: shown });
}

export function MoveCasesForm({ procedures, canOpenCases }: { procedures: Procedure[]; canOpenCases: boolean }) {
  const t = useT();
  const f = useFormat();
  const queryClient = useQueryClient();
  const first = procedures.find((p) => p.versions.length > 1) ?? procedures[0];
  const form = useContractForm(MoveForm, {
    defaultValues: { procedure: first?.procedure, to: newestInForce(first) },
    labels: {
      procedure: t('procedureRules.procedure'),
      to: t('procedureRules.to'),
      lodgedBefore: t('procedureRules.lodgedBefore'),
      legalBasis: t('procedureRules.legalBasis'),
    },
    idPrefix: 'move',
  });
  const [preview, setPreview] = useState<{ request: MoveValues; plan: RuleMovePlan; at: number }>();
  const move = useMutation({
    // Exactly the cases the preview showed, at the versions shown: if they changed, nothing moves (409).
    mutationFn: ({ request, plan }: { request: MoveValues; plan: RuleMovePlan }) =>
      callApi(moveProcedureRules, {
        body: {
          ...request,
          dryRun: false,
          expected: plan.cases.map((c) => ({ caseId: c.caseId, version: c.version })),
        },
      }),
    onError: (error) => {
      // The cases changed since the preview: the list shown is no longer what would move.
      setPreview(undefined);
      form.showServerError(error);
    },
    onSuccess: () => {
      setPreview(undefined);
      void queryClient.invalidateQueries({ queryKey: PROCEDURE_RULES_QUERY });
    },
  });
  const dryRun = useMutation({
    mutationFn: (request: MoveValues) => callApi(moveProcedureRules, { body: { ...request, dryRun: true } }),
    onError: form.showServerError,
    onSuccess: (plan, request) => {
      move.reset();
      setPreview({ request, plan, at: Date.now() });
    },
  });
  const current = asSent(useWatch({ control: form.control }) as Record<string, unknown>);
  const moved = useRevealOnOpen<HTMLDivElement>(Boolean(move.data), move.submittedAt);
  return (
    <section className="panel" aria-labelledby="move-cases">
      <h2 id="move-cases">{t('procedureRules.moveTitle')}</h2>
      <p className="hint">{t('procedureRules.moveIntro')}</p>
      {move.data && (
        <div ref={moved} tabIndex={-1}>
          <Notice kind="success">
            {t('procedureRules.moved', { count: move.data.cases.length, date: f.date(move.data.to.validFrom) })}
            {move.data.cases.length > 0 && (
              <>
                {' '}
                {movedList(
                  move.data.cases.map((c) => c.reference),
                  t,
                )}
              </>
            )}
          </Notice>
        </div>
      )}
      <Form form={form} onSubmit={(request) => dryRun.mutate(request)}>
        <MoveFields procedures={procedures} />
        <SubmitButton pending={dryRun.isPending} secondary={Boolean(preview)}>
          {t('procedureRules.preview')}
        </SubmitButton>
      </Form>
      {preview &&
        (sameRequest(current, preview.request) ? (
          <MovePlanView
            plan={preview.plan}
            shownAt={preview.at}
            moving={move.isPending}
            onMove={() => move.mutate(preview)}
            canOpenCases={canOpenCases}
            documentWording={procedures.find((p) => p.procedure === preview.plan.procedure)?.documentWording ?? null}
          />
        ) : (
          <p className="hint">{t('procedureRules.stale')}</p>
        ))}
    </section>
  );
}

/** The procedure, its version to move to (reset when the procedure changes), the cut-off and the legal basis. */
function MoveFields({ procedures }: { procedures: Procedure[] }) {
  const t = useT();
  const f = useFormat();
  const { control, getValues, setValue } = useFormContext<z.input<typeof MoveForm>>();
  const procedureName = useWatch({ control, name: 'procedure' });
  const to = useWatch({ control, name: 'to' });
  const chosen = procedures.find((p) => p.procedure === procedureName);
  useEffect(() => {
    if (chosen && !chosen.versions.some((v) => v.validFrom === getValues('to')))
      setValue('to', newestInForce(chosen), { shouldValidate: false });
  }, [chosen, getValues, setValue]);
  // Another procedure's move has its own provision and cut-off: what was typed for the last one does not carry over.
  const typedFor = useRef(procedureName);
  useEffect(() => {
    if (typedFor.current === procedureName) return;
    typedFor.current = procedureName;
    setValue('legalBasis', '', { shouldValidate: false });
    setValue('lodgedBefore', '', { shouldValidate: false });
  }, [procedureName, setValue]);
  const act = chosen?.versions.find((v) => v.validFrom === to)?.legalAct;
  // Open cases under rules later than the target may go back (those lodged before the later rules), and a move
  // back names its basis: the hint says so. Only the dry run knows which cases would go back, so the field is not
  // marked required here; the server refuses at the field when one would.
  const back = Boolean(to && chosen?.versions.some((v) => v.validFrom > to && v.openCases > 0));
  return (
    <>
      <Select name="procedure">
        {procedures.map((p) => (
          <option key={p.procedure} value={p.procedure}>
            {p.versions.length > 1
              ? t(`cases.type.${p.procedure}`)
              : t('procedureRules.oneVersion', { name: t(`cases.type.${p.procedure}`) })}
          </option>
        ))}
      </Select>
      <Select name="to">
        {chosen?.versions.map((v) => (
          <option key={v.validFrom} value={v.validFrom}>
            {v.inForce
              ? f.date(v.validFrom)
              : t('procedureRules.versionOptionNotInForce', { date: f.date(v.validFrom) })}
          </option>
        ))}
      </Select>
      <DateInput name="lodgedBefore" hint={t('procedureRules.lodgedBeforeHint')} />
      <TextInput
        name="legalBasis"
        autoComplete="off"
        hint={
          back
            ? t('procedureRules.legalBasisHintBack')
            : act
              ? t('procedureRules.legalBasisHint', { act: f.citation(act) })
              : t('procedureRules.legalBasisHintNoAct')
        }
      />
    </>
  );
}
