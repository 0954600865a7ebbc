/**
 * When an administrative decision takes effect and until when it may be contested, as the law counts it.
 *
 * - A decision takes effect when it is notified to its addressee (Administrative Procedure Law, Section 70(1)).
 * - It may be contested within one month from the day it took effect (APL Section 79(1)). A term in months ends
 *   on the same date of the last month (that month's last day when it has no such date), moved to the next
 *   working day when that is a rest day or holiday (APL Sections 41–43; the move is DOMAIN.md §4.1's
 *   UNCONFIRMED wording, the same rule as EU Reg. 1182/71 Art. 3(4)).
 * - When a notice counts as received (Notification Law):
 *   - sent electronically (to the person's account in the portal, or to an e-mail address they gave): on the
 *     second working day after sending, Section 9 (https://pip.riga.lv/e-adrese/ quotes it for the official
 *     e-address);
 *   - sent by registered post: on the seventh day after posting, Section 8(3)
 *     (http://www.lvportals.lv/print_ekons.php?id=11425).
 *
 * PMLP's service cards paraphrase the appeal term as "30 days after the decision takes effect"; the law says one
 * month, and the law is what this follows (decision 0028). Pure: pages, PDFs and messages all read this one
 * function, so the last day a resident sees on the portal is the one printed on their decision.
 */
import { addDays, type PlainDate } from './plain-date.ts';
import { addWorkingDays, monthsDeadline } from './working-days.ts';

/** How the office sends a decision: the applicant's account or e-mail, or registered post. */
export const NOTICE_METHODS = ['electronic', 'post'] as const;
export type NoticeMethod = (typeof NOTICE_METHODS)[number];

/** The appeal term, in months from the decision taking effect (APL Section 79(1)). */
export const APPEAL_TERM_MONTHS = 1;
/** Working days after sending on which an electronic notice counts as received (Notification Law, Section 9). */
export const ELECTRONIC_NOTICE_WORKING_DAYS = 2;
/** Days after posting on which a notice by registered post counts as received (Notification Law, Section 8(3)). */
export const POSTED_NOTICE_DAYS = 7;

export interface AppealTerm {
  method: NoticeMethod;
  /** The day the office sent the decision (the day it was made). */
  sentOn: PlainDate;
  /** The day the notice counts as received, whether or not it was read. */
  notifiedOn: PlainDate;
  /** The day the decision takes effect: the day it is notified. */
  inForceOn: PlainDate;
  /** The last day to contest it. */
  lastDay: PlainDate;
}

/** The day a notice sent on `sentOn` counts as received. */
export function deemedNotifiedOn(sentOn: PlainDate, method: NoticeMethod): PlainDate {
  return method === 'electronic'
    ? addWorkingDays(sentOn, ELECTRONIC_NOTICE_WORKING_DAYS)
    : addDays(sentOn, POSTED_NOTICE_DAYS);
}

/** The appeal term of a decision sent on `sentOn` by `method`. */
export function appealTerm(sentOn: PlainDate, method: NoticeMethod): AppealTerm {
  const notifiedOn = deemedNotifiedOn(sentOn, method);
  return {
    method,
    sentOn,
    notifiedOn,
    inForceOn: notifiedOn,
    lastDay: monthsDeadline(notifiedOn, APPEAL_TERM_MONTHS),
  };
}
