/**
 * The work queue of my branch: open cases by deadline (or closed ones, latest first, with the day each
 * closed), filtered by status, assignee and deadline flags, a page at a time. The filter and the page are
 * the address's search parameters, so Back (from a case) and a reload show the same page of the same list.
 */
import { useEffect, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  CASE_STATUSES,
  CASE_TYPES,
  QueueQuery,
  listQueue,
  type CaseSummary,
} from '../../../shared/contracts/cases.contract.ts';
import { callApi } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { PageTitle } from '../../ui/Layout.tsx';
import { useFormat } from '../../ui/format.ts';
import { Form } from '../../ui/form/Form.tsx';
import { Select, TextInput } from '../../ui/form/fields.tsx';
import { useFilterForm } from '../../ui/form/useFilterForm.ts';
import { caseWordingKey } from '../../../shared/i18n/case-wording.ts';
import { ScrollTable } from '../../ui/Table.tsx';

type Status = CaseSummary['status'];
type CaseType = CaseSummary['caseType'];
/** Until the server names each type's own closing statuses: the engine's usual ones. */
const CLOSED_STATUSES: readonly Status[] = ['accepted', 'rejected', 'withdrawn', 'issued'];
const OPEN_STATUSES = CASE_STATUSES.filter((s) => !['accepted', 'rejected', 'withdrawn'].includes(s));
/** The queue's own query, less the page size and position the page sets. */
const QueueFilter = QueueQuery.omit({ limit: true, offset: true });
type Filter = z.output<typeof QueueFilter>;
const PAGE = 50;
/** What the address may hold: the filter and where the page starts. */
const QueueAddress = QueueQuery.omit({ limit: true });
type Address = z.output<typeof QueueAddress>;
const DEFAULTS: Partial<Record<keyof Address, unknown>> = { assignee: 'any', state: 'open', offset: 0 };

/** The list the address asks for; a parameter the query refuses (an old link, a typo) is left out, not the whole. */
function fromAddress(params: URLSearchParams): Address {
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(QueueAddress.shape)) {
    const raw = params.get(name);
    const parsed = raw === null || raw === '' ? undefined : schema.safeParse(raw);
    if (parsed?.success && parsed.data !== undefined) values[name] = parsed.data;
  }
  return QueueAddress.parse(values);
}

/** The address of a list: what differs from the defaults, in a fixed order. */
function toAddress(a: Address): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of Object.keys(QueueAddress.shape) as Array<keyof Address>) {
    const value = a[name];
    if (value !== undefined && DEFAULTS[name] !== value) params.set(name, String(value));
  }
  return params;
}

