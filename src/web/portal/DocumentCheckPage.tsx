/** The public document check: anyone, without signing in, learns whether a document number is valid, invalid (since when) or unknown. */
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  checkDocumentValidity,
  DOCUMENT_TYPES,
  type ValidityAnswer,
} from '../../shared/contracts/documents.contract.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useFormat } from '../ui/format.ts';
import { refusedAtFormFields } from '../ui/refused-fields.ts';
import { Form } from '../ui/form/Form.tsx';
import { Select, SubmitButton, TextInput } from '../ui/form/fields.tsx';
import { useContractForm } from '../ui/form/useContractForm.ts';

/** The endpoint's path parameter and query as one form: the number (trimmed, in capitals) and the type. */
const CheckForm = checkDocumentValidity.params.extend(checkDocumentValidity.query.shape);
/** The server names the number and the type by where they travel (`params.number`); the form by their own names. */
const FORM_PATHS = { 'params.number': 'number', 'query.type': 'type' };

export function DocumentCheckPage() {
  const t = useT();
  const form = useContractForm(CheckForm, {
    defaultValues: { number: '' },
    labels: { number: t('documents.check.number'), type: t('documents.field.type') },
  });
  const check = useMutation({
    mutationFn: ({ number, type }: z.output<typeof CheckForm>) =>
      callApi(checkDocumentValidity, { params: { number }, query: type ? { type } : {} }),
    onError: (e) => form.showServerError(refusedAtFormFields(e, FORM_PATHS)),
  });
  return (
    <>
      <PageTitle>{t('documents.check.title')}</PageTitle>
      <p className="lead">{t('documents.check.intro')}</p>
      <Form form={form} onSubmit={(values) => check.mutate(values)}>
        <TextInput name="number" hint={t('documents.check.numberHint')} autoComplete="off" spellCheck={false} />
        <Select name="type">
          <option value="">{t('documents.check.anyType')}</option>
          {DOCUMENT_TYPES.map((d) => (
            <option key={d} value={d}>
              {t(`documents.type.${d}`)}
            </option>
          ))}
        </Select>
        <SubmitButton pending={check.isPending}>{t('documents.check.submit')}</SubmitButton>
      </Form>
      <Answer answer={check.data} />
    </>
  );
}

/** What the check found, announced as it appears; never whose the document is. */
function Answer({ answer }: { answer: ValidityAnswer | undefined }) {
  const t = useT();
  const f = useFormat();
  return (
    <div aria-live="polite">
      {answer?.status === 'valid' && (
        <Notice kind="success">
          <strong>{t('documents.check.valid', { number: answer.number })}</strong>{' '}
          {answer.type && t(`documents.type.${answer.type}`)}
        </Notice>
      )}
      {answer?.status === 'invalid' && (
        <Notice kind="warning">
          <strong>
            {t('documents.check.invalid', {
              number: answer.number,
              since: answer.invalidSince ? f.date(answer.invalidSince) : '',
            })}
          </strong>
        </Notice>
      )}
      {answer?.status === 'unknown' && (
        <Notice kind="info">{t('documents.check.unknown', { number: answer.number })}</Notice>
      )}
      {answer && <p className="hint">{t('documents.check.checkedOn', { date: f.date(answer.checkedOn) })}</p>}
    </div>
  );
}
