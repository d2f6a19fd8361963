import { agendaTemplate, limaToday } from '@acompana/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/router.tsx';
import { useMe } from '../../app/session/SessionContext.tsx';
import { useMeta, useReference, useSaveRecord } from '../../offline/hooks.ts';
import type { CaseloadTeacher } from '../../offline/reference.ts';
import { bySurname } from '../../offline/reference-order.ts';
import { BackLink } from '../../ui/BackLink.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { IconUsers } from '../../ui/icons.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { SegmentedControl } from '../../ui/SegmentedControl.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { SaveError } from '../visits/parts.tsx';
import { type StoredIntervention, type TargetsByCode, typeOptions } from './types.ts';

// «Nueva actividad»: type, theme, venue, date(s) and the invited teachers of the coach's
// caseload. Only the types the intervention's catalogue uses are offered (plus the
// complementary ones and its own active types); the store checks the same core rules before
// queueing.

export default function NewActivityPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const save = useSaveRecord();
  const toast = useToast();
  const caseload = useReference('teacher');
  const targets = useMeta<TargetsByCode>('screens.targets');
  const interventions = useMeta<StoredIntervention[]>('screens.interventions');
  const [type, setType] = useState('gia');
  const [scope, setScope] = useState<'institucional' | 'interinstitucional'>('institucional');
  const [theme, setTheme] = useState('');
  const [schoolId, setSchoolId] = useState('');
  const [place, setPlace] = useState('');
  const [startDate, setStartDate] = useState(() => limaToday());
  const [endDate, setEndDate] = useState('');
  const [startTime, setStartTime] = useState('15:00');
  // The schedule bounds the hours credited to each day present and the arrivals.
  const [endTime, setEndTime] = useState('17:00');
  const [invitees, setInvitees] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  // What the form still needs, shown on its own control before anything is saved.
  const [missing, setMissing] = useState<{ theme?: boolean; school?: boolean }>({});
  const [saving, setSaving] = useState(false);

  if (caseload === undefined) return <Skeleton lines={6} />;
  const teachers = bySurname(caseload).map((item) => item.data as unknown as CaseloadTeacher);
  const intervention = teachers[0]?.interventionCode ?? '';
  const types = typeOptions(intervention, targets, interventions, (k) => t(`activityTypes.${k}`));
  const schools = [
    ...new Map(teachers.flatMap((x) => x.schools).map((s) => [s.id, s])).values(),
  ].sort((a, b) => a.name.localeCompare(b.name, 'es'));
  const multiDay = type === 'taller';
  const grouped = type === 'gia' || type === 'ria';

  const venue = schoolId || (schools.length === 1 ? (schools[0]?.id ?? '') : '');
  const endTimeError =
    startTime && endTime && endTime <= startTime ? t('activities.form.endTimeBefore') : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const needs = { theme: !theme.trim(), school: !venue };
    setMissing(needs);
    if (needs.theme || needs.school) {
      document.getElementById(needs.theme ? 'activity-theme' : 'activity-school')?.focus();
      return;
    }
    if (endTimeError) return;
    setSaving(true);
    try {
      const activity = await save('activity', null, {
        organiserIds: [me.person.id],
        interventionCode: intervention,
        type,
        scope: grouped ? scope : null,
        schoolId: venue,
        place: place.trim() || null,
        startDate,
        endDate: multiDay && endDate ? endDate : startDate,
        startTime: startTime || null,
        endTime: endTime || null,
        theme,
        desempenos: [],
        // The type's agenda by moments, which the coach edits on the activity page.
        agenda: agendaTemplate(type),
        topics: [],
        agreements: [],
        notes: null,
        inviteeIds: invitees,
        familyCounts:
          type === 'reunion_familias'
            ? { mothers: 0, fathers: 0, relatives: 0, community: 0 }
            : null,
        status: 'planned',
      });
      toast(t('activities.form.saved'));
      navigate(`/actividades/${activity.id}`);
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="page">
      <BackLink to="/actividades">{t('activities.back')}</BackLink>
      <PageHeading title={t('activities.create')} />
      {teachers.length === 0 ? (
        <EmptyState icon={IconUsers} title={t('activities.form.noCaseload')} />
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <SelectField
          id="activity-type"
          label={t('activities.form.type')}
          value={type}
          onChange={(event) => setType(event.target.value)}
        >
          {types.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        {grouped ? (
          <SegmentedControl<'institucional' | 'interinstitucional'>
            label={t('activities.form.scope')}
            options={[
              { value: 'institucional', label: t('activities.scopes.institucional') },
              { value: 'interinstitucional', label: t('activities.scopes.interinstitucional') },
            ]}
            value={scope}
            onChange={setScope}
          />
        ) : null}
        <TextField
          id="activity-theme"
          label={t('activities.form.theme')}
          value={theme}
          onChange={(event) => {
            setTheme(event.target.value);
            setMissing((m) => ({ ...m, theme: false }));
          }}
          error={missing.theme ? t('activities.form.themeMissing') : undefined}
          required
        />
        <SelectField
          id="activity-school"
          label={t('activities.form.school')}
          value={venue}
          onChange={(event) => {
            setSchoolId(event.target.value);
            setMissing((m) => ({ ...m, school: false }));
          }}
          error={missing.school ? t('activities.form.schoolMissing') : undefined}
          required
        >
          <option value="">{t('activities.form.chooseSchool')}</option>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="activity-place"
          label={t('activities.form.place')}
          value={place}
          onChange={(event) => setPlace(event.target.value)}
        />
        <TextField
          id="activity-start"
          label={multiDay ? t('activities.form.startDateMulti') : t('activities.form.startDate')}
          type="date"
          value={startDate}
          onChange={(event) => setStartDate(event.target.value)}
          required
        />
        {multiDay ? (
          <TextField
            id="activity-end"
            label={t('activities.form.endDate')}
            type="date"
            value={endDate}
            onChange={(event) => setEndDate(event.target.value)}
          />
        ) : null}
        <TextField
          id="activity-time"
          label={t('activities.form.startTime')}
          type="time"
          value={startTime}
          onChange={(event) => setStartTime(event.target.value)}
        />
        <TextField
          id="activity-end-time"
          label={t('activities.form.endTime')}
          type="time"
          value={endTime}
          error={endTimeError}
          onChange={(event) => setEndTime(event.target.value)}
        />
        <CheckboxGroup<string>
          legend={t('activities.form.invitees')}
          options={teachers.map((x) => ({ value: x.teacherId, label: x.displayName }))}
          value={invitees}
          onChange={setInvitees}
        />
        <p>
          <Button
            type="button"
            variant="quiet"
            onClick={() => setInvitees(teachers.map((x) => x.teacherId))}
          >
            {t('activities.form.all')}
          </Button>
        </p>
        <SaveError error={error} />
        <Button type="submit" block loading={saving} loadingLabel={t('activities.form.saving')}>
          {t('activities.form.save')}
        </Button>
      </form>
    </div>
  );
}
