/** Address inputs shared by the portal declaration and the desk forms: Latvia (43 municipalities) or abroad (a country). */
import { useQuery } from '@tanstack/react-query';
import { MUNICIPALITIES, type MUNICIPALITY_CODES } from '../../shared/kernel/municipalities.ts';

type MunicipalityCode = (typeof MUNICIPALITY_CODES)[number];
import { listCountries, type AddressInputBody } from '../../shared/contracts/register.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { TextField } from './forms.tsx';
import { RadioGroup, SelectField } from './fields.tsx';

export interface AddressDraft {
  kind: 'latvia' | 'abroad';
  municipalityCode: string;
  settlement: string;
  street: string;
  building: string;
  flat: string;
  postcode: string;
  country: string;
  addressLine: string;
}

export const EMPTY_ADDRESS: AddressDraft = { kind: 'latvia', municipalityCode: '', settlement: '', street: '', building: '', flat: '', postcode: '', country: '', addressLine: '' };

/** The contract's shape; empty optional fields are left out. */
export function toAddressInput(a: AddressDraft): AddressInputBody {
  if (a.kind === 'abroad') return { kind: 'abroad', country: a.country, addressLine: a.addressLine };
  return {
    kind: 'latvia', municipalityCode: a.municipalityCode as MunicipalityCode, street: a.street, building: a.building, postcode: a.postcode,
    ...(a.settlement ? { settlement: a.settlement } : {}), ...(a.flat ? { flat: a.flat } : {}),
  };
}

/** Fields a person left empty, by id (for the error summary). */
export function missingAddressFields(a: AddressDraft, prefix: string): string[] {
  const required = a.kind === 'abroad' ? (['country', 'addressLine'] as const) : (['municipalityCode', 'street', 'building', 'postcode'] as const);
  return required.filter((f) => !a[f].trim()).map((f) => `${prefix}-${f}`);
}

export function AddressFields({ prefix, value, onChange, errors }: { prefix: string; value: AddressDraft; onChange: (a: AddressDraft) => void; errors: Record<string, string> }) {
  const t = useT();
  const { locale } = useLocale();
  const countries = useQuery({ queryKey: ['countries'], queryFn: () => callApi(listCountries), staleTime: Infinity, enabled: value.kind === 'abroad' });
  const set = (field: keyof AddressDraft) => (e: { target: { value: string } }) => onChange({ ...value, [field]: e.target.value });
  const id = (field: string) => `${prefix}-${field}`;
  return (
    <>
      <RadioGroup name={id('kind')} legend={t('address.kind')} value={value.kind} onChange={(kind) => onChange({ ...value, kind: kind as AddressDraft['kind'] })}
        options={[{ value: 'latvia', label: t('address.kind.latvia') }, { value: 'abroad', label: t('address.kind.abroad') }]} />
      {value.kind === 'latvia' ? (
        <>
          <SelectField id={id('municipalityCode')} label={t('address.municipality')} value={value.municipalityCode} onChange={set('municipalityCode')} error={errors[id('municipalityCode')]}>
            <option value="">{t('address.chooseMunicipality')}</option>
            {MUNICIPALITIES.map((m) => <option key={m.code} value={m.code}>{m.name}</option>)}
          </SelectField>
          <TextField id={id('settlement')} label={t('address.settlement')} value={value.settlement} onChange={set('settlement')} />
          <TextField id={id('street')} label={t('address.street')} value={value.street} onChange={set('street')} error={errors[id('street')]} autoComplete="address-line1" />
          <TextField id={id('building')} label={t('address.building')} value={value.building} onChange={set('building')} error={errors[id('building')]} />
          <TextField id={id('flat')} label={t('address.flat')} value={value.flat} onChange={set('flat')} />
          <TextField id={id('postcode')} label={t('address.postcode')} hint={t('address.postcodeHint')} value={value.postcode} onChange={set('postcode')} error={errors[id('postcode')]} autoComplete="postal-code" />
        </>
      ) : (
        <>
          <SelectField id={id('country')} label={t('address.country')} value={value.country} onChange={set('country')} error={errors[id('country')]}>
            <option value="">{t('address.chooseCountry')}</option>
            {(countries.data?.countries ?? []).filter((c) => c.code !== 'LVA').map((c) => <option key={c.code} value={c.code}>{locale === 'lv' ? c.lv : c.en}</option>)}
          </SelectField>
          <TextField id={id('addressLine')} label={t('address.addressLine')} value={value.addressLine} onChange={set('addressLine')} error={errors[id('addressLine')]} />
        </>
      )}
    </>
  );
}
