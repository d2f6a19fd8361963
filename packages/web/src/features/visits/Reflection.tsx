import type { ReflectionRecord } from '@acompana/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalRecord } from '../../offline/db.ts';
import { useRecords, useSaveRecord } from '../../offline/hooks.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { TextareaField } from '../../ui/Field.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { PendingBadge, SaveError } from './parts.tsx';

// The teacher's own reflection on a visit: teacher-owned (they write it in their space), read
// by their coach on the same visit page, read-only (the coach's device pulls it with the visit).

type Reflection = LocalRecord<ReflectionRecord>;

/** The teacher's line breaks, kept as paragraphs. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function useReflection(visitId: string, teacherId: string): Reflection | null | undefined {
  const reflections = useRecords('reflection', { visitId });
  if (reflections === undefined) return undefined;
  return reflections.find((record) => record.data.teacherId === teacherId) ?? null;
}

/** What the coach sees: the teacher's words, or that there are none yet. */
export function ReflectionReadOnly({
  reflection,
  teacherName,
}: {
  reflection: Reflection | null | undefined;
  teacherName: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="reflexion-docente">
      <h2 id="reflexion-docente">
        {teacherName
          ? t('reflections.teacherTitleNamed', { name: teacherName })
          : t('reflections.teacherTitle')}
      </h2>
      {reflection === undefined ? (
        <Skeleton lines={2} />
      ) : reflection === null || reflection.data.text.trim() === '' ? (
        <EmptyState title={t('reflections.none')}>{t('reflections.noneHint')}</EmptyState>
      ) : (
        <Card as="div">
          {paragraphs(reflection.data.text).map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one fixed text
            <p key={i}>{line}</p>
          ))}
        </Card>
      )}
    </section>
  );
}

export function CoachReflection({
  visitId,
  teacherId,
  teacherName,
}: {
  visitId: string;
  teacherId: string;
  teacherName: string;
}) {
  const reflection = useReflection(visitId, teacherId);
  return <ReflectionReadOnly reflection={reflection} teacherName={teacherName} />;
}

/** What the teacher sees: their own reflection, editable, with a confirmation when saved. */
export function ReflectionSection({ visitId, teacherId }: { visitId: string; teacherId: string }) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const toast = useToast();
  const mine = useReflection(visitId, teacherId);
  const [text, setText] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // The stored text fills the box once; after that the box is the person's.
  useEffect(() => {
    if (mine && text === null) setText(mine.data.text);
  }, [mine, text]);

  return (
    <section className="section" aria-labelledby="mi-reflexion">
      <h2 id="mi-reflexion">
        {t('reflections.title')} {mine ? <PendingBadge id={mine.id} /> : null}
      </h2>
      <form
        className="form"
        onSubmit={async (event) => {
          event.preventDefault();
          setError(null);
          setSaving(true);
          try {
            await save('reflection', mine?.id ?? null, { visitId, teacherId, text: text ?? '' });
            toast(t('reflections.saved'));
          } catch (cause) {
            setError(cause);
          } finally {
            setSaving(false);
          }
        }}
      >
        <TextareaField
          label={t('reflections.text')}
          id="reflection-text"
          rows={5}
          value={text ?? ''}
          onChange={(event) => setText(event.target.value)}
        />
        <SaveError error={error} />
        <Button type="submit" loading={saving}>
          {t('reflections.save')}
        </Button>
      </form>
    </section>
  );
}
