/**
 * The legal calendar: the Cabinet's orders moving working days, each with its act and sources, a warning
 * while the coming year has none, and for administrators the form to record the next one.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  readCalendarOrders,
  recordCalendarOrder,
  RecordCalendarOrder,
  type CalendarOrderView,
} from '../../shared/contracts/calendar.contract.ts';
import { PlainDateSchema } from '../../shared/kernel/plain-date.ts';
import { callApi } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { PageTitle, useRevealOnOpen } from '../ui/Layout.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useProblemText } from '../ui/errors.ts';
import { refusedAtFormFields } from '../ui/refused-fields.ts';
import { useFormat } from '../ui/format.ts';
import { ScrollTable } from '../ui/Table.tsx';
import { Form } from '../ui/form/Form.tsx';
import { Checkbox, DateInput, SubmitButton, TextArea, TextInput } from '../ui/form/fields.tsx';
import { numberAsText } from '../ui/form/number-as-text.ts';
import { useContractForm } from '../ui/form/useContractForm.ts';

/** Rows for moved days on the form: no order so far has moved more than three. */
const MOVE_ROWS = 3;
const OptionalDate = z.union([z.literal(''), PlainDateSchema]);

const common = {
  year: numberAsText(RecordCalendarOrder.shape.year),
  adoptedOn: OptionalDate,
  source: z.string().trim().max(500),
  note: z.string().trim().max(1000),
};
const MoveRows = z.array(z.object({ dayOff: OptionalDate, workingSaturday: OptionalDate })).length(MOVE_ROWS);

/**
 * The form as the page holds it, sent as the contract's order (whose own rules then apply). An order names
 * its act; "no order issued" needs none. The order option comes first, so the fields' required marks are
 * read from it.
 */
const OrderForm = z
  .discriminatedUnion('none', [
    z.object({ none: z.literal(false), act: RecordCalendarOrder.shape.act.unwrap(), moves: MoveRows, ...common }),
    z.object({ none: z.literal(true), act: z.string().optional(), moves: MoveRows.optional(), ...common }),
  ])
  .transform((v): z.input<typeof RecordCalendarOrder> => ({
    year: v.year,
    act: v.none ? null : v.act,
    adoptedOn: v.adoptedOn || null,
    moves: v.none
      ? []
      : v.moves
          .filter((m) => m.dayOff || m.workingSaturday)
          .map((m) => ({ dayOff: String(m.dayOff), workingSaturday: String(m.workingSaturday) })),
    sources: v.source ? [v.source] : [],
    note: v.note || null,
  }))
  .pipe(RecordCalendarOrder);

/** The server names a move by its place among those sent; the form by its row (empty rows are not sent). */
function formPaths(rows: ReadonlyArray<{ dayOff: string; workingSaturday: string }>): Record<string, string> {
  const filled = rows.flatMap((m, row) => (m.dayOff || m.workingSaturday ? [row] : []));
  return Object.fromEntries(
    filled.flatMap((row, i) => [
      [`moves.${i}.dayOff`, `moves.${row}.dayOff`],
      [`moves.${i}.workingSaturday`, `moves.${row}.workingSaturday`],
      [`moves.${i}`, `moves.${row}.dayOff`],
    ]),
  );
}

export function CalendarPage({ canRecord }: { canRecord: boolean }) {
  const t = useT();
  const problemText = useProblemText();
  const orders = useQuery({ queryKey: ['calendar-orders'], queryFn: () => callApi(readCalendarOrders) });
  const d = orders.data;
  return (
    <>
      <PageTitle>{t('staff.calendar.title')}</PageTitle>
      <p className="lead">{t('staff.calendar.intro')}</p>
      {d && !d.comingYearHasOrder && (
        <Notice kind="warning">{t('staff.calendar.missing', { year: d.comingYear })}</Notice>
      )}
      {d ? (
        <OrdersTable orders={d.orders} />
      ) : (
        <p>{orders.isError ? problemText(orders.error) : t('common.loading')}</p>
      )}
      {canRecord && d && <RecordOrderForm comingYear={d.comingYear} />}
    </>
  );
}

/** A source as a link named by its site; text that is not a web address stays text. */
function sourceLink(source: string) {
  try {
    const url = new URL(source);
    if (url.protocol === 'https:' || url.protocol === 'http:') return <a href={url.href}>{url.hostname}</a>;
  } catch {
    // not a web address: shown as written
  }
  return source;
}

