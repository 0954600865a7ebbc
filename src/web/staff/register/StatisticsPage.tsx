/** Persons by municipality × legal status on any date (no personal data): a table a manager can read and copy. */
import { useQuery } from '@tanstack/react-query';
import { populationStatistics } from '../../../shared/contracts/register.contract.ts';
import { LEGAL_STATUSES } from '../../../shared/kernel/legal-status.ts';
import { MUNICIPALITIES } from '../../../shared/kernel/municipalities.ts';
import { callApi } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { useFormat } from '../../ui/format.ts';
import { Form } from '../../ui/form/Form.tsx';
import { DateInput } from '../../ui/form/fields.tsx';
import { useFilterForm } from '../../ui/form/useFilterForm.ts';
import { ScrollTable } from '../../ui/Table.tsx';

export function StatisticsPage() {
  const t = useT();
  const { locale } = useLocale();
  const f = useFormat();
  // No date: today's figures (the endpoint's own default).
  const filter = useFilterForm(populationStatistics.query, {
    defaultValues: {},
    labels: { date: t('staff.statistics.date') },
  });
  const date = filter.query?.date;
  const stats = useQuery({
    queryKey: ['population', date],
    queryFn: () => callApi(populationStatistics, { query: { date } }),
  });
  const number = new Intl.NumberFormat(locale);
  const rows = [
    ...MUNICIPALITIES.map((m) => ({ code: m.code as string | null, name: m.name })),
    { code: null, name: t('staff.statistics.abroadOrUnknown') },
  ];
  const count = (code: string | null, status: string) =>
    stats.data?.rows.find((r) => r.municipalityCode === code && r.legalStatus === status)?.persons ?? 0;
  return (
    <>
      <PageTitle>{t('staff.statistics.title')}</PageTitle>
      <Form form={filter.form} onSubmit={filter.apply} filter>
        <DateInput name="date" />
      </Form>
      {stats.data && (
        <ScrollTable>
          <table className="data">
            <caption>
              {t('staff.statistics.title')} · {f.date(stats.data.date)} · {t('staff.statistics.total')}:{' '}
              {number.format(stats.data.total)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('register.field.municipality')}</th>
                {LEGAL_STATUSES.map((s) => (
                  <th scope="col" key={s}>
                    {t(`legalStatus.${s}`)}
                  </th>
                ))}
                <th scope="col">{t('staff.statistics.total')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code ?? 'none'}>
                  <th scope="row">{r.name}</th>
                  {LEGAL_STATUSES.map((s) => (
                    <td key={s}>{number.format(count(r.code, s))}</td>
                  ))}
                  <td>{number.format(LEGAL_STATUSES.reduce((n, s) => n + count(r.code, s), 0))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
