import { limaToday, type UgelActivity, type UgelActivityOptions } from '@acompana/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { SelectField, TextareaField, TextField } from '../../ui/Field.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { SegmentedControl } from '../../ui/SegmentedControl.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { putUgelActivity } from './api.ts';
import {
  addInvitees,
  draftOf,
  draftProblems,
  newDraft,
  type PickBy,
  teachersBy,
  UGEL_ACTIVITY_TYPES,
  type UgelDraft,
  writeOf,
} from './ugel-form.ts';

// The specialist's taller or jornada: venue among the UGEL's schools, dates and times, theme,
// agenda, and invitees picked by school, network or a coach's caseload. The form shows the
// problems the server would refuse (ugel-form.ts) on their fields before sending; what only
// the server knows (a version changed meanwhile) comes back as its Spanish message.

interface Props {
  options: UgelActivityOptions;
  /** The activity edited; null for a new one. */
  stored: UgelActivity | null;
  onDone: (saved: boolean) => void;
}

export function UgelActivityForm({ options, stored, onDone }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const [draft, setDraft] = useState<UgelDraft>(() =>
    stored ? draftOf(stored) : newDraft(options, limaToday()),
  );
  const [by, setBy] = useState<PickBy>('school');
  const [pickId, setPickId] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof UgelDraft>(key: K, value: UgelDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const problems = draftProblems(draft, options);
  const problem = (key: keyof UgelDraft) => {
    const code = problems[key];
    return tried && code ? t(`ugelActivities.problems.${code}`) : undefined;
  };
  const picked = teachersBy(options, by, pickId);
  const names = new Map(options.teachers.map((x) => [x.id, x.displayName]));
  const pickList = {
    school: options.schools,
    network: options.networks,
    coach: options.coaches.map((c) => ({ id: c.id, name: c.displayName })),
  }[by];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setError(null);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    try {
      await putUgelActivity(stored?.id ?? crypto.randomUUID(), writeOf(draft, stored));
      toast(t('ugelActivities.form.saved'));
      onDone(true);
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <PageHeading
        title={
          stored
            ? t('ugelActivities.form.editTitle', { theme: stored.activity.theme })
            : t('ugelActivities.form.newTitle')
        }
      />
      <SegmentedControl<UgelDraft['type']>
        label={t('ugelActivities.form.type')}
        options={UGEL_ACTIVITY_TYPES.map((k) => ({ value: k, label: t(`activityTypes.${k}`) }))}
        value={draft.type}
        onChange={(v) => set('type', v)}
      />
      <SelectField
        id="ugel-intervention"
        label={t('ugelActivities.form.intervention')}
        value={draft.interventionCode}
        error={problem('interventionCode')}
        onChange={(e) => set('interventionCode', e.target.value)}
      >
        {options.interventions.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </SelectField>
      <TextField
        id="ugel-theme"
        label={t('ugelActivities.form.theme')}
        value={draft.theme}
        error={problem('theme')}
        onChange={(e) => set('theme', e.target.value)}
        required
      />
      <SelectField
        id="ugel-school"
        label={t('ugelActivities.form.school')}
        value={draft.schoolId}
        error={problem('schoolId')}
        onChange={(e) => set('schoolId', e.target.value)}
        required
      >
        <option value="">{t('ugelActivities.form.chooseSchool')}</option>
        {options.schools.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="ugel-place"
        label={t('ugelActivities.form.place')}
        value={draft.place}
        onChange={(e) => set('place', e.target.value)}
      />
      <TextField
        id="ugel-start"
        type="date"
        label={t('ugelActivities.form.startDate')}
        value={draft.startDate}
        error={problem('startDate')}
        onChange={(e) => set('startDate', e.target.value)}
        required
      />
      {draft.type === 'taller' ? (
        <TextField
          id="ugel-end"
          type="date"
          label={t('ugelActivities.form.endDate')}
          value={draft.endDate}
          error={problem('endDate')}
          onChange={(e) => set('endDate', e.target.value)}
        />
      ) : null}
      <TextField
        id="ugel-start-time"
        type="time"
        label={t('ugelActivities.form.startTime')}
        value={draft.startTime}
        onChange={(e) => set('startTime', e.target.value)}
      />
      <TextField
        id="ugel-end-time"
        type="time"
        label={t('ugelActivities.form.endTime')}
        value={draft.endTime}
        error={problem('endTime')}
        onChange={(e) => set('endTime', e.target.value)}
      />
      <TextareaField
        id="ugel-agenda"
        label={t('ugelActivities.form.agenda')}
        hint={t('ugelActivities.form.agendaHint')}
        rows={5}
        value={draft.agenda}
        onChange={(e) => set('agenda', e.target.value)}
      />
      <SegmentedControl<PickBy>
        label={t('ugelActivities.form.pickBy')}
        options={(['school', 'network', 'coach'] as const).map((k) => ({
          value: k,
          label: t(`ugelActivities.form.by.${k}`),
        }))}
        value={by}
        onChange={(v) => {
          setBy(v);
          setPickId('');
        }}
      />
      <SelectField
        id="ugel-pick"
        label={t(`ugelActivities.form.by.${by}`)}
        value={pickId}
        onChange={(e) => setPickId(e.target.value)}
      >
        <option value="">{t('ugelActivities.form.choose')}</option>
        {pickList.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
      </SelectField>
      <p>
        <Button
          type="button"
          variant="secondary"
          disabled={picked.length === 0}
          onClick={() => set('inviteeIds', addInvitees(draft.inviteeIds, picked))}
        >
          {t('ugelActivities.form.add', { count: picked.length })}
        </Button>
      </p>
      <CheckboxGroup<string>
        legend={t('ugelActivities.form.invitees', { count: draft.inviteeIds.length })}
        hint={problem('inviteeIds')}
        options={draft.inviteeIds.map((id) => ({ value: id, label: names.get(id) ?? id }))}
        value={draft.inviteeIds}
        onChange={(ids) => set('inviteeIds', ids)}
      />
      <SelectField
        id="ugel-status"
        label={t('ugelActivities.form.status')}
        value={draft.status}
        error={problem('status')}
        onChange={(e) => set('status', e.target.value as UgelDraft['status'])}
      >
        {(['planned', 'done', 'cancelled'] as const).map((s) => (
          <option key={s} value={s}>
            {t(`activities.statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      {error ? <ErrorNotice error={error} /> : null}
      <Button type="submit" block loading={saving} loadingLabel={t('ugelActivities.form.saving')}>
        {t('ugelActivities.form.save')}
      </Button>
      <Button type="button" variant="quiet" block onClick={() => onDone(false)}>
        {t('ugelActivities.form.cancel')}
      </Button>
    </form>
  );
}
