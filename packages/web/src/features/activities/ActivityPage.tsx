import {
  type ActivityAttendanceRecord,
  type ActivityRecord,
  type FamilyCounts,
  formatAgenda,
  parseAgenda,
} from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { useParams } from '../../app/router.tsx';
import { useMe } from '../../app/session/SessionContext.tsx';
import type { LocalRecord } from '../../offline/db.ts';
import { useRecord, useRecords, useSaveRecord } from '../../offline/hooks.ts';
import { BackLink } from '../../ui/BackLink.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { TextareaField, TextField } from '../../ui/Field.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { PendingBadge, SaveError, useTeacherNames } from '../visits/parts.tsx';
import { ActaButton } from './ActaButton.tsx';
import { Attendance } from './Attendance.tsx';
import { ContentEditor } from './ContentEditor.tsx';
import { HoursEditor } from './HoursEditor.tsx';
import { activityTone } from './parts.ts';
import { TeacherActivity } from './TeacherActivity.tsx';
import { useTypeLabel } from './types.ts';

// The activity page: what, when, where; attendance as one tap per person; agreements and
// notes; family counts for a family meeting; closing it as done. Works offline (local store).
// A teacher sees their own part instead (TeacherActivity).

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function Families({ activity }: { activity: LocalRecord<ActivityRecord> }) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const counts = activity.data.familyCounts ?? {
    mothers: 0,
    fathers: 0,
    relatives: 0,
    community: 0,
  };
  const set = (key: keyof FamilyCounts, value: string) =>
    void save('activity', activity.id, {
      familyCounts: { ...counts, [key]: Math.max(0, Number(value) || 0) },
    });
  return (
    <Card title={t('activities.page.families')}>
      <p>{t('activities.page.familiesHint')}</p>
      {(['mothers', 'fathers', 'relatives', 'community'] as const).map((key) => (
        <TextField
          key={key}
          id={`families-${key}`}
          label={t(`activities.page.${key}`)}
          type="number"
          inputMode="numeric"
          min={0}
          value={String(counts[key])}
          onChange={(event) => set(key, event.target.value)}
        />
      ))}
    </Card>
  );
}

function Agreements({ activity }: { activity: LocalRecord<ActivityRecord> }) {
  const { t } = useTranslation();
  const save = useSaveRecord();
  const toast = useToast();
  const [agenda, setAgenda] = useState(formatAgenda(activity.data.agenda));
  const [agreements, setAgreements] = useState(activity.data.agreements.join('\n'));
  const [notes, setNotes] = useState(activity.data.notes ?? '');
  const [error, setError] = useState<unknown>(null);
  const onSave = async () => {
    setError(null);
    try {
      await save('activity', activity.id, {
        agenda: parseAgenda(agenda),
        agreements: lines(agreements),
        notes: notes.trim() || null,
      });
      toast(t('activities.page.savedNotes'));
    } catch (cause) {
      setError(cause);
    }
  };
  return (
    <Card title={t('activities.page.agreements')}>
      <TextareaField
        id="activity-agenda"
        label={t('activities.page.agenda')}
        hint={t('activities.page.agendaHint')}
        rows={4}
        value={agenda}
        onChange={(event) => setAgenda(event.target.value)}
      />
      <TextareaField
        id="activity-agreements"
        label={t('activities.page.agreements')}
        hint={t('activities.page.agreementsHint')}
        rows={4}
        value={agreements}
        onChange={(event) => setAgreements(event.target.value)}
      />
      <TextareaField
        id="activity-notes"
        label={t('activities.page.notes')}
        rows={3}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
      />
      <SaveError error={error} />
      <Button variant="secondary" onClick={() => void onSave()}>
        {t('activities.page.saveNotes')}
      </Button>
    </Card>
  );
}

export default function ActivityPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const save = useSaveRecord();
  const toast = useToast();
  const activity = useRecord('activity', id);
  const attendance = useRecords('activity_attendance', {});
  const names = useTeacherNames();
  const typeLabel = useTypeLabel();
  const [error, setError] = useState<unknown>(null);

  if (activity === undefined || attendance === undefined) return <Skeleton lines={6} />;
  if (activity === null) {
    return (
      <div className="page">
        <BackLink to="/actividades">{t('activities.back')}</BackLink>
        <EmptyState title={t('activities.notFound')} />
      </div>
    );
  }
  const a = activity.data;
  const ofThis = (attendance as LocalRecord<ActivityAttendanceRecord>[]).filter(
    (r) => r.data.activityId === activity.id,
  );
  const isCoach = me.roles.some((grant) => grant.role === 'acompanante');
  const organiser = a.organiserIds.includes(me.person.id);
  const mine = new Set(isCoach ? a.inviteeIds.filter((tid) => names.has(tid)) : []);

  const close = async () => {
    setError(null);
    try {
      await save('activity', activity.id, { status: 'done' });
      toast(t('activities.page.closed'));
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <div className="page">
      <BackLink to="/actividades">{t('activities.back')}</BackLink>
      <PageHeading title={`${typeLabel(a)}: ${a.theme}`} />
      <p>
        <Badge tone={activityTone(a.status)}>{t(`activities.statuses.${a.status}`)}</Badge>{' '}
        {a.organisedBy === 'ugel' ? (
          <>
            <Badge tone="info">{t('activityDay.byUgel')}</Badge>{' '}
          </>
        ) : null}
        <PendingBadge id={activity.id} />
      </p>
      <dl className="facts">
        <dt>{t('activities.page.when')}</dt>
        <dd>
          {a.endDate > a.startDate
            ? `${formatDate(a.startDate)} – ${formatDate(a.endDate)}`
            : formatDate(a.startDate)}
          {a.startTime ? ` · ${a.startTime}` : ''}
          {a.startTime && a.endTime ? `–${a.endTime}` : ''}
        </dd>
        {a.place ? (
          <>
            <dt>{t('activities.page.where')}</dt>
            <dd>{a.place}</dd>
          </>
        ) : null}
        {a.scope ? (
          <>
            <dt>{t('activities.form.scope')}</dt>
            <dd>{t(`activities.scopes.${a.scope}`)}</dd>
          </>
        ) : null}
      </dl>
      {isCoach ? (
        <>
          <Attendance activity={activity} attendance={ofThis} names={names} mine={mine} />
          {organiser ? (
            <HoursEditor activity={activity} attendance={ofThis} names={names} mine={mine} />
          ) : null}
          {a.type === 'reunion_familias' && organiser ? <Families activity={activity} /> : null}
          {organiser ? <ContentEditor activity={activity} /> : null}
          {organiser ? <Agreements activity={activity} /> : null}
          <ActaButton activity={activity} attendance={ofThis} names={names} organiser={organiser} />
          {organiser && a.status === 'planned' ? (
            <>
              <SaveError error={error} />
              <Button block onClick={() => void close()}>
                {t('activities.page.close')}
              </Button>
            </>
          ) : null}
        </>
      ) : (
        <TeacherActivity activity={activity} attendance={ofThis} />
      )}
    </div>
  );
}
