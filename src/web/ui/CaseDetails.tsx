/**
 * One case as both apps show it: what is asked, the deadline clock, documents, the decision and the timeline
 * of actions. The resident reads "we" and "your"; an officer (`audience="staff"`) reads the same facts in the
 * office's own words.
 */
import type { ReactNode } from 'react';
import type { CaseView } from '../../shared/contracts/cases.contract.ts';
import { formatPersonalCode } from '../../shared/kernel/personal-code.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Notice } from './Notice.tsx';
import { useFormat } from './format.ts';
import { ScrollTable } from './Table.tsx';
import { useBranchName } from './branch-names.ts';
import { caseWordingKey, SYSTEM_RULES } from '../../shared/i18n/case-wording.ts';
import {
  InvitationSubjectRows,
  VisaEndedNotice,
  VisaSubjectRows,
} from '../procedures/migration/MigrationSubjectRows.tsx';
import { PermitCancelledNotice, PermitSubjectRows } from '../procedures/migration/PermitSubjectRows.tsx';
import { decisionTermsOf } from '../procedures/terms.tsx';

export type CaseAudience = 'staff' | 'resident';

export function DeadlineClock({ view, audience = 'resident' }: { view: CaseView; audience?: CaseAudience }) {
  const t = useT();
  const f = useFormat();
  const d = view.deadline;
  // An open case without a running clock waits for the applicant: to come in, or to collect the document.
  if (!d.dueOn)
    return (
      <p>
        {t(
          view.status === 'prepared'
            ? 'cases.deadline.waitingVisit'
            : view.status === 'ready'
              ? 'cases.deadline.waitingPickup'
              : 'cases.deadline.closed',
        )}
      </p>
    );
  // While the clock stands still the due day moves on with every day, so no "days left" is given: the page says it is stopped, and since when.
  const badge = d.suspended ? (
    <span className="tag">{t('cases.deadline.paused')}</span>
  ) : d.breached ? (
    <span className="tag tag--danger">{t('cases.deadline.breached')}</span>
  ) : (
    <span className={`tag${(d.workingDaysLeft ?? 99) <= 5 ? ' tag--warning' : ''}`}>
      {t('cases.deadline.left', { days: d.workingDaysLeft ?? 0 })}
    </span>
  );
  return (
    <dl className="summary-list">
      <dt>{t('cases.deadline.received')}</dt>
      <dd>{f.date(d.receivedOn)}</dd>
      <dt>{t('cases.deadline.due')}</dt>
      <dd>
        {f.date(d.dueOn)} {badge}
      </dd>
      <dt>{t('cases.deadline.rule')}</dt>
      <dd>{f.citation(d.rule)}</dd>
      {d.suspended && (
        <>
          <dt>{t('cases.deadline.clock')}</dt>
          <dd>
            {t(audience === 'staff' ? 'staff.cases.deadline.suspended' : 'cases.deadline.suspended', {
              date: d.suspendedSince ? f.date(d.suspendedSince) : '',
              days: d.suspendedDays,
            })}
          </dd>
        </>
      )}
      {!d.suspended && d.suspendedDays > 0 && (
        <>
          <dt>{t('cases.deadline.clock')}</dt>
          <dd>{t('cases.deadline.wasSuspended', { days: d.suspendedDays })}</dd>
        </>
      )}
      {d.extendedTo && (
        <>
          <dt>{t('cases.deadline.extended')}</dt>
          <dd>{f.date(d.extendedTo)}</dd>
        </>
      )}
    </dl>
  );
}

