import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client.ts';
import { Notice } from '../../ui/Notice.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';

// Refusals of a definition (designer save, JSON import) name the exact path and the reason.

export interface PathIssue {
  path: string;
  message: string;
}

export function issuesOf(error: unknown): PathIssue[] | null {
  if (!(error instanceof ApiError) || error.code !== 'INSTRUMENT_DEFINITION_INVALID') return null;
  const fields = error.details?.fields;
  if (!Array.isArray(fields)) return null;
  return fields.filter(
    (f): f is PathIssue => typeof f?.path === 'string' && typeof f?.message === 'string',
  );
}

export function IssueList({ issues }: { issues: PathIssue[] }) {
  const { t } = useTranslation();
  return (
    <Notice tone="error">
      <p>{t('instruments.designer.invalid')}</p>
      <ul className="issues">
        {issues.map((i) => (
          <li key={`${i.path}-${i.message}`}>
            <code>{i.path}</code> — {i.message}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

export function SaveError({ error }: { error: unknown }) {
  const issues = issuesOf(error);
  return issues ? <IssueList issues={issues} /> : <ErrorNotice error={error} />;
}
