/** The waiting-room screen of a branch: the number called last and how many wait. Public; it refreshes itself. */
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { branchQueue, listBranchOffers, type BranchOffer } from '../../shared/contracts/appointments.contract.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { useProblemText } from '../ui/errors.ts';
import { Form } from '../ui/form/Form.tsx';
import { Select } from '../ui/form/fields.tsx';
import { useFilterForm } from '../ui/form/useFilterForm.ts';

type Branch = z.infer<typeof BranchOffer>;

export function QueueScreenPage() {
  const t = useT();
  const problemText = useProblemText();
  const [search, setSearch] = useSearchParams();
  const offers = useQuery({ queryKey: ['branch-offers'], queryFn: () => callApi(listBranchOffers) });
  const branches = offers.data?.branches;
  const branchId = search.get('branch') ?? branches?.[0]?.id ?? '';
  return (
    <>
      <PageTitle>{t('appointments.screen.title')}</PageTitle>
      {/* The choice waits for the branches, so it starts at the branch the screen shows. */}
      {branches ? (
        <BranchChoice branches={branches} branchId={branchId} onChoose={(id) => setSearch({ branch: id })} />
      ) : (
        <p>{offers.isError ? problemText(offers.error) : t('common.loading')}</p>
      )}
      {branches && <QueueNumbers branch={branches.find((b) => b.id === branchId)} />}
    </>
  );
}

/** The branch whose queue is shown: the public queue's own parameter, kept in the address so a screen can be bookmarked. */
function BranchChoice({
  branches,
  branchId,
  onChoose,
}: {
  branches: readonly Branch[];
  branchId: string;
  onChoose: (branchId: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const filter = useFilterForm(branchQueue.params, {
    defaultValues: { branchId },
    labels: { branchId: t('appointments.field.branch') },
    onApply: (v) => onChoose(v.branchId),
  });
  return (
    <Form form={filter.form} onSubmit={(v) => onChoose(v.branchId)} filter>
      <Select name="branchId">
        {branches.map((b) => (
          <option key={b.id} value={b.id}>
            {locale === 'en' ? b.nameEn : b.nameLv}
          </option>
        ))}
      </Select>
    </Form>
  );
}

function QueueNumbers({ branch }: { branch: Branch | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  const queue = useQuery({
    queryKey: ['queue', branch?.id],
    queryFn: () => callApi(branchQueue, { params: { branchId: branch?.id ?? '' } }),
    enabled: Boolean(branch),
    refetchInterval: 5000,
  });
  if (!branch || !queue.data) return null;
  return (
    <section aria-live="polite" aria-label={locale === 'en' ? branch.nameEn : branch.nameLv}>
      {/* Before the first call the screen says so in words (a lone dash drew as a big black bar). */}
      {queue.data.lastCalled === null ? (
        <p className="lead">{t('appointments.screen.nobodyCalled')}</p>
      ) : (
        <>
          <p>{t('appointments.desk.lastCalled')}</p>
          <p className="queue-number queue-number--screen">{queue.data.lastCalled}</p>
        </>
      )}
      <p>{t('appointments.screen.waiting', { count: queue.data.waiting })}</p>
    </section>
  );
}
