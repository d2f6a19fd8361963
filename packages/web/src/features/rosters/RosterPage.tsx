import { Fragment, type ReactNode, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client.ts';
import type { Filters } from '../../app/api/endpoints.ts';
import { formatNumber } from '../../app/i18n/index.ts';
import { can } from '../../app/roles.ts';
import { useSearchParams } from '../../app/router.tsx';
import { useMe } from '../../app/session/SessionContext.tsx';
import type { LocalDb } from '../../offline/db.ts';
import { useFromDevice } from '../../offline/from-device.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { List } from '../../ui/ListItem.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { DataAsOf } from '../sync/DataAsOf.tsx';
import { type FilterDef, FilterPanel } from './FilterPanel.tsx';
import { SearchBox } from './SearchBox.tsx';
import { type FetchPage, type ListPage, usePagedList } from './usePagedList.ts';

// The shape shared by the roster lists: heading, search and filters (kept in the URL so they
// survive a reload and can be shared), results as a List of rows (who, where, status),
// "Cargar más", empty and error states; offline, a coach's or teacher's copy from the device.

interface Props<T> {
  title: string;
  /** The `Me.abilities` entry needed; without it the list is not even requested. */
  ability: string;
  searchHint: string;
  fetchPage: FetchPage<T>;
  /** The device's copy of the list (coach, teacher), shown when there is no network. */
  local?: (db: LocalDb, query: Parameters<FetchPage<T>>[0]) => Promise<ListPage<T> | null>;
  keyOf: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** Texts that depend on the count or the search. */
  shown: (count: number, n: string) => string;
  empty: (q: string) => string;
  /** Filters offered as selects. */
  filters?: FilterDef[];
  /** Further URL parameters passed to the API as filters (set by links from other pages). */
  linkFilters?: string[];
  /** An action under the heading (e.g. «Registrar acompañante»). */
  action?: ReactNode;
}

const FORBIDDEN = new ApiError(403, 'FORBIDDEN', '');

export function RosterPage<T>(props: Props<T>) {
  const me = useMe();
  if (can(me, props.ability)) return <RosterList {...props} />;
  return (
    <div className="page">
      <PageHeading title={props.title} />
      <ErrorNotice error={FORBIDDEN} />
    </div>
  );
}

function RosterList<T>(props: Props<T>) {
  const { title, searchHint, fetchPage, keyOf, renderItem, shown, empty } = props;
  const { filters: defs = [], linkFilters = [] } = props;
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const names = useMemo(() => [...defs.map((d) => d.name), ...linkFilters], [defs, linkFilters]);
  const values: Filters = {};
  for (const name of names) {
    const value = params.get(name);
    if (value) values[name] = value;
  }
  const { local } = props;
  const fromDevice = useFromDevice();
  const fetchOrDevice = useCallback<FetchPage<T>>(
    async (query, signal) => {
      if (!local) return fetchPage(query, signal);
      const copy = await fromDevice(
        () => fetchPage(query, signal),
        (db) => local(db, query),
      );
      return { ...copy.data, asOf: copy.asOf };
    },
    [fetchPage, local, fromDevice],
  );
  const list = usePagedList(fetchOrDevice, q, values);

  const update = useCallback(
    (change: (next: URLSearchParams) => void) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          change(next);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const onSearch = useCallback(
    (next: string) =>
      update((p) => {
        if (next) p.set('q', next);
        else p.delete('q');
      }),
    [update],
  );
  const onFilter = (name: string, value: string) =>
    update((p) => {
      if (value) p.set(name, value);
      else p.delete(name);
    });
  const onClear = () =>
    update((p) => {
      for (const name of names) p.delete(name);
    });

  let results: ReactNode;
  if (list.status === 'loading') results = <Skeleton lines={4} />;
  else if (list.status === 'error') {
    results = <ErrorNotice error={list.error} onRetry={list.reload} />;
  } else if (list.items.length === 0) {
    results = <EmptyState title={empty(q)} />;
  } else {
    results = (
      <>
        <List labelledBy="resultados">
          {list.items.map((item) => (
            <Fragment key={keyOf(item)}>{renderItem(item)}</Fragment>
          ))}
        </List>
        {list.moreError ? <ErrorNotice error={list.moreError} /> : null}
        {list.nextCursor ? (
          <Button
            variant="secondary"
            block
            onClick={list.loadMore}
            loading={list.loadingMore}
            loadingLabel={t('rosters.loadingMore')}
          >
            {t('rosters.loadMore')}
          </Button>
        ) : null}
      </>
    );
  }

  return (
    <div className="page">
      <PageHeading title={title} />
      {props.action ? <div className="button-row">{props.action}</div> : null}
      <SearchBox value={q} hint={searchHint} onSearch={onSearch} />
      {defs.length > 0 || linkFilters.some((name) => values[name]) ? (
        <FilterPanel
          defs={defs}
          values={Object.fromEntries(
            Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])),
          )}
          hidden={linkFilters.filter((name) => values[name])}
          onChange={onFilter}
          onClear={onClear}
        />
      ) : null}
      <section className="section" aria-labelledby="resultados">
        <h2 id="resultados" className="visually-hidden">
          {t('rosters.results')}
        </h2>
        <DataAsOf asOf={list.asOf} />
        <p className="count" aria-live="polite">
          {list.status === 'ready' && list.items.length > 0
            ? shown(list.items.length, formatNumber(list.items.length))
            : null}
        </p>
        {results}
      </section>
    </div>
  );
}
