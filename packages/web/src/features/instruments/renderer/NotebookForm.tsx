import type {
  FieldNote,
  NotebookAnswers,
  NotebookDefinition,
  RubricDefinition,
} from '@acompana/core';
import { memo, useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/Badge.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { CheckboxGroup } from '../../../ui/CheckboxGroup.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { SelectField, TextareaField } from '../../../ui/Field.tsx';
import { IconNotebook } from '../../../ui/icons.ts';
import { timeOf } from './format.ts';
import type { SetAnswers } from './types.ts';

// The field notebook: timestamped notes with the template's tags, optionally answering a guide
// question and linked as evidence to a desempeño (and one of its aspects) of the rubric in use.
// The composer keeps its own state, so typing a note does not re-render the list.

interface ComposerProps {
  definition: NotebookDefinition;
  rubric: RubricDefinition | null;
  onAdd: (note: FieldNote) => void;
}

function Composer({ definition, rubric, onAdd }: ComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [prompt, setPrompt] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [desempeno, setDesempeno] = useState('');
  const [aspect, setAspect] = useState('');
  const aspects = rubric?.desempenos.find((d) => d.code === desempeno)?.aspects ?? [];

  const add = () => {
    if (!text.trim()) return;
    onAdd({
      id: crypto.randomUUID(),
      at: new Date().toISOString(),
      text: text.trim(),
      tags,
      prompt: prompt || null,
      desempeno: desempeno || null,
      aspect: desempeno && aspect ? aspect : null,
    });
    setText('');
    setTags([]);
    setAspect('');
  };

  return (
    <Card>
      <div className="form">
        <SelectField
          label={t('instruments.renderer.notePrompt')}
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
        >
          <option value="">{t('instruments.renderer.noPrompt')}</option>
          {definition.prompts.map((p) => (
            <option key={p.code} value={p.code}>
              {p.text}
            </option>
          ))}
        </SelectField>
        <TextareaField
          label={t('instruments.renderer.noteText')}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <CheckboxGroup
          legend={t('instruments.renderer.noteTags')}
          options={definition.tags.map((tag) => ({ value: tag.code, label: tag.label }))}
          value={tags}
          onChange={setTags}
        />
        {rubric ? (
          <>
            <SelectField
              label={t('instruments.renderer.noteDesempeno')}
              value={desempeno}
              onChange={(e) => {
                setDesempeno(e.target.value);
                setAspect('');
              }}
            >
              <option value="">{t('instruments.renderer.noDesempeno')}</option>
              {rubric.desempenos.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </SelectField>
            {aspects.length > 0 ? (
              <SelectField
                label={t('instruments.renderer.noteAspect')}
                value={aspect}
                onChange={(e) => setAspect(e.target.value)}
              >
                <option value="">{t('instruments.renderer.noAspect')}</option>
                {aspects.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.text}
                  </option>
                ))}
              </SelectField>
            ) : null}
          </>
        ) : null}
        <Button block onClick={add} disabled={!text.trim()}>
          {t('instruments.renderer.addNote')}
        </Button>
      </div>
    </Card>
  );
}

const NoteItem = memo(function NoteItem({
  note,
  definition,
  rubric,
  readOnly,
  onRemove,
}: {
  note: FieldNote;
  definition: NotebookDefinition;
  rubric: RubricDefinition | null;
  readOnly: boolean;
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation();
  const time = timeOf(note.at);
  const d = rubric?.desempenos.find((x) => x.code === note.desempeno);
  const a = d?.aspects.find((x) => x.code === note.aspect);
  const prompt = definition.prompts.find((p) => p.code === note.prompt);
  const tagLabels = note.tags.map((c) => definition.tags.find((x) => x.code === c)?.label ?? c);
  return (
    <Card
      as="li"
      actions={
        readOnly ? null : (
          <Button variant="quiet" onClick={() => onRemove(note.id)}>
            {t('instruments.renderer.removeNote', { time })}
          </Button>
        )
      }
    >
      <p className="field__hint">
        <time dateTime={note.at}>{t('instruments.renderer.noteAt', { time })}</time>
      </p>
      {prompt ? <p className="field__hint">{prompt.text}</p> : null}
      <p>{note.text}</p>
      {tagLabels.length > 0 ? (
        <p className="button-row">
          {tagLabels.map((label) => (
            <Badge key={label} tone="info" icon={false}>
              {label}
            </Badge>
          ))}
        </p>
      ) : null}
      {d || note.desempeno ? (
        <p className="field__hint">
          {d?.name ?? note.desempeno}
          {a ? ` · ${a.text}` : null}
        </p>
      ) : null}
    </Card>
  );
});

interface Props {
  definition: NotebookDefinition;
  answers: NotebookAnswers;
  setAnswers: SetAnswers<NotebookAnswers>;
  readOnly: boolean;
  /** The rubric the notes link to (the one filled in the same visit), if any. */
  rubric: RubricDefinition | null;
}

export function NotebookForm({ definition, answers, setAnswers, readOnly, rubric }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const onAdd = useCallback(
    (note: FieldNote) => setAnswers((prev) => ({ ...prev, notes: [...prev.notes, note] })),
    [setAnswers],
  );
  const onRemove = useCallback(
    (id: string) =>
      setAnswers((prev) => ({ ...prev, notes: prev.notes.filter((n) => n.id !== id) })),
    [setAnswers],
  );
  return (
    <div className="cards">
      {readOnly ? null : <Composer definition={definition} rubric={rubric} onAdd={onAdd} />}
      <section aria-labelledby={`${id}-notes`}>
        <h3 id={`${id}-notes`}>{t('instruments.renderer.notes')}</h3>
        {answers.notes.length === 0 ? (
          <EmptyState title={t('instruments.renderer.noNotes')} icon={IconNotebook} />
        ) : (
          <ol className="cards">
            {answers.notes.map((note) => (
              <NoteItem
                key={note.id}
                note={note}
                definition={definition}
                rubric={rubric}
                readOnly={readOnly}
                onRemove={onRemove}
              />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
