import { type InstrumentDefinition, parseDefinition, type VersionDetail } from '@acompana/core';
import { type ReactNode, useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { getVersion, saveDraft } from './api.ts';
import { IssueList, type PathIssue, SaveError } from './DefinitionIssues.tsx';
import { Preview } from './Preview.tsx';

// The draft editor of equipo MINEDU: the definition as JSON, validated while typing with the
// same schema the server uses (exact path + Spanish reason), and the coach's preview of the
// last valid definition. Published versions never reach this screen's save (the server refuses).

type Check = { ok: true; definition: InstrumentDefinition } | { ok: false; issues: PathIssue[] };

function check(text: string, t: (key: string, o?: Record<string, unknown>) => string): Check {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          path: '(JSON)',
          message: t('instruments.designer.jsonError', { message: (e as Error).message }),
        },
      ],
    };
  }
  const parsed = parseDefinition(json);
  return parsed.ok ? { ok: true, definition: parsed.value } : { ok: false, issues: parsed.issues };
}

function Editor({ version }: { version: VersionDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(version.definition, null, 2));
  const [note, setNote] = useState(version.changeNote);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Validation and preview follow the text without blocking typing in a long definition.
  const deferred = useDeferredValue(text);
  const result = useMemo(() => check(deferred, t as never), [deferred, t]);
  // The preview shows the last valid definition (a half-typed one keeps the previous preview).
  const [lastValid, setLastValid] = useState({ definition: version.definition, n: 0 });
  if (result.ok && result.definition !== lastValid.definition)
    setLastValid({ definition: result.definition, n: lastValid.n + 1 });

  const save = async () => {
    if (!result.ok) return;
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      await saveDraft(version.instrumentId, version.id, JSON.parse(text), note);
      setMessage(t('instruments.designer.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('instruments.changeNote')}</label>
        <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-json`}>{t('instruments.designer.definition')}</label>
        <textarea
          id={`${id}-json`}
          className="json-editor"
          spellCheck={false}
          value={text}
          aria-describedby={`${id}-hint ${id}-check`}
          aria-invalid={!result.ok}
          onChange={(e) => setText(e.target.value)}
        />
        <p id={`${id}-hint`} className="field__hint">
          {t('instruments.designer.definitionHint')}
        </p>
      </div>
      <div id={`${id}-check`} aria-live="polite">
        {result.ok ? (
          <p className="notice notice--info">{t('instruments.designer.valid')}</p>
        ) : (
          <IssueList issues={result.issues} />
        )}
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void save()}
          disabled={!result.ok || busy}
        >
          {busy ? t('instruments.designer.saving') : t('instruments.designer.save')}
        </button>
        <Link className="button button--secondary" to={`/instrumentos/${version.instrumentId}`}>
          {t('instruments.back')}
        </Link>
      </div>
      <p role="status" className="form__status">
        {message}
      </p>
      {error ? <SaveError error={error} /> : null}
      <section className="section" aria-labelledby={`${id}-preview`}>
        <h2 id={`${id}-preview`}>{t('instruments.designer.preview')}</h2>
        <Preview key={lastValid.n} definition={lastValid.definition} />
      </section>
    </>
  );
}

export default function DraftEditorPage() {
  const { t } = useTranslation();
  const { versionId = '' } = useParams();
  const data = useApiData(`version-${versionId}`, (signal) => getVersion(versionId, signal));
  let body: ReactNode;
  if (data.status === 'loading') body = <Loading />;
  else if (data.status === 'error') body = <ErrorNotice error={data.error} onRetry={data.reload} />;
  else body = <Editor version={data.data} />;
  const name = data.status === 'ready' ? data.data.instrumentName : '';
  return (
    <>
      <PageHeading title={t('instruments.designer.editorTitle', { name })} />
      {body}
    </>
  );
}
