/** A municipality officer's list of residence declarations at addresses in their municipality. */
import { useQuery } from '@tanstack/react-query';
import { listMunicipalityDeclarations } from '../../../shared/contracts/register.contract.ts';
import { findMunicipality } from '../../../shared/kernel/municipalities.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { useFormat } from '../../ui/format.ts';
import { ScrollTable } from '../../ui/Table.tsx';

export function DeclarationsPage() {
  const t = useT();
  const f = useFormat();
  const list = useQuery({ queryKey: ['declarations'], queryFn: () => callApi(listMunicipalityDeclarations) });
  return (
    <>
      <PageTitle>{t('staff.declarations.title')}</PageTitle>
      {list.data && <p className="lead">{findMunicipality(list.data.municipalityCode)?.name}</p>}
      {list.data &&
        (list.data.declarations.length === 0 ? (
          <p>{t('staff.declarations.none')}</p>
        ) : (
          <ScrollTable>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('register.field.person')}</th>
                  <th scope="col">{t('register.field.personalCode')}</th>
                  <th scope="col">{t('register.field.residence')}</th>
                  <th scope="col">{t('declaration.validFrom')}</th>
                  <th scope="col">{t('pdf.declaration.declarant')}</th>
                  <th scope="col">{t('staff.declarations.declaredAt')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.declarations.map((d) => (
                  <tr key={d.id}>
                    <td>
                      {d.givenNames} {d.surname}
                    </td>
                    <td>{formatPersonalCode(d.personalCode)}</td>
                    <td>{d.addressLine}</td>
                    <td>{f.date(d.validFrom)}</td>
                    <td>{t(`declarant.${d.declarantRole}`)}</td>
                    <td>{f.dateTime(d.declaredAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        ))}
    </>
  );
}
