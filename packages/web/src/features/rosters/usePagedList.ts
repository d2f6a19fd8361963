import { useCallback, useEffect, useRef, useState } from 'react';
import type { Filters, ListQuery, Page } from '../../app/api/endpoints.ts';

// Cursor pagination for a list screen: the first page is reloaded when the search or the
// filters change, "Cargar más" appends the next one. Stale answers are dropped.

/** A page, and when it comes from the device's copy (offline), that copy's time. */
export type ListPage<T> = Page<T> & { asOf?: string | null };
export type FetchPage<T> = (query: ListQuery, signal: AbortSignal) => Promise<ListPage<T>>;

export interface PagedList<T> {
  status: 'loading' | 'ready' | 'error';
  items: T[];
  /** Set when the list is the device's copy from the last sync (offline). */
  asOf: string | null;
  nextCursor: string | null;
  error: unknown;
  loadingMore: boolean;
  moreError: unknown;
  loadMore: () => void;
  reload: () => void;
}

const PAGE_SIZE = 50;
const NO_FILTERS: Filters = {};

export function usePagedList<T>(
  fetchPage: FetchPage<T>,
  q: string,
  filters: Filters = NO_FILTERS,
): PagedList<T> {
  const [status, setStatus] = useState<PagedList<T>['status']>('loading');
  const [items, setItems] = useState<T[]>([]);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const controllerRef = useRef<AbortController | null>(null);
  const filterKey = JSON.stringify(filters);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the same search; `filterKey` stands for the filters.
  useEffect(() => {
    const controller = new AbortController();
    controllerRef.current?.abort();
    controllerRef.current = controller;
    setStatus('loading');
    setItems([]);
    setNextCursor(null);
    setMoreError(null);
    setLoadingMore(false);
    fetchRef.current({ q, limit: PAGE_SIZE, filters: filtersRef.current }, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems(page.items);
        setAsOf(page.asOf ?? null);
        setNextCursor(page.nextCursor);
        setStatus('ready');
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(cause);
        setStatus('error');
      },
    );
    return () => controller.abort();
  }, [q, filterKey, attempt]);

  const loadMore = useCallback(() => {
    const controller = controllerRef.current;
    if (!controller || !nextCursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    fetchRef
      .current(
        { q, limit: PAGE_SIZE, cursor: nextCursor, filters: filtersRef.current },
        controller.signal,
      )
      .then(
        (page) => {
          if (controller.signal.aborted) return;
          setItems((current) => [...current, ...page.items]);
          setNextCursor(page.nextCursor);
          setLoadingMore(false);
        },
        (cause: unknown) => {
          if (controller.signal.aborted) return;
          setMoreError(cause);
          setLoadingMore(false);
        },
      );
  }, [q, nextCursor, loadingMore]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { status, items, asOf, nextCursor, error, loadingMore, moreError, loadMore, reload };
}
