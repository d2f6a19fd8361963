import type { CaseloadItem, CoachItem } from '@acompana/core';
import { currentSchoolYear } from '@acompana/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../app/i18n/index.ts';
import { primaryRole, scopeNameOf } from '../../app/roles.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconUser, IconUserCheck, IconUsers } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { useInterventionName } from '../rosters/options.ts';
import { AssignSheet } from './AssignSheet.tsx';
import { type BoardData, loadBoard } from './api.ts';
import { ChangeSheet } from './ChangeSheet.tsx';
import { Flags } from './Flags.tsx';
import { loadTone } from './flags.ts';
import { YearCard } from './YearCard.tsx';

// «Asignaciones» (issue 14): the especialista's caseload board. Each coach's load against the
// range, the flags (teachers without coach, two coaches in one intervention, coaches above the
// range, changes of coach with their reasons), assigning (by selection or by school), moving
// with a reason and ending. Desktop-friendly, usable at 375 px; built from the kit only.

const TONE = { above: 'warning', below: 'info', within: 'success' } as const;

function CoachRow({
  coach,
  range,
  onShow,
}: {
  coach: CoachItem;
  range: { min: number; max: number };
  onShow: () => void;
}) {
  const { t } = useTranslation();
  const tone = loadTone(coach.caseloadSize, coach.caseloadMax, range.min);
  return (
    <ListItem
      icon={IconUserCheck}
      title={coach.displayName}
      meta={t('caseloads.coaches.load', {
        n: formatNumber(coach.caseloadSize),
        max: formatNumber(coach.caseloadMax),
      })}
      badge={<Badge tone={TONE[tone]}>{t(`caseloads.coaches.${tone}`)}</Badge>}
      action={
        <Button
          variant="secondary"
          onClick={onShow}
          aria-label={t('caseloads.coaches.showLabel', { name: coach.displayName })}
        >
          {t('caseloads.coaches.show')}
        </Button>
      }
    />
  );
}

function Group({
  coach,
  rows,
  onManage,
  onClose,
}: {
  coach: CoachItem;
  rows: CaseloadItem[];
  onManage: (row: CaseloadItem) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mine = rows.filter((r) => r.coach.id === coach.id && r.current && r.teacher);
  const interventionName = useInterventionName();
  return (
    <Card
      title={t('caseloads.group.title', { name: coach.displayName })}
      actions={
        <Button variant="quiet" onClick={onClose}>
          {t('caseloads.group.close')}
        </Button>
      }
    >
      {mine.length === 0 ? (
        <p>{t('caseloads.group.empty')}</p>
      ) : (
        <List label={t('caseloads.group.title', { name: coach.displayName })}>
          {mine.map((row) => (
            <ListItem
              key={row.id}
              icon={IconUser}
              title={row.teacher?.displayName}
              secondary={[
                interventionName(row.intervention),
                ...row.schools.map((s) => s.name),
              ].join(' · ')}
              meta={t('caseloads.group.since', { date: formatDate(row.validFrom) })}
              action={
                <Button
                  variant="secondary"
                  onClick={() => onManage(row)}
                  aria-label={t('caseloads.group.manageLabel', {
                    name: row.teacher?.displayName ?? '',
                  })}
                >
                  {t('caseloads.group.manage')}
                </Button>
              }
            />
          ))}
        </List>
      )}
    </Card>
  );
}

function Board({ data, reload }: { data: BoardData; reload: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [assigning, setAssigning] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [managed, setManaged] = useState<CaseloadItem | null>(null);
  const { warnings, coaches, rows } = data;
  const coachRefs = coaches.map((c) => ({ id: c.id, displayName: c.displayName }));
  const shownCoach = coaches.find((c) => c.id === shown) ?? null;
  return (
    <>
      <div className="button-row">
        <Button icon={IconUsers} onClick={() => setAssigning(true)}>
          {t('caseloads.assign')}
        </Button>
      </div>
      <Flags warnings={warnings} rows={rows} />
      <Card title={t('caseloads.coaches.title')}>
        <p>
          {t('caseloads.range', {
            min: formatNumber(warnings.range.min),
            max: formatNumber(warnings.range.max),
          })}
        </p>
        {coaches.length === 0 ? (
          <EmptyState title={t('caseloads.coaches.empty')} />
        ) : (
          <List label={t('caseloads.coaches.title')}>
            {coaches.map((coach) => (
              <CoachRow
                key={coach.id}
                coach={coach}
                range={warnings.range}
                onShow={() => setShown(coach.id)}
              />
            ))}
          </List>
        )}
      </Card>
      <YearCard key={data.proposals.items.length} proposals={data.proposals} onChange={reload} />
      {shownCoach ? (
        <Group
          coach={shownCoach}
          rows={rows}
          onManage={setManaged}
          onClose={() => setShown(null)}
        />
      ) : null}
      <AssignSheet
        open={assigning}
        onClose={() => setAssigning(false)}
        onDone={(count) => {
          setAssigning(false);
          toast(t('caseloads.assignSheet.done', { count }));
          reload();
        }}
        coaches={coachRefs}
        warnings={warnings}
      />
      <ChangeSheet
        key={managed?.id ?? 'none'}
        row={managed}
        coaches={coachRefs}
        onClose={() => setManaged(null)}
        onDone={(message) => {
          setManaged(null);
          toast(message);
          reload();
        }}
      />
    </>
  );
}

export default function CaseloadBoardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const data = useApiData('caseload-board', (signal) => loadBoard(signal));
  let body: ReactNode;
  if (data.status === 'loading') body = <Skeleton lines={6} />;
  else if (data.status === 'error') body = <ErrorNotice error={data.error} onRetry={data.reload} />;
  else body = <Board data={data.data} reload={data.reload} />;
  return (
    <div className="page">
      <PageHeading title={t('caseloads.title')} />
      <p>
        {t('caseloads.intro', {
          scope: scopeNameOf(me, primaryRole(me) ?? 'especialista'),
          year: currentSchoolYear(),
        })}
      </p>
      {body}
    </div>
  );
}
