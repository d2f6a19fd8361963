import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { usePendingIds, useRecords } from '../../offline/hooks.ts';
import type { LocalDb } from '../../offline/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { CappedList, List, ListItem } from '../../ui/ListItem.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { cachedVersions, type TeacherOption } from './local.ts';
import { groupRecords, type RecordRow, type TeacherGroup } from './record-groups.ts';

// The filled instruments kept on this device, by teacher (surname order) and then by
// instrument, each row with its date and status; a page of teachers at a time and the first
// rows of each instrument, the rest one tap away; each teacher's group opens on a tap. Each
// record opens with its own version.

const TEACHERS_PER_PAGE = 10;
const ROWS_SHOWN = 3;

function useVersionNames(db: LocalDb): Map<string, string> | undefined {
  const { t } = useTranslation();
  const [names, setNames] = useState<Map<string, string>>();
  useEffect(() => {
    let live = true;
    void cachedVersions(db).then((versions) => {
      if (!live) return;
      setNames(
        new Map(
          versions.map((v) => [
            v.id,
            t('instruments.versionOf', { name: v.instrumentName, n: v.version }),
          ]),
        ),
      );
    });
    return () => {
      live = false;
    };
  }, [db, t]);
  return names;
}

function Row({ row, pending }: { row: RecordRow; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <ListItem
      to={`/instrumentos/registros/${row.id}`}
      title={formatDate(row.date)}
      badge={
        <>
          <Badge tone={row.status === 'complete' ? 'success' : 'warning'}>
            {t(`instruments.fillPage.recordStatus.${row.status}`)}
          </Badge>
          {pending ? <Badge tone="info">{t('sync.pendingBadge')}</Badge> : null}
        </>
      }
    />
  );
}

/** One teacher, closed until tapped: the page stays short with hundreds of records. */
function Group({ group, pending }: { group: TeacherGroup; pending: Set<string> }) {
  const { t } = useTranslation();
  const drafts = group.instruments.reduce(
    (sum, instrument) => sum + instrument.rows.filter((row) => row.status === 'draft').length,
    0,
  );
  return (
    <li>
      <details className="list__more">
        <summary>
          {group.name || t('instruments.fillPage.unknownTeacher')}
          {' · '}
          {t('instruments.fillPage.recordCount', { count: group.count })}
          {drafts > 0 ? ` · ${t('instruments.fillPage.draftCount', { count: drafts })}` : ''}
        </summary>
        {group.instruments.map((instrument) => (
          <div key={instrument.name}>
            <h3>{instrument.name || t('instruments.fillPage.unknownInstrument')}</h3>
            <CappedList
              label={t('instruments.fillPage.groupLabel', {
                instrument: instrument.name,
                teacher: group.name,
              })}
              shown={ROWS_SHOWN}
              items={instrument.rows.map((row) => (
                <Row key={row.id} row={row} pending={pending.has(row.id)} />
              ))}
            />
          </div>
        ))}
      </details>
    </li>
  );
}

export function RecordList({ db, teachers }: { db: LocalDb; teachers: TeacherOption[] }) {
  const { t } = useTranslation();
  const records = useRecords('instrument_response');
  const visits = useRecords('visit');
  const pending = usePendingIds();
  const versionNames = useVersionNames(db);
  const [pages, setPages] = useState(1);

  const groups = useMemo(() => {
    if (!records || !visits || !versionNames) return undefined;
    const teacherNames = new Map(teachers.map((x) => [x.id, x.displayName]));
    const visitDates = new Map(visits.map((v) => [v.id, v.data.plannedDate]));
    return groupRecords(records, {
      teacher: (id) => teacherNames.get(id) ?? '',
      instrument: (id) => versionNames.get(id) ?? '',
      visitDate: (id) => visitDates.get(id),
    });
  }, [records, visits, versionNames, teachers]);

  const shown = groups?.slice(0, pages * TEACHERS_PER_PAGE) ?? [];
  const rest = (groups?.length ?? 0) - shown.length;
  return (
    <section className="section" aria-labelledby="registros-dispositivo">
      <h2 id="registros-dispositivo">{t('instruments.fillPage.myRecords')}</h2>
      {!groups ? (
        <Skeleton lines={4} />
      ) : groups.length === 0 ? (
        <EmptyState title={t('instruments.fillPage.noRecords')} />
      ) : (
        <>
          <p className="field__hint">
            {t('instruments.fillPage.recordsSummary', {
              count: records?.length ?? 0,
              teachers: groups.length,
            })}
          </p>
          <List labelledBy="registros-dispositivo">
            {shown.map((group) => (
              <Group key={group.teacherId} group={group} pending={pending ?? new Set()} />
            ))}
          </List>
          {rest > 0 ? (
            <Button variant="secondary" onClick={() => setPages((n) => n + 1)}>
              {rest > TEACHERS_PER_PAGE
                ? t('instruments.fillPage.moreTeachers', { count: TEACHERS_PER_PAGE, total: rest })
                : t('instruments.fillPage.lastTeachers', { count: rest })}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
