/**
 * The calculator's fields that are more than one input: the list of stays (rows added and removed, each
 * stay's entry and exit side by side on a wide screen, one under the other on a phone) and the visa.
 */
import { useRef } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { VISA_ENTRIES } from '../../../shared/kernel/short-stay.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { DateInput, Select, TextInput } from '../../ui/form/fields.tsx';
import { MAX_STAYS } from './stay-calculator.ts';

export function StayRows() {
  const t = useT();
  const { control } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name: 'stays' });
  const addRef = useRef<HTMLButtonElement>(null);
  /** Removing a row would leave focus on nothing: it goes to the button that adds one. */
  const removeRow = (i: number) => {
    remove(i);
    addRef.current?.focus();
  };
  return (
    <fieldset className="fieldset">
      <legend>{t('staff.stay.stays')}</legend>
      <p className="hint">{t('staff.stay.staysHint')}</p>
      {fields.map((row, i) => (
        <fieldset key={row.id} className="fieldset">
          <legend>{t('staff.stay.stay', { n: i + 1 })}</legend>
          <div className="inline-form">
            <DateInput name={`stays.${i}.entry`} label={t('staff.stay.entry')} />
            <DateInput name={`stays.${i}.exit`} label={t('staff.stay.exit')} hint={t('staff.stay.exitHint')} />
            <button type="button" className="button button--secondary" onClick={() => removeRow(i)}>
              {t('staff.stay.remove')}
              <span className="visually-hidden"> {t('staff.stay.stay', { n: i + 1 })}</span>
            </button>
          </div>
        </fieldset>
      ))}
      {fields.length < MAX_STAYS && (
        <button
          type="button"
          ref={addRef}
          className="button button--secondary"
          onClick={() => append({ entry: '', exit: '' })}
        >
          {t('staff.stay.add')}
        </button>
      )}
    </fieldset>
  );
}

/** The short-stay visa the person holds: it limits a stay by its validity, entries and days of stay. */
export function VisaFieldset() {
  const t = useT();
  return (
    <fieldset className="fieldset">
      <legend>{t('staff.stay.visa')}</legend>
      <div className="inline-form">
        <DateInput name="visa.validFrom" />
        <DateInput name="visa.validUntil" />
      </div>
      <div className="inline-form">
        <TextInput name="visa.durationOfStay" inputMode="numeric" className="input--short" />
        <Select name="visa.entries">
          {VISA_ENTRIES.map((e) => (
            <option key={e} value={e}>
              {t(`visas.entries.${e}`)}
            </option>
          ))}
        </Select>
      </div>
    </fieldset>
  );
}
