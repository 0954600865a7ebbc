import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createStaffAccount, listBranches, listStaffAccounts, unlockStaffAccount } from '../../shared/contracts/identity.contract.ts';
import { ROLES } from '../../shared/kernel/permissions.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { ErrorSummary, Notice, TextField, type FormError } from '../ui/forms.tsx';
import { useFormErrors } from '../ui/errors.ts';
import { useFormat } from '../ui/format.ts';
import { ScrollTable } from '../ui/Table.tsx';

export function AccountsPage({ canManage }: { canManage: boolean }) {
  const t = useT();
  const formErrors = useFormErrors();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const accounts = useQuery({ queryKey: ['staff-accounts'], queryFn: () => callApi(listStaffAccounts) });
  const branches = useQuery({ queryKey: ['branches'], queryFn: () => callApi(listBranches) });
  const [message, setMessage] = useState<string>();
  const [errors, setErrors] = useState<FormError[]>([]);
  const unlock = useMutation({
    mutationFn: (id: string) => callApi(unlockStaffAccount, { params: { id } }),
    onSuccess: (a) => {
      setMessage(t('staff.accounts.unlocked', { username: a.username }));
      void queryClient.invalidateQueries({ queryKey: ['staff-accounts'] });
    },
  });
  const labels = {
    username: t('staff.accounts.username'), displayName: t('staff.accounts.name'), email: t('staff.accounts.email'),
    roles: t('staff.accounts.roles'), branchId: t('staff.accounts.branch'), initialPassword: t('staff.accounts.initialPassword'),
  };

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    try {
      const created = await callApi(createStaffAccount, {
        body: {
          username: String(form.get('username') ?? ''), displayName: String(form.get('displayName') ?? ''), email: String(form.get('email') ?? '') || null,
          roles: form.getAll('roles').map(String), branchId: String(form.get('branchId') ?? ''), initialPassword: String(form.get('initialPassword') ?? ''),
        },
      });
      setErrors([]);
      setMessage(t('staff.accounts.created', { username: created.username }));
      formElement.reset();
      void queryClient.invalidateQueries({ queryKey: ['staff-accounts'] });
    } catch (error) {
      setMessage(undefined);
      setErrors(formErrors(error, labels));
    }
  }

  const fieldError = (f: string) => errors.find((e) => e.field === f)?.message;
  const f = useFormat();

  return (
    <>
      <PageTitle>{t('staff.accounts.title')}</PageTitle>
      {message && <Notice kind="success">{message}</Notice>}
      {accounts.isPending ? <p>{t('common.loading')}</p> : (
        <ScrollTable>
          <table className="data">
            <caption className="visually-hidden">{t('staff.accounts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.username}</th><th scope="col">{labels.displayName}</th><th scope="col">{labels.roles}</th>
                <th scope="col">{labels.branchId}</th><th scope="col">{t('staff.accounts.status')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.data?.accounts.map((a) => {
                const locked = a.lockedUntil && new Date(a.lockedUntil) > new Date();
                return (
                  <tr key={a.id}>
                    <td>{a.username} {a.isDemo && <span className="tag">{t('staff.accounts.demo')}</span>}</td>
                    <td>{a.displayName}</td>
                    <td>{a.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
                    <td>{a.branchCode}</td>
                    <td>
                      {locked ? <span className="tag tag--danger">{t('staff.accounts.locked', { time: f.dateTime(a.lockedUntil as string) })}</span> : t('staff.accounts.active')}
                      {locked && canManage && (
                        <> <button type="button" className="button button--secondary" aria-label={t('staff.accounts.unlockLabel', { username: a.username })} onClick={() => unlock.mutate(a.id)}>{t('staff.accounts.unlock')}</button></>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {canManage && (
        <section aria-labelledby="create-title">
          <h2 id="create-title">{t('staff.accounts.create')}</h2>
          <ErrorSummary errors={errors} />
          <form onSubmit={(e) => void create(e)} noValidate>
            <TextField id="username" label={labels.username} autoCapitalize="none" error={fieldError('username')} />
            <TextField id="displayName" label={labels.displayName} error={fieldError('displayName')} />
            <TextField id="email" label={labels.email} type="email" error={fieldError('email')} />
            <fieldset className="fieldset" id="roles">
              <legend>{labels.roles}</legend>
              {fieldError('roles') && <p className="field-error">{fieldError('roles')}</p>}
              <div className="checkboxes">
                {ROLES.map((r) => (
                  <label key={r} className="radio"><input type="checkbox" name="roles" value={r} /> {t(`role.${r}`)}</label>
                ))}
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor="branchId">{labels.branchId}</label>
              <select id="branchId" name="branchId">
                {branches.data?.branches.map((b) => <option key={b.id} value={b.id}>{locale === 'lv' ? b.nameLv : b.nameEn}</option>)}
              </select>
            </div>
            <TextField id="initialPassword" label={labels.initialPassword} type="password" autoComplete="new-password" error={fieldError('initialPassword')} />
            <button type="submit" className="button">{t('staff.accounts.submit')}</button>
          </form>
        </section>
      )}
    </>
  );
}