export function CaseDetails({
  view,
  documentUrl,
  decisionUrl,
  caseLink,
  audience = 'resident',
}: {
  view: CaseView;
  documentUrl: (id: string) => string;
  decisionUrl: string;
  caseLink: (id: string, reference: string) => ReactNode;
  audience?: CaseAudience;
}) {
  const t = useT();
  const f = useFormat();
  const movedRules = useMovedRules();
  const s = view.subject;
  // The step in plain words: the resident's ("you can read the decision below") or the office's.
  const stepKey = caseWordingKey('step', view.caseType, view.status);
  return (
    <>
      <VisaEndedNotice subject={s} />
      <PermitCancelledNotice subject={s} />
      <h2>{t('cases.section.request')}</h2>
      <dl className="summary-list">
        <dt>{t('cases.field.type')}</dt>
        <dd>{t(`cases.type.${view.caseType}`)}</dd>
        <dt>{t('cases.field.status')}</dt>
        <dd>
          <span className="tag">{t(caseWordingKey('status', view.caseType, view.status))}</span>{' '}
          {t(audience === 'staff' ? `staff.${stepKey}` : stepKey)}
        </dd>
        {view.rules && (
          <>
            {/* The version of the procedure's rules the case is decided under, open or closed. */}
            <dt>{t('cases.field.rulesVersion')}</dt>
            <dd>
              {t('cases.rulesVersion', { from: f.date(view.rules.validFrom), act: f.citation(view.rules.legalAct) })}
            </dd>
          </>
        )}
        {s.kind === 'correction' ? (
          <>
            <dt>{t('register.field.person')}</dt>
            <dd>
              {s.personName}, {formatPersonalCode(s.personalCode)}
            </dd>
            <dt>{t('cases.field.field')}</dt>
            <dd>{t(`cases.correctable.${s.field}`)}</dd>
            <dt>{t('cases.field.currentValue')}</dt>
            <dd>{s.currentValue ?? t('cases.notRecorded')}</dd>
            <dt>{t('cases.field.requestedValue')}</dt>
            <dd>{s.requestedValue ?? t('common.none')}</dd>
          </>
        ) : s.kind === 'document-application' ? (
          <DocumentApplicationRows subject={s} documents={view.documents} audience={audience} />
        ) : s.kind === 'visa' ? (
          <VisaSubjectRows subject={s} audience={audience} />
        ) : s.kind === 'invitation' ? (
          <InvitationSubjectRows subject={s} />
        ) : s.kind === 'residence-permit' ? (
          <PermitSubjectRows subject={s} />
        ) : (
          <>
            <dt>{t('cases.field.applicant')}</dt>
            <dd>{s.personName}</dd>
            <dt>{t('register.field.sex')}</dt>
            <dd>{t(`register.sex.${s.sex}`)}</dd>
            <dt>{t('register.field.birthDate')}</dt>
            <dd>{f.date(s.birthDate)}</dd>
            <dt>{t('register.field.birthCountry')}</dt>
            <dd>{s.birthCountry}</dd>
            <dt>{t('register.field.legalStatus')}</dt>
            <dd>{t(`legalStatus.${s.legalStatus}`)}</dd>
            <dt>{t('register.field.citizenships')}</dt>
            <dd>{s.citizenships.join(', ') || t('common.none')}</dd>
            <dt>{t('cases.inclusion.foreignDocument')}</dt>
            <dd>
              {s.foreignDocument.number} ({s.foreignDocument.country})
            </dd>
            <dt>{t('cases.inclusion.personalCode')}</dt>
            <dd>{s.personalCode ? formatPersonalCode(s.personalCode) : t('cases.inclusion.notRegistered')}</dd>
          </>
        )}
        {'explanation' in s && s.explanation && (
          <>
            <dt>{t('cases.field.explanation')}</dt>
            <dd>{s.explanation}</dd>
          </>
        )}
        <dt>{t('cases.field.assignee')}</dt>
        <dd>{view.assigneeName ?? t('cases.unassigned')}</dd>
        {view.appealOf && (
          <>
            <dt>{t('cases.field.appealOf')}</dt>
            <dd>{caseLink(view.appealOf.id, view.appealOf.reference)}</dd>
          </>
        )}
        {view.appealedBy && (
          <>
            <dt>{t('cases.field.appealedBy')}</dt>
            <dd>{caseLink(view.appealedBy.id, view.appealedBy.reference)}</dd>
          </>
        )}
        {view.termRenewal && <TermRenewalRows renewal={view.termRenewal} />}
      </dl>
      {s.kind === 'inclusion' && !s.personId && s.candidates.length > 0 && (
        <LikelyDuplicates candidates={s.candidates} />
      )}
      {view.representatives.length > 0 && (
        <>
          <h2>{t('cases.section.representatives')}</h2>
          <ul>
            {view.representatives.map((r) => (
              <li key={r.personId}>
                {r.name} ({t(`cases.representative.${r.kind}`)}): {r.may.map((m) => t(`cases.right.${m}`)).join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('cases.section.deadline')}</h2>
      <DeadlineClock view={view} audience={audience} />
      {view.openRequest && <OpenRequest request={view.openRequest} audience={audience} />}
      {audience === 'staff' && view.consultations.length > 0 && (
        <Consultations consultations={view.consultations} decided={Boolean(view.decision)} />
      )}
      {view.proposal && !view.decision && <Proposal view={view} proposal={view.proposal} />}
      {view.decision && <Decision view={view} decision={view.decision} decisionUrl={decisionUrl} />}
      <h2>{t('cases.section.documents')}</h2>
      {view.documents.length === 0 ? (
        <p>{t('cases.noDocuments')}</p>
      ) : (
        <ul>
          {view.documents.map((d) => (
            <li key={d.id}>
              <a href={documentUrl(d.id)} download>
                {d.fileName}
              </a>{' '}
              ({Math.ceil(d.size / 1024)} KB, {t(`cases.uploadedBy.${d.uploadedByType}`)}, {f.day(d.uploadedAt)})
            </li>
          ))}
        </ul>
      )}
      <h2>{t('cases.section.timeline')}</h2>
      <ol className="timeline">
        {view.timeline.map((a) => (
          <li key={a.seq}>
            <strong>
              {/* Taken at the desk, a case is submitted there; prepared online, its procedure may word it its own way. */}
              {t(
                a.kind === 'submit' && view.channel === 'desk'
                  ? 'cases.event.submit'
                  : caseWordingKey('event', view.caseType, a.kind),
              )}
            </strong>{' '}
            · {f.date(a.on)} · {a.actor.name ?? t(`cases.uploadedBy.${a.actor.kind}`)}
            {typeof a.details['reason'] === 'string' && a.details['reason'] ? ` — ${a.details['reason']}` : ''}
            {typeof a.details['question'] === 'string' ? ` — ${a.details['question']}` : ''}
            {a.kind === 'link-applicant' && typeof a.details['personalCode'] === 'string'
              ? ` — ${formatPersonalCode(a.details['personalCode'])}`
              : ''}
            {a.kind === 'decide-term-renewal'
              ? ` — ${t(a.details['granted'] ? 'cases.termRenewal.yes' : 'cases.termRenewal.no')}: ${String(a.details['reasoning'] ?? '')}`
              : ''}
            {a.kind === 'submit' && a.details['lateAppeal'] ? ` — ${t('cases.lateAppealShort')}` : ''}
            {a.kind === 'move-rules' ? ` — ${movedRules(a.details)}` : ''}
            {a.kind === 'record-payment' && typeof a.details['amountCents'] === 'number'
              ? ` — ${f.money(a.details['amountCents'])}`
              : ''}
          </li>
        ))}
      </ol>
    </>
  );
}

/** A transitional move in the timeline: from which rules to which, on what basis, and the fee it changed. */
function useMovedRules(): (details: Record<string, unknown>) => string {
  const t = useT();
  const f = useFormat();
  return (details) => {
    const fee = details['fee'] as { beforeCents: number; afterCents: number } | null;
    const to = f.date(String(details['to']));
    const basis = f.citation(String(details['legalBasis']));
    // A case lodged before versions were stamped had none to move from.
    const moved = details['from']
      ? t('cases.movedRules', { from: f.date(String(details['from'])), to, basis })
      : t('cases.movedRulesFirst', { to, basis });
    return fee && fee.afterCents !== fee.beforeCents
      ? `${moved}; ${t('cases.movedRulesFee', { before: f.money(fee.beforeCents), after: f.money(fee.afterCents) })}`
      : moved;
  };
}

/** The office's question the applicant has yet to answer: the resident reads when to answer; an officer also when it was asked. */
function OpenRequest({ request, audience }: { request: NonNullable<CaseView['openRequest']>; audience: CaseAudience }) {
  const t = useT();
  const f = useFormat();
  const lead =
    audience === 'staff'
      ? t('staff.cases.openRequest', { askedOn: f.date(request.askedOn), dueOn: f.date(request.dueOn) })
      : t('cases.openRequest', { dueOn: f.date(request.dueOn) });
  return (
    <Notice kind="warning">
      <strong>{lead}</strong> {request.question}
    </Notice>
  );
}

/** A decision proposed and waiting for its approval (four-eyes). */
function Proposal({ view, proposal }: { view: CaseView; proposal: NonNullable<CaseView['proposal']> }) {
  const t = useT();
  const f = useFormat();
  return (
    <>
      <h2>{t('cases.section.proposal')}</h2>
      <dl className="summary-list">
        <dt>{t('cases.field.outcome')}</dt>
        <dd>{t(caseWordingKey('outcome', view.caseType, proposal.outcome))}</dd>
        {proposal.terms && <TermsRows subject={view.subject} outcome={proposal.outcome} terms={proposal.terms} />}
        <dt>{t('cases.field.reasoning')}</dt>
        <dd>{proposal.reasoning}</dd>
        <dt>{t('cases.field.proposedBy')}</dt>
        <dd>
          {proposal.proposedBy.name} ({f.date(proposal.proposedOn)})
        </dd>
      </dl>
      <RuleTrace checks={proposal.ruleTrace} />
      {view.ownProposal && <Notice kind="info">{t('cases.ownProposal')}</Notice>}
    </>
  );
}

/** An appeal lodged after its term: why the term was missed, and whether the office renewed it. */
function TermRenewalRows({ renewal }: { renewal: NonNullable<CaseView['termRenewal']> }) {
  const t = useT();
  const f = useFormat();
  const decided = renewal.decision;
  return (
    <>
      <dt>{t('cases.field.lateAppeal')}</dt>
      <dd>{t('cases.lateAppeal', { termEnded: f.date(renewal.termEnded), reason: renewal.reason })}</dd>
      <dt>{t('cases.field.termRenewal')}</dt>
      <dd>
        {decided
          ? t(decided.granted ? 'cases.termRenewal.granted' : 'cases.termRenewal.refused', {
              on: f.date(decided.on),
              reasoning: decided.reasoning,
            })
          : t('cases.termRenewal.pending')}
      </dd>
    </>
  );
}

/** The decision taken: outcome, what it grants or rests on (the procedure's terms), its reasons, the appeal route and its PDF. */
function Decision({
  view,
  decision,
  decisionUrl,
}: {
  view: CaseView;
  decision: NonNullable<CaseView['decision']>;
  decisionUrl: string;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <>
      <h2>{t('cases.section.decision')}</h2>
      <dl className="summary-list">
        <dt>{t('cases.field.outcome')}</dt>
        <dd>{t(caseWordingKey('outcome', view.caseType, decision.outcome))}</dd>
        {decision.terms && <TermsRows subject={view.subject} outcome={decision.outcome} terms={decision.terms} />}
        <dt>{t('cases.field.decidedOn')}</dt>
        <dd>{f.date(decision.decidedOn)}</dd>
        <dt>{t('cases.field.legalBasis')}</dt>
        <dd>{f.citation(decision.legalBasis)}</dd>
        <dt>{t('cases.field.reasoning')}</dt>
        <dd>{decision.reasoning}</dd>
        <dt>{t('cases.field.inForce')}</dt>
        <dd>
          {t(`cases.inForce.${decision.notice}`, {
            sentOn: f.date(decision.decidedOn),
            inForceOn: f.date(decision.inForceOn),
          })}
        </dd>
        <dt>{t('cases.field.appeal')}</dt>
        <dd>{t('cases.appeal', { until: f.date(decision.appealUntil) })}</dd>
      </dl>
      <RuleTrace checks={decision.ruleTrace} />
      <p>
        <a className="button button--secondary" href={decisionUrl} download>
          {t('cases.decisionPdf')}
        </a>
      </p>
    </>
  );
}

/** A proposal's or decision's terms in words, by the procedure's plug-in; a procedure without terms shows none. */
function TermsRows({
  subject,
  outcome,
  terms,
}: {
  subject: CaseView['subject'];
  outcome: 'accept' | 'reject';
  terms: Record<string, unknown>;
}) {
  const plugin = decisionTermsOf(subject);
  return plugin ? <plugin.Rows subject={subject} outcome={outcome} terms={terms} /> : null;
}

/**
 * The authorities consulted (staff only): whom, what and when, and the answer or that it is awaited. An
 * objection is marked, and announced at the top while the decision is still to be taken, since it weighs on it.
 */
function Consultations({ consultations, decided }: { consultations: CaseView['consultations']; decided: boolean }) {
  const t = useT();
  const f = useFormat();
  const today = f.today();
  const objections = consultations.filter((c) => c.answer?.outcome === 'objection').length;
  return (
    <>
      <h2>{t('cases.section.consultations')}</h2>
      {objections > 0 && !decided && <Notice kind="warning">{t('cases.consultation.objectionNotice')}</Notice>}
      <ScrollTable label={t('cases.section.consultations')}>
        <table className="data">
          <caption className="visually-hidden">{t('cases.section.consultations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.consultation.authority')}</th>
              <th scope="col">{t('cases.consultation.question')}</th>
              <th scope="col">{t('cases.consultation.dates')}</th>
              <th scope="col">{t('staff.consultation.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {consultations.map((c) => (
              <tr key={c.consultationId}>
                <td>{t(`cases.authority.${c.authority}`)}</td>
                <td>{c.question}</td>
                <td>{t('cases.consultation.asked', { askedOn: f.date(c.askedOn), dueOn: f.date(c.dueOn) })}</td>
                <td>
                  <ConsultationTag consultation={c} overdue={!c.answer && c.dueOn < today} />
                  {c.answer && (
                    <>
                      {' '}
                      {t(c.answer.by ? 'cases.consultation.answeredBy' : 'cases.consultation.answered', {
                        on: f.date(c.answer.on),
                        by: c.answer.by ?? '',
                      })}
                      {c.answer.remarks && <>: {c.answer.remarks}</>}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

function ConsultationTag({
  consultation: c,
  overdue,
}: {
  consultation: CaseView['consultations'][number];
  overdue: boolean;
}) {
  const t = useT();
  if (!c.answer)
    return (
      <span className={`tag${overdue ? ' tag--danger' : ''}`}>
        {t(overdue ? 'cases.consultation.overdue' : 'cases.consultation.waiting')}
      </span>
    );
  return (
    <span className={`tag ${c.answer.outcome === 'objection' ? 'tag--danger' : 'tag--success'}`}>
      {t(`cases.consultation.outcome.${c.answer.outcome}`)}
    </span>
  );
}

function RuleTrace({
  checks,
}: {
  checks: CaseView['decision'] extends infer D ? (D extends { ruleTrace: infer R } ? R : never) : never;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <ScrollTable label={t('cases.ruleTrace')}>
      <table className="data">
        <caption>{t('cases.ruleTrace')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.rule.check')}</th>
            <th scope="col">{t('cases.rule.result')}</th>
            <th scope="col">{t('cases.rule.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((c, i) => (
            <tr key={`${c.rule}-${i}`}>
              <td>{SYSTEM_RULES.has(c.rule) ? t(`cases.rule.${c.rule}`) : c.rule}</td>
              <td>
                {c.rule === 'failed-checks-overridden' ? (
                  <span className="tag">{t('cases.rule.overridden')}</span>
                ) : c.passed ? (
                  t('cases.rule.passed')
                ) : (
                  <span className="tag tag--danger">{t('cases.rule.failed')}</span>
                )}
              </td>
              <td>
                {SYSTEM_RULES.has(c.rule) && c.params
                  ? t(`cases.ruleDetail.${c.rule}`, f.ruleParams(c.rule, c.params))
                  : c.detail}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** Registered persons who may be the applicant of an inclusion (staff only): the officer links the applicant to one of them rather than register the same person twice. */
function LikelyDuplicates({
  candidates,
}: {
  candidates: Extract<CaseView['subject'], { kind: 'inclusion' }>['candidates'];
}) {
  const t = useT();
  const f = useFormat();
  return (
    <>
      <h2>{t('cases.inclusion.candidates')}</h2>
      <Notice kind="warning">{t('cases.inclusion.candidatesHint')}</Notice>
      <ScrollTable label={t('cases.inclusion.candidates')}>
        <table className="data">
          <caption className="visually-hidden">{t('cases.inclusion.candidates')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('register.field.person')}</th>
              <th scope="col">{t('register.field.personalCode')}</th>
              <th scope="col">{t('register.field.birthDate')}</th>
              <th scope="col">{t('staff.search.score')}</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => (
              <tr key={c.personId}>
                <td>{c.name}</td>
                <td>{formatPersonalCode(c.personalCode)}</td>
                <td>{f.date(c.birthDate)}</td>
                <td>{Math.round(c.score * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

type DocumentApplication = Extract<CaseView['subject'], { kind: 'document-application' }>;

/**
 * Where the application's photo stands: accepted at the desk (taken there, or the one uploaded online), uploaded
 * online and waiting for the desk's check, or not given yet (taken at the visit).
 */
export function applicationPhoto(
  subject: Pick<DocumentApplication, 'photoDocumentId'>,
  documents: CaseView['documents'],
): { state: 'accepted' } | { state: 'uploaded'; uploadedAt: string } | { state: 'missing' } {
  if (subject.photoDocumentId) return { state: 'accepted' };
  const uploaded = documents.find((d) => d.kind === 'photo');
  return uploaded ? { state: 'uploaded', uploadedAt: uploaded.uploadedAt } : { state: 'missing' };
}

/** A document application's subject, the case's documents, and who reads the page. */
type ApplicationProps = { subject: DocumentApplication; documents: CaseView['documents']; audience: CaseAudience };

/** The photo's state in words: the resident reads that the desk will check an uploaded photo, the officer that they check it. */
function PhotoState({ subject, documents, audience }: ApplicationProps) {
  const t = useT();
  const f = useFormat();
  const photo = applicationPhoto(subject, documents);
  if (photo.state === 'accepted') return t('documents.application.photoDone');
  if (photo.state === 'missing') return t('documents.application.photoPending');
  const key =
    audience === 'staff' ? 'staff.documents.application.photoUploaded' : 'documents.application.photoUploaded';
  return t(key, { date: f.day(photo.uploadedAt) });
}

/** What a document application is about and how far it has come: fee and payment, identity check, photo, production, hand-over. */
function DocumentApplicationRows({ subject: s, documents, audience }: ApplicationProps) {
  const t = useT();
  const f = useFormat();
  const branchName = useBranchName();
  return (
    <>
      <dt>{t('cases.field.applicant')}</dt>
      <dd>
        {s.personName}, {formatPersonalCode(s.personalCode)}
      </dd>
      <dt>{t('documents.application.documentType')}</dt>
      <dd>{t(`documents.type.${s.documentType}`)}</dd>
      <dt>{t('documents.application.tier')}</dt>
      <dd>{t(`documents.tier.${s.tier}`)}</dd>
      <dt>{t('documents.application.fee')}</dt>
      <dd>
        {t('documents.application.feeAmount', { amount: f.money(s.fee.amountCents) })}
        {s.fee.reducedFor && (
          <> ({t('documents.application.reducedFor', { ground: s.fee.reducedFor.replaceAll('-', '') })})</>
        )}
      </dd>
      <dt>{t('documents.application.payment')}</dt>
      <dd>
        {s.payment
          ? t('documents.application.paid', {
              date: f.date(s.payment.paidOn),
              method: s.payment.method,
              reference: s.payment.reference,
            })
          : t('documents.application.unpaid')}
        {/* A move to other rules changed the fee after it was paid: the rest is owed, or the excess refunded. */}
        {s.payment &&
          s.payment.amountCents !== s.fee.amountCents &&
          ` ${t(s.payment.amountCents < s.fee.amountCents ? 'documents.application.paidPart' : 'documents.application.paidOver', { paid: f.money(s.payment.amountCents) })}`}
      </dd>
      <dt>{t('documents.application.identity')}</dt>
      <dd>
        {s.identityCheck
          ? t('documents.application.identityDone', {
              date: f.date(s.identityCheck.on),
              method: s.identityCheck.method.replaceAll('-', ''),
              number: s.identityCheck.documentNumber ?? '',
            })
          : t('documents.application.identityPending')}
      </dd>
      <dt>{t('documents.application.photo')}</dt>
      <dd>
        <PhotoState subject={s} documents={documents} audience={audience} />
      </dd>
      <dt>{t('documents.application.pickup')}</dt>
      <dd>{branchName(s.pickupBranchName, s.pickupBranchId)}</dd>
      {s.readyOn && (
        <>
          <dt>{t('documents.application.readyOn')}</dt>
          <dd>{f.date(s.readyOn)}</dd>
        </>
      )}
      {s.production && (
        <>
          <dt>{t('documents.application.production')}</dt>
          <dd>
            {t(
              s.production.confirmed
                ? 'documents.application.productionDone'
                : 'documents.application.productionOrdered',
              { number: s.production.documentNumber },
            )}
          </dd>
        </>
      )}
      {s.issued && (
        <>
          <dt>{t('documents.field.status')}</dt>
          <dd>{t('documents.application.issued', { date: f.date(s.issued.on), number: s.issued.documentNumber })}</dd>
        </>
      )}
    </>
  );
}
