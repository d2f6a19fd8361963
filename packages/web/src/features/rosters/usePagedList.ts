import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListQuery, Page } from '../../app/api/endpoints.ts';

// Cursor pagination for a list screen: the first page is reloaded when the search changes,
// "Cargar más" appends the next one. Stale answers (an older search) are dropped.

export type FetchPage<T> = (query: ListQuery, signal: AbortSignal) => Promise<Page<T>>;

export interface PagedList<T> {
  status: 'loading' | 'ready' | 'error';
  items: T[];
  nextCursor: string | null;
  error: unknown;
  loadingMore: boolean;
  moreError: unknown;
  loadMore: () => void;
  reload: () => void;
}

const PAGE_SIZE = 50;

export function usePagedList<T>(fetchPage: FetchPage<T>, q: string): PagedList<T> {
  const [status, setStatus] = useState<PagedList<T>['status']>('loading');
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const controllerRef = useRef<AbortController | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the same search.
  useEffect(() => {
    const controller = new AbortController();
    controllerRef.current?.abort();
    controllerRef.current = controller;
    setStatus('loading');
    setItems([]);
    setNextCursor(null);
    setMoreError(null);
    setLoadingMore(false);
    fetchRef.current({ q, limit: PAGE_SIZE }, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        setItems(page.items);
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
  }, [q, attempt]);

  const loadMore = useCallback(() => {
    const controller = controllerRef.current;
    if (!controller || !nextCursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    fetchRef.current({ q, limit: PAGE_SIZE, cursor: nextCursor }, controller.signal).then(
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

  return { status, items, nextCursor, error, loadingMore, moreError, loadMore, reload };
}
