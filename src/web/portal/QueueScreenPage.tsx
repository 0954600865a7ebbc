/** The waiting-room screen of a branch: the number called last and how many wait. Public; it refreshes itself. */
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { branchQueue, listBranchOffers } from '../../shared/contracts/appointments.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { SelectField } from '../ui/fields.tsx';

export function QueueScreenPage() {
  const t = useT();
  const { locale } = useLocale();
  const [search, setSearch] = useSearchParams();
  const offers = useQuery({ queryKey: ['branch-offers'], queryFn: () => callApi(listBranchOffers) });
  const branchId = search.get('branch') ?? offers.data?.branches[0]?.id ?? '';
  const queue = useQuery({ queryKey: ['queue', branchId], queryFn: () => callApi(branchQueue, { params: { branchId } }), enabled: Boolean(branchId), refetchInterval: 5000 });
  const branch = offers.data?.branches.find((b) => b.id === branchId);
  return (
    <>
      <PageTitle>{t('appointments.screen.title')}</PageTitle>
      <SelectField id="branch" label={t('appointments.field.branch')} value={branchId} onChange={(e) => setSearch({ branch: e.target.value })}>
        {offers.data?.branches.map((b) => <option key={b.id} value={b.id}>{locale === 'en' ? b.nameEn : b.nameLv}</option>)}
      </SelectField>
      {branch && queue.data && (
        <section aria-live="polite" aria-label={locale === 'en' ? branch.nameEn : branch.nameLv}>
          {/* Before the first call the screen says so in words (a lone dash drew as a big black bar). */}
          {queue.data.lastCalled === null ? <p className="lead">{t('appointments.screen.nobodyCalled')}</p> : (
            <>
              <p>{t('appointments.desk.lastCalled')}</p>
              <p className="queue-number queue-number--screen">{queue.data.lastCalled}</p>
            </>
          )}
          <p>{t('appointments.screen.waiting', { count: queue.data.waiting })}</p>
        </section>
      )}
    </>
  );
}
