import { suggestStage, type VersionDetail } from '@acompana/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from '../../app/router.tsx';
import { useMe } from '../../app/session/SessionContext.tsx';
import { useRecords, useReference } from '../../offline/hooks.ts';
import type { CaseloadTeacher } from '../../offline/reference.ts';
import { BackLink } from '../../ui/BackLink.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { LevelsSection } from './LevelsSection.tsx';
import { useStageLadder } from './ladder.ts';
import { decisionsNewestFirst, progressFrom } from './model.ts';
import { StageSection } from './StageSection.tsx';

// A teacher's progress (docs/DOMAIN.md §4), computed on the device from its records so it works
// offline: rubric levels per desempeño over time (chart + table), Acompaña's stage suggestion
// with its reasons, the coach's decision and the history of decisions. The teacher sees the
// same, read-only.

export default function ProgressPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const responses = useRecords('instrument_response', { teacherId: id });
  const visits = useRecords('visit', { teacherId: id });
  const stageRecords = useRecords('stage_record', { teacherId: id });
  const versions = useReference('instrument');
  const teachers = useReference('teacher');

  const progress = useMemo(
    () =>
      responses && visits && versions
        ? progressFrom(
            responses,
            visits,
            versions.map((item) => item.data as unknown as VersionDetail),
          )
        : null,
    [responses, visits, versions],
  );
  const decisions = useMemo(
    () => (stageRecords ? decisionsNewestFirst(stageRecords) : null),
    [stageRecords],
  );
  // The ladder of the teacher's intervention: from the caseload, else from their last decision.
  const entry = teachers?.find((item) => item.id === id)?.data as
    | Partial<CaseloadTeacher>
    | undefined;
  const ladder = useStageLadder(
    entry?.interventionCode ?? decisions?.[0]?.data.interventionCode ?? null,
  );
  const suggestion = useMemo(
    () => (progress ? suggestStage(progress.history, ladder) : null),
    [progress, ladder],
  );

  if (!progress || !suggestion || !decisions || !teachers) return <Skeleton lines={6} />;

  const isSelf = id === me.person.id;
  const isCoach = !isSelf && me.roles.some((grant) => grant.role === 'acompanante');
  const reference = entry;
  const caseload =
    isCoach && reference?.interventionCode && reference.schools?.length
      ? (reference as CaseloadTeacher)
      : null;
  const name = reference?.displayName ?? (isSelf ? me.person.displayName : '');
  const title = name ? t('progress.titleOf', { name }) : t('progress.title');
  const nameOf = (code: string) => progress.names.get(code) ?? code;
  const observed = progress.history.filter((o) => Object.keys(o.levels).length > 0).length;

  return (
    <div className="page">
      <BackLink to={isSelf ? '/' : `/docentes/${id}`}>
        {isSelf ? t('progress.backHome') : t('progress.backToTeacher')}
      </BackLink>
      <PageHeading title={title} />
      <p>{t('progress.intro')}</p>
      <LevelsSection table={progress.table} observations={observed} />
      <StageSection
        teacherId={id}
        suggestion={suggestion}
        decisions={decisions}
        canDecide={isCoach}
        caseload={caseload}
        nameOf={nameOf}
        ladder={ladder}
      />
    </div>
  );
}
