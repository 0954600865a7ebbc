/**
 * Apply for a passport or eID card online (for myself, my minor child or ward): prepared now, paid online,
 * taken at the branch visit. The form is the contract's OnlineApplicationRequest (decision 0022), holding
 * the photo as the file chosen until it is sent.
 */
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import type { z } from 'zod';
import {
  APPLICATION_REASONS,
  applicationOptions,
  applyOnline,
  OnlineApplicationRequest,
  REDUCED_GROUNDS,
  TIERS,
} from '../../shared/contracts/document-applications.contract.ts';
import type { ApplicationOptions } from '../../shared/contracts/document-applications.contract.ts';
import { MAX_UPLOAD_BYTES } from '../../shared/contracts/cases.contract.ts';
import { PHOTO_TYPES, photoFile } from '../ui/form/upload-files.ts';
import { callApi } from '../api/client.ts';
import { useLocale, useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { useProblemText } from '../ui/errors.ts';
import { toUploads } from '../ui/files.ts';
import { useFormat } from '../ui/format.ts';
import { refusedAtFormFields } from '../ui/refused-fields.ts';
import { Form } from '../ui/form/Form.tsx';
import { FileInput, Radios, Select, SubmitButton, TextInput } from '../ui/form/fields.tsx';
import { useContractForm } from '../ui/form/useContractForm.ts';

/** The contract's request as the page holds it; the language is the page's, sent with it. */
const ApplicationForm = OnlineApplicationRequest.omit({ photo: true, language: true, explanation: true }).extend({
  photo: photoFile(MAX_UPLOAD_BYTES, false),
});
type ApplicationValues = z.output<typeof ApplicationForm>;
type Options = z.infer<typeof ApplicationOptions>;

export function ApplyDocumentPage() {
  const t = useT();
  const problemText = useProblemText();
  const options = useQuery({ queryKey: ['application-options'], queryFn: () => callApi(applicationOptions) });
  const body = !options.data ? (
    <p>{options.isError ? problemText(options.error) : t('common.loading')}</p>
  ) : options.data.subjects.length ? (
    <ApplicationFormView options={options.data} />
  ) : (
    <p>{t('documents.apply.noSubjects')}</p>
  );
  return (
    <>
      <PageTitle>{t('documents.apply.title')}</PageTitle>
      <p className="lead">{t('documents.apply.intro')}</p>
      {body}
    </>
  );
}

function ApplicationFormView({ options: o }: { options: Options }) {
  const t = useT();
  const f = useFormat();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const first =
    o.subjects.find((s) => s.personId === search.get('person')) ?? (o.subjects[0] as Options['subjects'][number]);
  const form = useContractForm(ApplicationForm, {
    defaultValues: {
      subjectPersonId: first.personId,
      documentType: first.documentTypes[0]?.type,
      tier: 'standard',
      reason: 'renewal',
      pickupBranchId: '',
      contactEmail: '',
    },
    labels: {
      subjectPersonId: t('documents.apply.for'),
      documentType: t('documents.application.documentType'),
      tier: t('documents.application.tier'),
      reason: t('documents.application.reason'),
      reducedGround: t('documents.apply.reducedGround'),
      pickupBranchId: t('documents.application.pickup'),
      photo: t('documents.application.photo'),
      contactEmail: t('portal.contact.email'),
    },
  });
  const [personId, documentType, tier = 'standard'] = useWatch({
    control: form.control,
    name: ['subjectPersonId', 'documentType', 'tier'],
  });
  const subject = o.subjects.find((s) => s.personId === personId) ?? first;
  const types = subject.documentTypes;
  const chosen = types.find((d) => d.type === documentType) ?? types[0];
  // Another person may hold other documents: the choice moves to one they can have.
  useEffect(() => {
    const firstType = types[0]?.type;
    if (firstType && !types.some((d) => d.type === documentType)) form.setValue('documentType', firstType);
  }, [types, documentType, form]);
  const apply = useMutation({
    mutationFn: async ({ photo, subjectPersonId: _chosen, ...values }: ApplicationValues) => {
      const [upload] = await toUploads(photo ?? null, 'photo');
      return callApi(applyOnline, {
        body: {
          ...values,
          language: locale,
          ...(subject.relation === 'self' ? {} : { subjectPersonId: subject.personId }),
          ...(upload ? { photo: upload } : {}),
        },
      });
    },
    onSuccess: (view) => navigate(`/my/cases/${view.id}?new=1`),
    onError: (e) => form.showServerError(refusedAtFormFields(e, { 'photo.contentBase64': 'photo' })),
  });
  const fee = (k: (typeof TIERS)[number]) =>
    t('documents.application.feeAmount', { amount: f.money(chosen?.fees[k]?.amountCents ?? 0) });
  return (
    <Form form={form} onSubmit={(values) => apply.mutate(values)}>
      {o.subjects.length > 1 && (
        <Radios
          name="subjectPersonId"
          options={o.subjects.map((s) => ({
            value: s.personId,
            label: t(`documents.apply.relation.${s.relation}`, { name: s.name }),
          }))}
        />
      )}
      <Select name="documentType">
        {types.map((d) => (
          <option key={d.type} value={d.type}>
            {t(`documents.type.${d.type}`)}
          </option>
        ))}
      </Select>
      <Radios
        name="tier"
        hint={t('documents.apply.readyHint', { date: f.date(o.readyOn[tier]) })}
        options={TIERS.map((k) => ({ value: k, label: `${t(`documents.tier.${k}`)} — ${fee(k)}` }))}
      />
      <Select name="reason">
        {APPLICATION_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`documents.reasonApply.${r}`)}
          </option>
        ))}
      </Select>
      {tier === 'standard' && !chosen?.fees.standard?.reducedFor && (
        <Select name="reducedGround" hint={t('documents.apply.reducedGroundHint')}>
          <option value="">{t('documents.apply.ground.none')}</option>
          {REDUCED_GROUNDS.map((g) => (
            <option key={g} value={g}>
              {t(`documents.apply.ground.${g}`)}
            </option>
          ))}
        </Select>
      )}
      <Select name="pickupBranchId">
        <option value="">—</option>
        {o.branches.map((b) => (
          <option key={b.id} value={b.id}>
            {locale === 'en' ? b.nameEn : b.name}
          </option>
        ))}
      </Select>
      <FileInput name="photo" accept={PHOTO_TYPES} multiple={false} hint={t('documents.apply.photoHint')} />
      <TextInput name="contactEmail" type="email" autoComplete="email" spellCheck={false} />
      <SubmitButton pending={apply.isPending}>{t('documents.apply.submit')}</SubmitButton>
    </Form>
  );
}
