/**
 * The fields every migration application asks the same way: a titled group, the applicant as their travel
 * document names them, and the travel document itself. The visa's and the residence forms both use them.
 */
import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useFormat } from '../../ui/format.ts';
import { CountrySelect } from '../../ui/form/CountrySelect.tsx';
import { DateInput, TextInput } from '../../ui/form/fields.tsx';
import { SexSelect } from '../../ui/form/SexSelect.tsx';

/** Who fills a migration form in: an officer at the desk (the text speaks of "the applicant"), or the applicant online ("you"). */
export type FormChannel = 'desk' | 'portal';

/** A group of fields under a heading a screen reader reads with each field. */
export function Group({ title, hint, children }: { title: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="fieldset">
      <legend>
        <h2>{title}</h2>
      </legend>
      {hint && <p className="hint">{hint}</p>}
      {children}
    </fieldset>
  );
}

/** The applicant as the travel document names them; a residence application also asks the country of birth (the register records it). */
export function TravellerFieldset({ birthCountry = false }: { birthCountry?: boolean }) {
  const t = useT();
  const f = useFormat();
  return (
    <Group title={t('visas.form.applicant')} hint={t('visas.form.applicantHint')}>
      <TextInput name="givenNames" autoComplete="off" />
      <TextInput name="surname" autoComplete="off" />
      <SexSelect />
      <DateInput name="birthDate" max={f.today()} />
      {birthCountry && <CountrySelect name="birthCountry" />}
      <CountrySelect name="nationality" />
    </Group>
  );
}

/** The travel document: its number, issuing country and last day (the hint says how long it must still be valid). */
export function TravelDocumentFieldset({ validUntilHint }: { validUntilHint: string }) {
  const t = useT();
  const f = useFormat();
  return (
    <Group title={t('visas.field.travelDocument')}>
      <TextInput
        name="travelDocument.number"
        className="input--short"
        autoComplete="off"
        spellCheck={false}
        hint={t('visas.form.documentNumberHint')}
      />
      <CountrySelect name="travelDocument.country" />
      <DateInput name="travelDocument.validUntil" min={f.today()} hint={validUntilHint} />
    </Group>
  );
}
