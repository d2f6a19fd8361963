import {
  type Answers,
  type DefinitionIssue,
  emptyAnswers,
  type VersionDetail,
  validateResponse,
} from '@acompana/core';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from '../../app/router.tsx';
import { useMe } from '../../app/session/SessionContext.tsx';
import { useSaveRecord } from '../../offline/hooks.ts';
import { useOffline } from '../../offline/OfflineProvider.tsx';
import { BackLink } from '../../ui/BackLink.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { FormAlert, Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { getVersion } from './api.ts';
import { Autosaver, type SaveStatus } from './autosave.ts';
import { cachedVersion, cacheVersions, getResponse } from './local.ts';
import { RecordList } from './RecordList.tsx';
import { timeOf } from './renderer/format.ts';
import { InstrumentForm } from './renderer/index.ts';
import { type FieldData, useFieldData } from './useFieldData.ts';

// A coach picks a teacher of their caseload and an instrument and fills it, online or not.
// Answers are saved on the device as a draft shortly after each change (and on demand); the
// record names the exact published version it was filled with. The coaching-cycle issue embeds
// this in the visit.

const AUTOSAVE_MS = 800;

interface Session {
  /** Stable per started form, so saving the first time does not remount it. */
  serial: number;
  recordId: string | null;
  teacherId: string;
  /** The visit the record belongs to (null: filled on its own). */
  visitId: string | null;
  version: VersionDetail;
}

