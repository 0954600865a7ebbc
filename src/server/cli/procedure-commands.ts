/**
 * `civitas procedures list` and `civitas procedures migrate`: the procedures' rule versions, and a transitional
 * move of open cases to another version (issue 25), through the same use case as the administrator's screen. A dry
 * run lists each case and what changes for it; without `--dry-run` the move is one audited transaction.
 */
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../http/app-error.ts';
import {
  RuleMoveRequest,
  type ProcedureRulesView,
  type RuleMovePlan,
} from '../../shared/contracts/procedure-rules.contract.ts';
import { formatMoney } from '../../shared/kernel/display-format.ts';
import { CliError, firstIssue, type CliResult } from './kernel-commands.ts';

/** Who moves from the command line: the operating-system account, under a fixed id (as `civitas calendar`). */
const CLI_MOVER = {
  id: '00000000-0000-4000-8000-00000000c11f',
  name: `command line (${os.userInfo().username})`,
};

export interface MigrateOptions {
  to?: string;
  lodgedBefore?: string;
  basis?: string;
  dryRun?: boolean;
}

export async function listRules(app: FastifyInstance): Promise<CliResult> {
  const view: ProcedureRulesView = await app.procedureRules.list();
  const lines = view.procedures.flatMap((p) => [
    p.procedure,
    ...p.versions.map(
      (v) => `  ${v.validFrom}  ${v.inForce ? '' : '(not yet in force) '}${v.legalAct}  open cases: ${v.openCases}`,
    ),
  ]);
  return { text: lines.join('\n'), json: view };
}

const money = (cents: number) => formatMoney(cents, 'en');

/** One case of a move: what changes for it, in one line. */
function caseLine(c: RuleMovePlan['cases'][number], to: string): string {
  const parts = [`${c.reference}  lodged ${c.receivedOn}  rules ${c.from ?? '(none)'} → ${to}`];
  if (c.dueBefore !== c.dueAfter) parts.push(`deadline ${c.dueBefore ?? '-'} → ${c.dueAfter ?? '-'}`);
  if (c.fee && c.fee.afterCents !== c.fee.beforeCents) {
    const diff = c.fee.afterCents - c.fee.beforeCents;
    parts.push(
      `fee ${money(c.fee.beforeCents)} → ${money(c.fee.afterCents)} (${diff > 0 ? '+' : '−'}${money(Math.abs(diff))}; paid ${money(c.fee.paidCents)})`,
    );
  }
  if (c.newDocuments.length) parts.push(`new documents: ${c.newDocuments.join(', ')}`);
  if (parts.length === 1) parts.push('no change but the version');
  return parts.join('  ');
}

export async function migrateCases(app: FastifyInstance, procedure: string, o: MigrateOptions): Promise<CliResult> {
  if (!o.to) throw new CliError('name the version to move to with --to YYYY-MM-DD (see `civitas procedures list`)');
  const parsed = RuleMoveRequest.safeParse({
    procedure,
    to: o.to,
    ...(o.lodgedBefore ? { lodgedBefore: o.lodgedBefore } : {}),
    ...(o.basis ? { legalBasis: o.basis } : {}),
    dryRun: Boolean(o.dryRun),
  });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    if (field === 'procedure')
      throw new CliError(`there is no procedure ${procedure} (see \`civitas procedures list\`)`);
    // The days are the command's own options: named as typed, with an example of a version's day.
    const option = field === 'to' ? '--to' : field === 'lodgedBefore' ? '--lodged-before' : null;
    if (option) throw new CliError(`${option}: not a day; write it as YYYY-MM-DD, e.g. 2024-06-11`);
    throw firstIssue(parsed.error);
  }
  const mover = {
    actor: { kind: 'staff' as const, id: CLI_MOVER.id, name: CLI_MOVER.name },
    audit: {
      type: 'staff' as const,
      id: CLI_MOVER.id,
      name: CLI_MOVER.name,
      role: 'administrator',
      institution: 'PMLP',
    },
  };
  try {
    const plan = await app.procedureRules.move(mover, parsed.data);
    const head = plan.applied
      ? `moved ${plan.cases.length} open ${procedure} case(s) to the rules of ${plan.to.validFrom} (${plan.to.legalAct}); basis: ${plan.legalBasis}`
      : `dry run: ${plan.cases.length} open ${procedure} case(s) would move to the rules of ${plan.to.validFrom} (${plan.to.legalAct}); nothing changed`;
    return { text: [head, ...plan.cases.map((c) => caseLine(c, plan.to.validFrom))].join('\n'), json: plan };
  } catch (error) {
    // The use case's own words name what is wrong ("No version 2024-06-12 of these rules (there are …)").
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
      if (error.details?.[0]?.path === 'legalBasis')
        throw new CliError('--basis: a move back to earlier rules must name the provision that orders it');
      throw new CliError(error.message);
    }
    throw error;
  }
}
