import { limaToday, MODELLING_KINDS } from '@acompana/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { useRecords, useSaveRecord } from '../../offline/hooks.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField, TextareaField, TextField } from '../../ui/Field.tsx';
import { IconNotebook } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { DesempenoSelect, useDesempenoName } from './Desempenos.tsx';
import { PendingBadge, SaveError } from './parts.tsx';

// Modelling as first-class records (demonstration lesson, shared lesson, co-planning, analysis
// of student work, use of teaching units): on a visit, or on their own from the teacher's
// page, where the coach may still link one to a visit.

type Kind = (typeof MODELLING_KINDS)[number];

function AddModelling({
  teacherId,
  schoolId,
  visitId,
  visitOptions,
}: {
  teacherId: string;
  schoolId: string;
  visitId: string | null;
  visitOptions: { id: string; label: string }[];
}) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const toast = useToast();
  const base = useId();
  const [kind, setKind] = useState<Kind>('demonstration_lesson');
  const [date, setDate] = useState(() => limaToday());
  const [desempeno, setDesempeno] = useState('');
  const [notes, setNotes] = useState('');
  const [linked, setLinked] = useState(visitId ?? '');
  const [error, setError] = useState<unknown>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await save('modelling', null, {
        teacherId,
        schoolId,
        visitId: visitId ?? (linked || null),
        kind,
        date,
        desempeno: desempeno || null,
        notes: notes.trim(),
      });
      toast(t('cycle.modellingSaved'));
      // Clear only what was sent (the list may show it before the save resolves).
      const sent = { desempeno, notes };
      setDesempeno((current) => (current === sent.desempeno ? '' : current));
      setNotes((current) => (current === sent.notes ? '' : current));
    } catch (cause) {
      setError(cause);
    }
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`}>{t('cycle.addModelling')}</h3>
      <SelectField
        id={`${base}-kind`}
        label={t('cycle.modellingKind')}
        value={kind}
        onChange={(event) => setKind(event.target.value as Kind)}
      >
        {MODELLING_KINDS.map((code) => (
          <option key={code} value={code}>
            {t(`cycle.modellingKinds.${code}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${base}-date`}
        label={t('cycle.modellingDate')}
        type="date"
        value={date}
        onChange={(event) => setDate(event.target.value)}
      />
      {visitId === null && visitOptions.length > 0 ? (
        <SelectField
          id={`${base}-visit`}
          label={t('cycle.linkedVisit')}
          value={linked}
          onChange={(event) => setLinked(event.target.value)}
        >
          <option value="">{t('cycle.noVisit')}</option>
          {visitOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </SelectField>
      ) : null}
      <DesempenoSelect
        id={`${base}-desempeno`}
        label={t('cycle.modellingDesempeno')}
        value={desempeno}
        onChange={setDesempeno}
      />
      <TextareaField
        id={`${base}-notes`}
        label={t('cycle.modellingNotes')}
        rows={3}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
      />
      <SaveError error={error} />
      <Button type="submit" variant="secondary">
        {t('cycle.addModelling')}
      </Button>
    </form>
  );
}

export function ModellingSection({
  teacherId,
  schoolId,
  visitId,
  asCoach,
}: {
  teacherId: string;
  schoolId: string;
  visitId: string | null;
  asCoach: boolean;
}) {
  const { t } = useTranslation();
  const all = useRecords('modelling', visitId ? { visitId } : { teacherId });
  const name = useDesempenoName();
  const visits = useRecords('visit', { teacherId });
  const items = [...(all ?? [])].sort((a, b) => b.data.date.localeCompare(a.data.date));
  const visitOptions = [...(visits ?? [])]
    .filter((v) => v.data.status !== 'cancelled')
    .sort((a, b) => b.data.plannedDate.localeCompare(a.data.plannedDate))
    .map((v) => ({ id: v.id, label: formatDate(v.data.plannedDate) }));
  return (
    <section className="section" aria-labelledby={`modelado-${visitId ?? teacherId}`}>
      <h2 id={`modelado-${visitId ?? teacherId}`}>{t('cycle.modelling')}</h2>
      <p className="field__hint">{t('cycle.modellingHint')}</p>
      {all === undefined ? <Skeleton lines={2} /> : null}
      {all && items.length === 0 ? <EmptyState title={t('cycle.noModelling')} /> : null}
      {items.length ? (
        <List labelledBy={`modelado-${visitId ?? teacherId}`}>
          {items.map((record) => (
            <ListItem
              key={record.id}
              icon={IconNotebook}
              title={t(`cycle.modellingKinds.${record.data.kind}`)}
              secondary={
                [name(record.data.desempeno), record.data.notes].filter(Boolean).join(' · ') ||
                undefined
              }
              meta={formatDate(record.data.date)}
              badge={<PendingBadge id={record.id} />}
            />
          ))}
        </List>
      ) : null}
      {asCoach && schoolId ? (
        <AddModelling
          teacherId={teacherId}
          schoolId={schoolId}
          visitId={visitId}
          visitOptions={visitOptions}
        />
      ) : null}
    </section>
  );
}
