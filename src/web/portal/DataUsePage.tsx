import { useInfiniteQuery } from '@tanstack/react-query';
import { listMyDataUse } from '../../shared/contracts/audit.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { DataUseTable } from '../ui/DataUseTable.tsx';

export function DataUsePage() {
  const t = useT();
  // Refetched on focus and every 5 s, so an access shows here within seconds of happening.
  const pages = useInfiniteQuery({
    queryKey: ['my-data-use'],
    queryFn: ({ pageParam }) => callApi(listMyDataUse, { query: { limit: 50, before: pageParam } }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore,
    refetchInterval: 5000,
  });
  const entries = pages.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <>
      <PageTitle>{t('portal.dataUse.title')}</PageTitle>
      <p className="lead">{t('portal.dataUse.intro')}</p>
      {pages.isPending ? (
        <p>{t('common.loading')}</p>
      ) : entries.length ? (
        <DataUseTable entries={entries} />
      ) : (
        <p>{t('portal.dataUse.none')}</p>
      )}
      {pages.hasNextPage && (
        <button type="button" className="button button--secondary" onClick={() => void pages.fetchNextPage()}>
          {t('portal.dataUse.more')}
        </button>
      )}
    </>
  );
}
