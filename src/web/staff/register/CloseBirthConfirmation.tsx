/**
 * The officer's confirmation of a birth close to a sibling's (issue 24): the register refuses a birth to a
 * mother with another child born more than a day and less than 180 days apart (`register.births-too-close`);
 * the birth form then shows this fieldset, and the birth is recorded once the officer ticks it and says why
 * the dates are right. Most births never see it.
 */
import { z } from 'zod';
import { CloseBirthConfirmation } from '../../../shared/contracts/register.contract.ts';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { Checkbox, TextInput } from '../../ui/form/fields.tsx';

/** The form's value: the contract's confirmation when the box is ticked, nothing (no field sent) when it is not. */
export const closeBirthConfirmation = z.preprocess(
  (v) => (v && typeof v === 'object' && 'confirmed' in v && v.confirmed === true ? v : undefined),
  CloseBirthConfirmation.optional(),
);
export const NO_CLOSE_BIRTH_CONFIRMATION = { confirmed: false, reason: '' };

/** True when the server refused the birth as too close to a sibling's (the fieldset is then shown). */
export const isBirthsTooClose = (error: unknown): boolean =>
  error instanceof ApiError && error.rule === 'register.births-too-close';

export function useCloseBirthLabels(): Record<string, string> {
  const t = useT();
  return {
    'closeBirthConfirmation.confirmed': t('staff.registration.closeBirthConfirmed'),
    'closeBirthConfirmation.reason': t('staff.registration.closeBirthReason'),
  };
}

export function CloseBirthFields() {
  const t = useT();
  return (
    <fieldset className="fieldset">
      <legend>{t('staff.registration.closeBirth')}</legend>
      <p className="hint">{t('staff.registration.closeBirthHint')}</p>
      <Checkbox name="closeBirthConfirmation.confirmed" />
      <TextInput name="closeBirthConfirmation.reason" autoComplete="off" />
    </fieldset>
  );
}
