import type { InstrumentSummary } from '@acompana/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { diffVersions } from './api.ts';

// "What changed" between two versions of an instrument, by desempeño/item code.

const show = (value: unknown) =>
  typeof value === 'string' ? value : JSON.stringify(value, null, 1);

function Changes({ instrumentId, from, to }: { instrumentId: string; from: string; to: string }) {
  const { t } = useTranslation();
  const data = useApiData(`diff-${from}-${to}`, (signal) =>
    diffVersions(instrumentId, from, to, signal),
  );
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorNotice error={data.error} onRetry={data.reload} />;
  if (data.data.changes.length === 0)
    return <p className="empty">{t('instruments.designer.diffNone')}</p>;
  return (
    <ul className="plain-list">
      {data.data.changes.map((c) => (
        <li key={`${c.kind}-${c.path}`}>
          <strong>{t(`instruments.designer.diffKinds.${c.kind}`)}</strong> <code>{c.path}</code>
          {c.kind === 'moved' ? (
            <span>
              {' '}
              {t('instruments.designer.diffMoved', { before: c.before, after: c.after })}
            </span>
          ) : null}
          {c.kind === 'changed' || c.kind === 'removed' ? (
            <p className="field__hint">
              {t('instruments.designer.diffBefore')}: {show(c.before)}
            </p>
          ) : null}
          {c.kind === 'changed' || c.kind === 'added' ? (
            <p>
              {t('instruments.designer.diffAfter')}: {show(c.after)}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function DiffView({ instrument }: { instrument: InstrumentSummary }) {
  const { t } = useTranslation();
  const id = useId();
  const versions = instrument.versions;
  const [from, setFrom] = useState(versions[1]?.id ?? '');
  const [to, setTo] = useState(versions[0]?.id ?? '');
  const [shown, setShown] = useState<{ from: string; to: string } | null>(null);
  if (versions.length < 2) return null;
  const options = versions.map((v) => (
    <option key={v.id} value={v.id}>
      {t('instruments.versionLabel', { n: v.version })} ({t(`instruments.status.${v.status}`)})
    </option>
  ));
  return (
    <section className="section" aria-labelledby={`${id}-diff`}>
      <h2 id={`${id}-diff`}>{t('instruments.designer.diff')}</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          setShown({ from, to });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('instruments.designer.diffFrom')}</label>
          <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
            {options}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('instruments.designer.diffTo')}</label>
          <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
            {options}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('instruments.designer.diffShow')}
        </button>
      </form>
      {shown ? <Changes instrumentId={instrument.id} from={shown.from} to={shown.to} /> : null}
    </section>
  );
}
