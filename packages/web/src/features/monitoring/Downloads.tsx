import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/Button.tsx';
import { IconDownload } from '../../ui/icons.ts';
import { type MonitorQuery, reportUrl } from './query.ts';
import type { ReportKind } from './types.ts';

// «Descargar»: the same table (all pages, the total last, «< 5» included) streamed by the
// server as a file, with exactly the query on screen. A plain link: the browser downloads it.

/** The formats the server streams per report (docs/REPORTS.md «Downloads»). */
export const DOWNLOADS: Record<ReportKind, ('csv' | 'xlsx')[]> = {
  compliance: ['csv', 'xlsx'],
  coverage: ['csv', 'xlsx'],
  progress: ['csv', 'xlsx'],
};

export function Downloads({ query }: { query: MonitorQuery }) {
  const { t } = useTranslation();
  const formats = DOWNLOADS[query.report];
  if (formats.length === 0) return null;
  return (
    <section className="section" aria-labelledby="descargar">
      <h2 id="descargar">{t('monitoring.download.title')}</h2>
      <p>{t('monitoring.download.hint')}</p>
      <div className="button-row">
        {formats.map((format) => (
          <ButtonLink
            key={format}
            to={reportUrl(query, format)}
            reloadDocument
            download
            variant="secondary"
            icon={IconDownload}
          >
            {t(`monitoring.download.${format}`)}
          </ButtonLink>
        ))}
      </div>
    </section>
  );
}
