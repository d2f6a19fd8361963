import { type InstrumentDefinition, parseDefinition, type VersionDetail } from '@acompana/core';
import { type ReactNode, useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from '../../app/router.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Field, TextField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { useToast } from '../../ui/Toast.tsx';
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
  const toast = useToast();
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
    try {
      await saveDraft(version.instrumentId, version.id, JSON.parse(text), note);
      toast(t('instruments.designer.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="form">
        <TextField
          label={t('instruments.changeNote')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <Field
          label={t('instruments.designer.definition')}
          hint={t('instruments.designer.definitionHint')}
        >
          {(control) => (
            <textarea
              {...control}
              className="input--code"
              spellCheck={false}
              value={text}
              aria-describedby={`${control['aria-describedby']} ${id}-check`}
              aria-invalid={!result.ok || undefined}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div id={`${id}-check`} aria-live="polite">
        {result.ok ? (
          <Notice tone="success" live={false}>
            {t('instruments.designer.valid')}
          </Notice>
        ) : (
          <IssueList issues={result.issues} />
        )}
      </div>
      <div className="button-row">
        <Button
          onClick={() => void save()}
          disabled={!result.ok}
          loading={busy}
          loadingLabel={t('instruments.designer.saving')}
        >
          {t('instruments.designer.save')}
        </Button>
        <ButtonLink variant="secondary" to={`/instrumentos/${version.instrumentId}`}>
          {t('instruments.back')}
        </ButtonLink>
      </div>
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
