import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router.tsx';
import { PageHeading } from './PageHeading.tsx';
import { ErrorNotice, Loading } from './Status.tsx';
import { useApiData } from './useApiData.ts';

// The frame of a detail page: loads one record by id, shows its name as the heading, and a
// way back to the list. A 404 (not there, or not visible to this person) reads the same.

interface Props<T> {
  id: string;
  load: (id: string, signal: AbortSignal) => Promise<T>;
  listPath: string;
  titleOf: (record: T) => string;
  /** `reload` fetches the record again (after an action on the page changed it). */
  render: (record: T, reload: () => void) => ReactNode;
}

export function DetailPage<T>({ id, load, listPath, titleOf, render }: Props<T>) {
  const { t } = useTranslation();
  const data = useApiData(`${listPath}/${id}`, (signal) => load(id, signal));
  const back = (
    <p className="back-link">
      <Link to={listPath}>{t('rosters.back')}</Link>
    </p>
  );
  if (data.status === 'loading') {
    return (
      <div className="page">
        {back}
        <Loading />
      </div>
    );
  }
  if (data.status === 'error') {
    return (
      <div className="page">
        {back}
        <PageHeading title={t('rosters.unavailable')} />
        <ErrorNotice error={data.error} onRetry={data.reload} />
      </div>
    );
  }
  return (
    <div className="page">
      {back}
      <PageHeading title={titleOf(data.data)} />
      {render(data.data, data.reload)}
    </div>
  );
}
