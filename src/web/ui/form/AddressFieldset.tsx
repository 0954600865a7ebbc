/**
 * An address in a contract form (the contract's AddressInput at `prefix`): in Latvia (one of the 43
 * municipalities) or abroad (a country). Only the chosen kind's fields are registered, so the other kind's
 * leftovers are never sent.
 */
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { MUNICIPALITIES } from '../../../shared/kernel/municipalities.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { CountrySelect } from './CountrySelect.tsx';
import { Radios, Select, TextInput } from './fields.tsx';

/** The labels of an address's fields, for the form's label map (`{ ...addressLabels(t, 'address') }`). */
export function addressLabels(t: (id: string) => string, prefix: string): Record<string, string> {
  const labels: Record<string, string> = {
    kind: t('address.kind'),
    municipalityCode: t('address.municipality'),
    settlement: t('address.settlement'),
    street: t('address.street'),
    building: t('address.building'),
    flat: t('address.flat'),
    postcode: t('address.postcode'),
    country: t('address.country'),
    addressLine: t('address.addressLine'),
  };
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}.${k}`, v]));
}

/** An empty address in Latvia, for a form's defaults (the abroad fields appear when that kind is chosen). */
export const EMPTY_ADDRESS_VALUES = {
  kind: 'latvia' as const,
  municipalityCode: '',
  settlement: '',
  street: '',
  building: '',
  flat: '',
  postcode: '',
};

const LATVIA_FIELDS = ['municipalityCode', 'settlement', 'street', 'building', 'flat', 'postcode'] as const;
const ABROAD_FIELDS = ['country', 'addressLine'] as const;

export function AddressFieldset({ prefix }: { prefix: string }) {
  const t = useT();
  const kind = useWatch({ name: `${prefix}.kind` }) as string | undefined;
  const { unregister } = useFormContext();
  // The contract takes one kind of address with only its own fields: drop the other kind's (also their defaults).
  useEffect(() => {
    const other = kind === 'abroad' ? LATVIA_FIELDS : ABROAD_FIELDS;
    unregister(other.map((f) => `${prefix}.${f}`));
  }, [kind, prefix, unregister]);
  const name = (field: string) => `${prefix}.${field}`;
  return (
    <>
      <Radios
        name={name('kind')}
        options={[
          { value: 'latvia', label: t('address.kind.latvia') },
          { value: 'abroad', label: t('address.kind.abroad') },
        ]}
      />
      {kind === 'abroad' ? (
        <>
          <CountrySelect name={name('country')} exclude={['LVA']} />
          <TextInput name={name('addressLine')} autoComplete="street-address" />
        </>
      ) : (
        <>
          <Select name={name('municipalityCode')}>
            <option value="">{t('address.chooseMunicipality')}</option>
            {MUNICIPALITIES.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </Select>
          <TextInput name={name('settlement')} />
          <TextInput name={name('street')} autoComplete="address-line1" />
          <TextInput name={name('building')} className="input--short" />
          <TextInput name={name('flat')} className="input--short" />
          <TextInput
            name={name('postcode')}
            hint={t('address.postcodeHint')}
            autoComplete="postal-code"
            className="input--short"
          />
        </>
      )}
    </>
  );
}
