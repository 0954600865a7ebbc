/**
 * A procedure's own actions on the staff case page, beside the case engine's (which come from the case's
 * `availableActions`): acts on what the decision produced rather than on the case, each behind its own
 * permission. The page asks for them by the case's subject; a kind without an entry adds nothing.
 */
import type { ReactNode } from 'react';
import type { CaseView } from '../../shared/contracts/cases.contract.ts';
import type { Permission } from '../../shared/kernel/permissions.ts';
import { EndVisaPanel } from './migration/EndVisaPanel.tsx';
import { CancelPermitPanel } from './migration/CancelPermitPanel.tsx';
import { PermitCardPanel } from './migration/PermitCardPanel.tsx';
import { hasCard } from '../../shared/kernel/permit-grounds.ts';

export interface ProcedureActionContext {
  view: CaseView;
  /** The signed-in staff member's permissions (the case view does not say who may act outside the case). */
  can: (permission: Permission) => boolean;
  /** Reads the case again after an act that changed what it shows. */
  refresh: () => void;
}

/** The panels of the procedure's own actions open to this staff member now, in the order of the work. */
export function procedureActions({ view, can, refresh }: ProcedureActionContext): ReactNode[] {
  const s = view.subject;
  // An issued visa is annulled or revoked by a decision-maker; once ended, the panel links to the form.
  if (s.kind === 'visa' && s.visa && can('migration:end-visa'))
    return [<EndVisaPanel key={`end-${s.visa.visaNumber}`} visa={s.visa} onEnded={refresh} />];
  if (s.kind === 'residence-permit' && s.permit) {
    const panels: ReactNode[] = [];
    // A granted permit's card is made as a document: the way to it is the holder's register card.
    if (s.permit.status === 'valid' && hasCard(s.permit.kind) && s.personId && can('register:read'))
      panels.push(<PermitCardPanel key="card" personId={s.personId} />);
    // A valid permit is cancelled by a decision-maker; once cancelled, the panel only says so (and takes focus right after the act).
    if (can('migration:cancel-permit'))
      panels.push(
        <CancelPermitPanel
          key={`cancel-${s.permit.permitNumber}`}
          permit={s.permit}
          holderName={s.personName}
          onCancelled={refresh}
        />,
      );
    return panels;
  }
  return [];
}
