import { Fragment, type ReactNode, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../app/api/client.ts';
import { formatNumber } from '../../app/i18n/index.ts';
import { can } from '../../app/roles.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { SearchBox } from './SearchBox.tsx';
import { type FetchPage, usePagedList } from './usePagedList.ts';

// The shape shared by the roster lists: heading, search (kept in the URL so it survives a
// reload and can be shared), results as cards, "Cargar más", empty and error states.

interface Props<T> {
  title: string;
  /** The `Me.abilities` entry needed; without it the list is not even requested. */
  ability: string;
  searchHint: string;
  fetchPage: FetchPage<T>;
  keyOf: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** Texts that depend on the count or the search. */
  shown: (count: number, n: string) => string;
  empty: (q: string) => string;
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
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const list = usePagedList(fetchPage, q);

  const onSearch = useCallback(
    (next: string) => setParams(next ? { q: next } : {}, { replace: true }),
    [setParams],
  );

  let results: ReactNode;
  if (list.status === 'loading') results = <Loading />;
  else if (list.status === 'error') {
    results = <ErrorNotice error={list.error} onRetry={list.reload} />;
  } else if (list.items.length === 0) {
    results = <p className="empty">{empty(q)}</p>;
  } else {
    results = (
      <>
        <ul className="cards">
          {list.items.map((item) => (
            <Fragment key={keyOf(item)}>{renderItem(item)}</Fragment>
          ))}
        </ul>
        {list.moreError ? <ErrorNotice error={list.moreError} /> : null}
        {list.nextCursor ? (
          <button
            type="button"
            className="button button--secondary button--block"
            onClick={list.loadMore}
            disabled={list.loadingMore}
          >
            {list.loadingMore ? t('rosters.loadingMore') : t('rosters.loadMore')}
          </button>
        ) : null}
      </>
    );
  }

  return (
    <div className="page">
      <PageHeading title={title} />
      <SearchBox value={q} hint={searchHint} onSearch={onSearch} />
      <section className="section" aria-labelledby="resultados">
        <h2 id="resultados" className="visually-hidden">
          {t('rosters.results')}
        </h2>
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