export function QueuePage({ canOpen }: { canOpen: boolean }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const address = useMemo(() => fromAddress(params), [params]);
  const { offset, ...query } = address;
  const filter = useFilterForm(QueueFilter, {
    defaultValues: query,
    labels: {
      state: t('staff.queue.state'),
      type: t('cases.field.type'),
      status: t('cases.field.status'),
      assignee: t('cases.field.assignee'),
      flag: t('staff.queue.flag'),
      dueWithin: t('staff.queue.dueWithin'),
    },
    // A new filter starts at its first page; it replaces the address (Back leaves the queue, not each keystroke).
    onApply: (next) => setParams(toAddress({ ...keepStatusOf(next, query), offset: 0 }), { replace: true }),
  });
  // Back and Forward change the address: the form shows the list the address holds.
  const { form } = filter;
  useEffect(() => {
    const shown = QueueFilter.safeParse(form.getValues()).data;
    if (JSON.stringify(shown) !== JSON.stringify(query)) form.reset({ ...query });
    // `query` is new each render; the address is what changes.
  }, [params, form]);
  const queue = useQuery({
    queryKey: ['queue', query, offset],
    queryFn: () => callApi(listQueue, { query: { ...query, limit: PAGE, offset } }),
    // The last page stays on screen (and the filter keeps its words) while the next one loads.
    placeholderData: keepPreviousData,
  });
  // A page turn is a step of its own: Back returns to the page before.
  const turn = (to: number) => setParams(toAddress({ ...address, offset: to }));
  const closed = query.state === 'closed';
  return (
    <>
      <PageTitle>{t('staff.queue.title')}</PageTitle>
      <p className="lead">{t(closed ? 'staff.queue.introClosed' : 'staff.queue.intro')}</p>
      {canOpen && (
        <p>
          <Link className="button button--secondary" to="/cases/new-inclusion">
            {t('staff.inclusion.open')}
          </Link>
        </p>
      )}
      <Form form={filter.form} onSubmit={filter.apply} className="filters" filter>
        <QueueFilters
          closed={filter.form.watch('state') === 'closed'}
          type={filter.form.watch('type') as CaseType | undefined}
          types={queue.data?.types}
        />
      </Form>
      {queue.data && (
        <>
          <p role="status">
            {offset === 0 && queue.data.cases.length >= queue.data.total
              ? t('staff.queue.count', { shown: queue.data.cases.length, total: queue.data.total })
              : t(queue.data.totalCapped ? 'staff.queue.rangeMore' : 'staff.queue.range', {
                  from: offset + 1,
                  to: offset + queue.data.cases.length,
                  total: queue.data.total,
                })}
          </p>
          {queue.data.cases.length > 0 && <QueueTable cases={queue.data.cases} closed={closed} />}
          {(offset > 0 || offset + queue.data.cases.length < queue.data.total) && (
            <nav className="button-row" aria-label={t('staff.queue.pages')}>
              <button
                type="button"
                className="button button--secondary"
                disabled={offset === 0}
                onClick={() => turn(Math.max(0, offset - PAGE))}
              >
                {t('staff.queue.previous')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={offset + queue.data.cases.length >= queue.data.total}
                onClick={() => turn(offset + PAGE)}
              >
                {t('staff.queue.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}

/** Switching between open and closed cases drops a status the other list does not have. */
function keepStatusOf(next: Filter, before: Filter): Filter {
  if (next.state === before.state || !next.status) return next;
  const { status: _dropped, ...rest } = next;
  return rest;
}

/** The cases of one page: open ones with their deadline first, closed ones with the day they closed. */
function QueueTable({ cases, closed }: { cases: CaseSummary[]; closed: boolean }) {
  const t = useT();
  const f = useFormat();
  return (
    <ScrollTable>
      <table className="data">
        <caption className="visually-hidden">{t(closed ? 'staff.queue.captionClosed' : 'staff.queue.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(closed ? 'staff.queue.closedOn' : 'cases.deadline.due')}</th>
            <th scope="col">{t('cases.field.reference')}</th>
            <th scope="col">{t('cases.field.applicant')}</th>
            <th scope="col">{t('cases.field.status')}</th>
            <th scope="col">{t('cases.field.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <td>{closed ? c.closedAt ? f.day(c.closedAt) : '—' : <DueCell summary={c} />}</td>
              <td>
                <Link to={`/cases/${c.id}`} className="reference">
                  {c.reference}
                </Link>
                <br />
                <span className="hint">{t(`cases.type.${c.caseType}`)}</span>
              </td>
              <td>{c.applicantName}</td>
              <td>{t(caseWordingKey('status', c.caseType, c.status))}</td>
              <td>{c.assigneeName ?? t('cases.unassigned')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function DueCell({ summary: c }: { summary: CaseSummary }) {
  const t = useT();
  const f = useFormat();
  return (
    <>
      {c.dueOn ? f.date(c.dueOn) : '—'}{' '}
      {c.deadlineAlert === 'breached' ? (
        <span className="tag tag--danger">{t('cases.deadline.breached')}</span>
      ) : c.deadlineAlert === 'warned' ? (
        <span className="tag tag--warning">{t('staff.queue.atRisk')}</span>
      ) : null}
      {c.suspended ? <span className="tag">{t('cases.deadline.paused')}</span> : null}
    </>
  );
}

/**
 * The filter's fields. A status is said in the chosen type's own words ("Visa issued", "Granted"); with every
 * type at once, a closed status is said in words that fit them all ("Decided in favour").
 */
function QueueFilters({
  closed,
  type,
  types,
}: {
  closed: boolean;
  type: CaseType | undefined;
  types: ReadonlyArray<{ caseType: CaseType; closedStatuses: Status[] }> | undefined;
}) {
  const t = useT();
  const chosen = type ? types?.find((x) => x.caseType === type) : undefined;
  const closedStatuses = chosen
    ? chosen.closedStatuses
    : types
      ? [...new Set(types.flatMap((x) => x.closedStatuses))]
      : CLOSED_STATUSES;
  const statusWord = (s: Status) =>
    type ? t(caseWordingKey('status', type, s)) : t(closed ? `staff.queue.closedAs.${s}` : `cases.status.${s}`);
  return (
    <>
      <Select name="state">
        <option value="open">{t('staff.queue.stateOpen')}</option>
        <option value="closed">{t('staff.queue.stateClosed')}</option>
      </Select>
      <Select name="type">
        <option value="">{t('staff.queue.allTypes')}</option>
        {(types?.map((x) => x.caseType) ?? CASE_TYPES).map((c) => (
          <option key={c} value={c}>
            {t(`cases.type.${c}`)}
          </option>
        ))}
      </Select>
      <Select name="status">
        <option value="">{t(closed ? 'staff.queue.allClosed' : 'staff.queue.allOpen')}</option>
        {(closed ? closedStatuses : OPEN_STATUSES).map((s) => (
          <option key={s} value={s}>
            {statusWord(s)}
          </option>
        ))}
      </Select>
      <Select name="assignee">
        <option value="any">{t('staff.queue.anyone')}</option>
        <option value="me">{t('staff.queue.me')}</option>
        <option value="unassigned">{t('cases.unassigned')}</option>
      </Select>
      {!closed && (
        <>
          <Select name="flag">
            <option value="">{t('staff.queue.noFlag')}</option>
            <option value="at-risk">{t('staff.queue.atRisk')}</option>
            <option value="breached">{t('cases.deadline.breached')}</option>
            <option value="suspended">{t('cases.deadline.paused')}</option>
          </Select>
          <TextInput name="dueWithin" inputMode="numeric" size={4} hint={t('staff.queue.dueWithinHint')} />
        </>
      )}
    </>
  );
}