function OrdersTable({ orders }: { orders: CalendarOrderView[] }) {
  const t = useT();
  const f = useFormat();
  return (
    <ScrollTable>
      <table className="data">
        <caption>{t('staff.calendar.orders')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.calendar.year')}</th>
            <th scope="col">{t('staff.calendar.moves')}</th>
            <th scope="col">{t('staff.calendar.act')}</th>
            <th scope="col">{t('staff.calendar.sources')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.year}>
              <th scope="row">{o.year}</th>
              <td>
                {o.moves.length === 0 ? (
                  t('staff.calendar.noMoves')
                ) : (
                  <ul className="plain-list">
                    {o.moves.map((m) => (
                      <li key={m.dayOff}>
                        {t('staff.calendar.move', { dayOff: f.date(m.dayOff), saturday: f.date(m.workingSaturday) })}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {o.act ?? t('staff.calendar.noOrder')}
                {o.adoptedOn && <> ({t('staff.calendar.adopted', { date: f.date(o.adoptedOn) })})</>}
                <br />
                <span className="hint">
                  {o.origin === 'recorded'
                    ? t('staff.calendar.recorded', {
                        name: o.recordedByName ?? '',
                        time: f.dateTime(o.recordedAt ?? ''),
                      })
                    : t('staff.calendar.shipped')}
                </span>
                {o.note && (
                  <p className="hint">
                    {/* A shipped order's note is said by the catalogue; a recorded one is the administrator's own words. */}
                    {o.origin === 'shipped' ? t(`staff.calendar.shippedNote.${o.year}`) : o.note}
                  </p>
                )}
              </td>
              <td>
                <ul className="plain-list">
                  {o.sources.map((s) => (
                    <li key={s}>{sourceLink(s)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function RecordOrderForm({ comingYear }: { comingYear: number }) {
  const t = useT();
  const queryClient = useQueryClient();
  const labels: Record<string, string> = {
    year: t('staff.calendar.year'),
    none: t('staff.calendar.none'),
    act: t('staff.calendar.act'),
    adoptedOn: t('staff.calendar.adoptedOn'),
    moves: t('staff.calendar.moves'),
    source: t('staff.calendar.source'),
    note: t('staff.calendar.note'),
    ...Object.fromEntries(
      Array.from({ length: MOVE_ROWS }, (_, i) => [
        [`moves.${i}.dayOff`, t('staff.calendar.dayOff', { n: i + 1 })],
        [`moves.${i}.workingSaturday`, t('staff.calendar.workingSaturday', { n: i + 1 })],
      ]).flat(),
    ),
  };
  const emptyMoves = Array.from({ length: MOVE_ROWS }, () => ({ dayOff: '', workingSaturday: '' }));
  const form = useContractForm(OrderForm, {
    defaultValues: {
      year: String(comingYear),
      none: false,
      act: '',
      adoptedOn: '',
      moves: emptyMoves,
      source: '',
      note: '',
    },
    labels,
    idPrefix: 'order-',
  });
  const none = useWatch({ control: form.control, name: 'none' }) as boolean;
  const record = useMutation({
    mutationFn: (body: z.output<typeof OrderForm>) => callApi(recordCalendarOrder, { body }),
    onError: (e) => form.showServerError(refusedAtFormFields(e, formPaths(form.getValues('moves') ?? []))),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ['calendar-orders'] });
    },
  });
  const done = useRevealOnOpen<HTMLDivElement>(Boolean(record.data), record.submittedAt);
  return (
    <section className="panel" aria-labelledby="record-order">
      <h2 id="record-order">{t('staff.calendar.recordTitle')}</h2>
      <p className="hint">{t('staff.calendar.recordIntro')}</p>
      {record.data && (
        <div ref={done} tabIndex={-1}>
          <Notice kind="success">{t('staff.calendar.saved', { year: record.data.year })}</Notice>
        </div>
      )}
      <Form form={form} onSubmit={(body) => record.mutate(body)}>
        <TextInput name="year" inputMode="numeric" autoComplete="off" />
        <Checkbox name="none" hint={t('staff.calendar.noneHint')} />
        {!none && (
          <>
            <TextInput name="act" hint={t('staff.calendar.actHint')} />
            <DateInput name="adoptedOn" />
            <fieldset className="fieldset">
              <legend>{t('staff.calendar.moves')}</legend>
              <p className="hint">{t('staff.calendar.movesHint')}</p>
              {Array.from({ length: MOVE_ROWS }, (_, i) => (
                <div className="date-pair" key={i}>
                  <DateInput name={`moves.${i}.dayOff`} />
                  <DateInput name={`moves.${i}.workingSaturday`} />
                </div>
              ))}
            </fieldset>
          </>
        )}
        <TextInput name="source" type="url" hint={t('staff.calendar.sourceHint')} />
        <TextArea name="note" rows={2} />
        <SubmitButton pending={record.isPending}>{t('staff.calendar.record')}</SubmitButton>
      </Form>
    </section>
  );
}