function Filler({
  data,
  session,
  initial,
  onSaved,
}: {
  data: FieldData;
  session: Session;
  initial: Answers;
  onSaved: (recordId: string) => void;
}) {
  const { t } = useTranslation();
  const saveRecord = useSaveRecord();
  const { nudge } = useOffline();
  const [answers, setAnswers] = useState<Answers>(initial);
  const [issues, setIssues] = useState<DefinitionIssue[]>([]);
  // Autosaves are said quietly beside the buttons; an explicit save is confirmed by a toast.
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);
  const toast = useToast();
  const recordId = useRef(session.recordId);
  const mounted = useRef(true);
  const teacher = data.teachers.find((x) => x.id === session.teacherId);

  const save = useCallback(
    async (status: SaveStatus, value: Answers, auto = false) => {
      try {
        const saved = await saveRecord(
          'instrument_response',
          recordId.current,
          {
            visitId: session.visitId,
            teacherId: session.teacherId,
            instrumentVersionId: session.version.id,
            status,
            answers: value as unknown as Record<string, unknown>,
          },
          // Autosaved drafts coalesce on the device; an explicit save or leaving syncs.
          { sync: !auto },
        );
        const first = !recordId.current;
        recordId.current = saved.id;
        // A draft written while leaving the form must not reopen it.
        if (!mounted.current) return;
        if (first) onSaved(saved.id);
        const time = timeOf(saved.updatedAt);
        const text =
          status === 'complete'
            ? t('instruments.fillPage.savedComplete', { time })
            : t('instruments.fillPage.savedDraft', { time });
        setFailed(false);
        if (auto) setMessage(text);
        else {
          setMessage('');
          toast(text);
        }
      } catch {
        if (mounted.current) setFailed(true);
      }
    },
    [saveRecord, session, onSaved, t, toast],
  );

  // Every write goes through one Autosaver: an explicit save cancels the waiting draft and
  // waits for a write under way (autosave.ts). `saveRef` keeps it calling the latest `save`.
  const saveRef = useRef(save);
  saveRef.current = save;
  const [saver] = useState(
    () =>
      new Autosaver<Answers>(
        (status, value, auto) => saveRef.current(status, value, auto),
        AUTOSAVE_MS,
      ),
  );
  useEffect(() => {
    // Nothing to save until the person changes something.
    if (answers !== initial) saver.schedule(answers);
  }, [answers, initial, saver]);
  // Leaving the form keeps what was typed in the last moment.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // Autosaved drafts wait on the device; leaving the form sends them.
      void saver.flush().then(nudge);
    };
  }, [saver, nudge]);

  const complete = async () => {
    const result = validateResponse(session.version.definition, answers, {
      complete: true,
      rubric: data.rubric ?? undefined,
    });
    setIssues(result.ok ? [] : result.issues);
    if (result.ok) await saver.saveNow('complete', answers);
  };

  return (
    <>
      {session.visitId ? (
        <BackLink to={`/visitas/${session.visitId}`}>{t('cycle.backToVisit')}</BackLink>
      ) : null}
      <Card as="div">
        <p>
          <strong>
            {t('instruments.fillPage.forTeacher', { name: teacher?.displayName ?? '' })}
          </strong>
        </p>
        <p className="field__hint">
          {t('instruments.versionOf', {
            name: session.version.instrumentName,
            n: session.version.version,
          })}
        </p>
      </Card>
      <InstrumentForm
        definition={session.version.definition}
        answers={answers}
        setAnswers={setAnswers}
        rubric={data.rubric}
      />
      {issues.length > 0 ? (
        <Notice tone="error">
          <p>{t('instruments.fillPage.incomplete')}</p>
          <ul className="issues">
            {issues.map((i) => (
              <li key={i.path}>{i.message}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <div className="button-row">
        <Button variant="secondary" onClick={() => void saver.saveNow('draft', answers)}>
          {t('instruments.fillPage.saveDraft')}
        </Button>
        <Button onClick={() => void complete()}>{t('instruments.fillPage.complete')}</Button>
      </div>
      <p role="status" className="form__status field__hint">
        {message}
      </p>
      <FormAlert message={failed ? t('instruments.fillPage.saveFailed') : null} />
    </>
  );
}

function Setup({ data, onStart }: { data: FieldData; onStart: (s: Session) => void }) {
  const { t } = useTranslation();
  const [teacherId, setTeacherId] = useState('');
  const [versionId, setVersionId] = useState('');
  if (data.teachers.length === 0)
    return <EmptyState title={t('instruments.fillPage.noTeachers')} />;
  const version = data.versions.find((v) => v.id === versionId);
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (teacherId && version)
          onStart({ serial: Date.now(), recordId: null, teacherId, visitId: null, version });
      }}
    >
      <SelectField
        label={t('instruments.fillPage.teacher')}
        value={teacherId}
        onChange={(e) => setTeacherId(e.target.value)}
      >
        <option value="">{t('instruments.fillPage.chooseTeacher')}</option>
        {data.teachers.map((x) => (
          <option key={x.id} value={x.id}>
            {x.displayName}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('instruments.fillPage.instrument')}
        value={versionId}
        onChange={(e) => setVersionId(e.target.value)}
      >
        <option value="">{t('instruments.fillPage.chooseInstrument')}</option>
        {data.versions.map((v) => (
          <option key={v.id} value={v.id}>
            {t('instruments.versionOf', { name: v.instrumentName, n: v.version })}
          </option>
        ))}
      </SelectField>
      <Button type="submit" block disabled={!teacherId || !version}>
        {t('instruments.fillPage.start')}
      </Button>
    </form>
  );
}

export default function FillPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { db } = useOffline();
  const state = useFieldData(db, me.person.id);
  const [params, setParams] = useSearchParams();
  const [session, setSession] = useState<{ s: Session; answers: Answers } | null>(null);
  const recordParam = params.get('registro');
  const loaded = useRef<string | null>(null);
  const onSaved = useCallback(
    (recordId: string) => {
      loaded.current = recordId;
      setSession((prev) => (prev ? { ...prev, s: { ...prev.s, recordId } } : prev));
      setParams({ registro: recordId }, { replace: true });
    },
    [setParams],
  );

  // Continue a record saved on this device (its own version, even if a newer one exists).
  // `loaded` remembers the record param already handled, so "Nuevo registro" (which clears
  // the param a moment later) does not reopen the record.
  useEffect(() => {
    if (!recordParam || state.status !== 'ready' || loaded.current === recordParam) return;
    loaded.current = recordParam;
    void getResponse(db, recordParam).then(async (record) => {
      if (!record) return;
      const versionId = record.data.instrumentVersionId;
      let version = await cachedVersion(db, versionId);
      if (!version) {
        version = await getVersion(versionId);
        await cacheVersions(db, [version]);
      }
      setSession({
        s: {
          serial: Date.now(),
          recordId: record.id,
          teacherId: record.data.teacherId,
          visitId: record.data.visitId,
          version,
        },
        answers: record.data.answers as unknown as Answers,
      });
    });
  }, [recordParam, state.status, db]);

  // Started from a visit ("Llenar rúbrica"): the visit's teacher and the version it names.
  const visitParam = params.get('visita');
  const versionParam = params.get('version');
  useEffect(() => {
    if (!visitParam || !versionParam || state.status !== 'ready') return;
    const key = `${visitParam}:${versionParam}`;
    if (loaded.current === key) return;
    loaded.current = key;
    void Promise.all([db.records.get(['visit', visitParam]), cachedVersion(db, versionParam)]).then(
      ([visit, version]) => {
        const teacherId = (visit?.data as { teacherId?: string } | undefined)?.teacherId;
        if (!visit || !version || !teacherId) return;
        setSession({
          s: { serial: Date.now(), recordId: null, teacherId, visitId: visit.id, version },
          answers: emptyAnswers(version.definition),
        });
      },
    );
  }, [visitParam, versionParam, state.status, db]);

  let body: ReactNode;
  if (state.status === 'loading') body = <Loading />;
  else if (state.status === 'error') body = <ErrorNotice error={state.error} />;
  else if (session)
    body = (
      <Filler
        key={session.s.serial}
        data={state.data}
        session={session.s}
        initial={session.answers}
        onSaved={onSaved}
      />
    );
  else
    body = (
      <Setup
        data={state.data}
        onStart={(s) => setSession({ s, answers: emptyAnswers(s.version.definition) })}
      />
    );

  return (
    <>
      <PageHeading title={t('instruments.fillPage.title')} />
      {state.status === 'ready' ? (
        <Notice live={false}>
          {state.data.offline
            ? t('instruments.fillPage.offlineOnly')
            : t('instruments.fillPage.offlineReady')}
        </Notice>
      ) : null}
      {body}
      {session ? (
        <p>
          <Button
            variant="secondary"
            onClick={() => {
              setSession(null);
              setParams({}, { replace: true });
            }}
          >
            {t('instruments.fillPage.newRecord')}
          </Button>
        </p>
      ) : null}
      {/* The device's records only while no form is open: every autosave would otherwise make
          the list re-read and regroup a year of records under the person's thumb. */}
      {state.status === 'ready' && !session ? (
        <RecordList db={db} teachers={state.data.teachers} />
      ) : null}
    </>
  );
}
