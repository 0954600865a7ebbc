/** Staff accounts: who works here, in which roles and branch; unlocking a locked account and opening a new one. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  createStaffAccount,
  CreateStaffAccountRequest,
  listBranches,
  listStaffAccounts,
  unlockStaffAccount,
} from '../../shared/contracts/identity.contract.ts';
import { ROLES } from '../../shared/kernel/permissions.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle, useRevealOnOpen } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useProblemText } from '../ui/errors.ts';
import { Form } from '../ui/form/Form.tsx';
import { Checkboxes, Select, SubmitButton, TextInput } from '../ui/form/fields.tsx';
import { useContractForm } from '../ui/form/useContractForm.ts';
import { useFormat } from '../ui/format.ts';
import { ScrollTable } from '../ui/Table.tsx';

type Translate = ReturnType<typeof useT>;
type Branches = z.output<typeof listBranches.response>['branches'];
type Accounts = z.output<typeof listStaffAccounts.response>['accounts'];

/** The page's names of the account's fields: the table's headings and the create form's labels. */
const accountLabels = (t: Translate) => ({
  username: t('staff.accounts.username'),
  displayName: t('staff.accounts.name'),
  email: t('staff.accounts.email'),
  roles: t('staff.accounts.roles'),
  branchId: t('staff.accounts.branch'),
  initialPassword: t('staff.accounts.initialPassword'),
});

export function AccountsPage({ canManage }: { canManage: boolean }) {
  const t = useT();
  const problemText = useProblemText();
  const accounts = useQuery({ queryKey: ['staff-accounts'], queryFn: () => callApi(listStaffAccounts) });
  const branches = useQuery({ queryKey: ['branches'], queryFn: () => callApi(listBranches), enabled: canManage });
  return (
    <>
      <PageTitle>{t('staff.accounts.title')}</PageTitle>
      {accounts.data ? (
        <AccountsTable accounts={accounts.data.accounts} canManage={canManage} />
      ) : (
        <p>{accounts.isError ? problemText(accounts.error) : t('common.loading')}</p>
      )}
      {canManage && (
        <section aria-labelledby="create-title">
          <h2 id="create-title">{t('staff.accounts.create')}</h2>
          {branches.data ? (
            <CreateAccountForm branches={branches.data.branches} />
          ) : (
            <p>{branches.isError ? problemText(branches.error) : t('common.loading')}</p>
          )}
        </section>
      )}
    </>
  );
}

/** The accounts with their roles and branch; a locked one can be unlocked by whoever manages accounts. */
function AccountsTable({ accounts, canManage }: { accounts: Accounts; canManage: boolean }) {
  const t = useT();
  const f = useFormat();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const labels = accountLabels(t);
  const unlock = useMutation({
    mutationFn: (id: string) => callApi(unlockStaffAccount, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['staff-accounts'] }),
  });
  return (
    <>
      {unlock.data && (
        <Notice kind="success">{t('staff.accounts.unlocked', { username: unlock.data.username })}</Notice>
      )}
      {unlock.error && <Notice kind="warning">{problemText(unlock.error)}</Notice>}
      <ScrollTable>
        <table className="data">
          <caption className="visually-hidden">{t('staff.accounts.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.username}</th>
              <th scope="col">{labels.displayName}</th>
              <th scope="col">{labels.roles}</th>
              <th scope="col">{labels.branchId}</th>
              <th scope="col">{t('staff.accounts.status')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => {
              const locked = a.lockedUntil && new Date(a.lockedUntil) > new Date();
              return (
                <tr key={a.id}>
                  <td>
                    {a.username} {a.isDemo && <span className="tag">{t('staff.accounts.demo')}</span>}
                  </td>
                  <td>{a.displayName}</td>
                  <td>{a.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
                  <td>{a.branchCode}</td>
                  <td>
                    {locked ? (
                      <span className="tag tag--danger">
                        {t('staff.accounts.locked', { time: f.dateTime(a.lockedUntil as string) })}
                      </span>
                    ) : (
                      t('staff.accounts.active')
                    )}
                    {locked && canManage && (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-label={t('staff.accounts.unlockLabel', { username: a.username })}
                          onClick={() => unlock.mutate(a.id)}
                        >
                          {t('staff.accounts.unlock')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

/**
 * A new staff account. The form waits for the branches, so the first one is chosen from the start (as the
 * list shows it); after success it is emptied for the next account and the confirmation takes focus.
 */
function CreateAccountForm({ branches }: { branches: Branches }) {
  const t = useT();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const defaultValues = {
    username: '',
    displayName: '',
    email: '',
    roles: [],
    branchId: branches[0]?.id ?? '',
    initialPassword: '',
  };
  const form = useContractForm(CreateStaffAccountRequest, { defaultValues, labels: accountLabels(t) });
  const create = useMutation({
    mutationFn: (body: z.output<typeof CreateStaffAccountRequest>) => callApi(createStaffAccount, { body }),
    onSuccess: () => {
      form.reset(defaultValues);
      void queryClient.invalidateQueries({ queryKey: ['staff-accounts'] });
    },
    onError: form.showServerError,
  });
  const done = useRevealOnOpen<HTMLDivElement>(Boolean(create.data), create.submittedAt);
  return (
    <>
      {create.data && (
        <div ref={done} tabIndex={-1}>
          <Notice kind="success">{t('staff.accounts.created', { username: create.data.username })}</Notice>
        </div>
      )}
      <Form form={form} onSubmit={(body) => create.mutate(body)}>
        <TextInput name="username" autoCapitalize="none" autoComplete="off" spellCheck={false} />
        <TextInput name="displayName" autoComplete="off" />
        <TextInput name="email" type="email" autoComplete="off" spellCheck={false} />
        <Checkboxes name="roles" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <Select name="branchId">
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {locale === 'lv' ? b.nameLv : b.nameEn}
            </option>
          ))}
        </Select>
        <TextInput name="initialPassword" type="password" autoComplete="new-password" />
        <SubmitButton pending={create.isPending}>{t('staff.accounts.submit')}</SubmitButton>
      </Form>
    </>
  );
}
