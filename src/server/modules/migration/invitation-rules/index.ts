/**
 * The invitation's rules by version (issue 25). A fee change is a new file beside this one, added at the end of the
 * list; an invitation is stamped with the version in force on its day, and a move re-quotes the fee for the same invitee.
 */
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import { type RuleBook, type RuleMoveEffect } from '../../cases/index.ts';
import { ageOn } from '../visa.rules.ts';
import { INVITATION_2017, type InvitationRuleVersion } from './2017-09-12.ts';

export type { InvitationRuleVersion } from './2017-09-12.ts';

/** The fee of one invitation under a version: the request and the invitee (a child under 6 on the day of lodging pays less). */
export function invitationFeeUnder(
  rules: InvitationRuleVersion,
  inviteeBirthDate: PlainDate,
  lodgedOn: PlainDate,
): { amountCents: number; tableFrom: string } {
  const person = ageOn(inviteeBirthDate, lodgedOn) < 6 ? rules.fee.perChildUnder6Cents : rules.fee.perPersonCents;
  return { amountCents: rules.fee.perRequestCents + person, tableFrom: rules.validFrom };
}

function invitationMove(
  subject: Record<string, unknown>,
  _from: InvitationRuleVersion,
  to: InvitationRuleVersion,
  lodgedOn: PlainDate,
): RuleMoveEffect {
  const before = subject['fee'] as { amountCents: number };
  const invitee = subject['invitee'] as { birthDate: PlainDate };
  const fee = invitationFeeUnder(to, invitee.birthDate, lodgedOn);
  return {
    subject: { ...subject, fee },
    fee: { beforeCents: before.amountCents, afterCents: fee.amountCents },
    newDocuments: [],
  };
}

export const INVITATION_RULES: RuleBook<InvitationRuleVersion> = {
  versions: [INVITATION_2017],
  moveEffect: invitationMove,
};
