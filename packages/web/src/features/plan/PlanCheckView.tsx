import { formatLimaDate } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { usePlanActivities } from './activity-check.ts';
import { usePlanTarget } from './hooks.ts';
import { monthTitle, type Translate } from './model.ts';
import {
  checkDraft,
  issueText,
  type MonthState,
  monthRows,
  monthStateText,
  type PlanDraft,
  skippedInPeriod,
} from './plan-model.ts';
import { type TargetSource, targetSource } from './targets.ts';

// The live check of the plan against the intervention's visit target and the one-visit-a-month
// minimum (core `checkPlan`), and against the targets of GIA, talleres and family meetings
// (core `activityPlanCheck`), in words and as tables: nothing is said by colour alone.

function sourceText(t: Translate, source: TargetSource): string {
  if (source.kind === 'server') {
    return `${t('plan.check.source', {
      year: source.year,
      perYear: source.target.perYear,
      minPerMonth: source.target.minPerMonth,
    })} ${t('plan.check.sourceSaved', { date: formatLimaDate(source.fetchedAt) })}`;
  }
  const perYear = source.target.perYear;
  switch (source.reason) {
    case 'unavailable':
      return t('plan.check.fallback', { perYear });
    case 'no_rule':
      return t('plan.check.fallbackNoRule', { perYear });
    case 'unknown_post':
      return t('plan.check.fallbackNoPost', { perYear });
  }
}

const MONTH_TONES: Record<MonthState, Tone> = {
  ok: 'success',
  below: 'danger',
  skipped: 'neutral',
  skipped_no_reason: 'danger',
  no_target: 'neutral',
};

interface Props {
  teacherId: string;
  interventionCode: string | null;
  year: number;
  draft: PlanDraft;
}

export function PlanCheckView({ teacherId, interventionCode, year, draft }: Props) {
  const { t } = useTranslation();
  const data = usePlanTarget(teacherId, interventionCode, year);
  const source = targetSource(data.targets, data.post, {
    fromMonth: draft.fromMonth,
    toMonth: draft.toMonth,
    skippedMonths: skippedInPeriod(draft),
  });
  const check = checkDraft(draft, year, source.target);
  const rows = monthRows(check, draft, source.target);
  const collective = usePlanActivities(
    teacherId,
    interventionCode,
    year,
    data.targets?.year === year ? data.targets.rules : null,
    data.post,
  );
  const kindName = (kind: string) =>
    t(`plan.check.activities.kinds.${kind as 'gia' | 'ria' | 'taller' | 'reunion_familias'}`);
  const activityIssues = (collective?.short ?? []).map((row) =>
    t('plan.check.activities.below', {
      kind: kindName(row.kind),
      count: row.scheduled,
      target: row.target,
    }),
  );
  const issueCount = check.issues.length + activityIssues.length;
  const period = { fromMonth: draft.fromMonth, toMonth: draft.toMonth };

  return (
    <section className="section" aria-labelledby="plan-check">
      <h2 id="plan-check">{t('plan.check.title')}</h2>
      <Notice tone={source.kind === 'server' ? 'info' : 'warning'}>
        <p>{sourceText(t, source)}</p>
        {data.loading ? <p>{t('plan.check.loading')}</p> : null}
      </Notice>
      <div role="status">
        <p>
          {check.target > 0
            ? t('plan.check.summary', { planned: check.planned, target: check.target })
            : t('plan.check.summaryNoTarget', { planned: check.planned })}
        </p>
        <p>
          <strong>
            {issueCount === 0 ? t('plan.check.ok') : t('plan.check.issues', { count: issueCount })}
          </strong>
        </p>
      </div>
      {issueCount > 0 ? (
        <ul className="issues">
          {check.issues.map((issue) => {
            const text = issueText(t, issue, period);
            return <li key={text}>{text}</li>;
          })}
          {activityIssues.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : null}
      {rows.length > 0 ? (
        <TableScroll id="plan-check-table" caption={t('plan.check.title')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('plan.check.month')}</th>
              <th scope="col">{t('plan.check.planned')}</th>
              <th scope="col">{t('plan.check.minimum')}</th>
              <th scope="col">{t('plan.check.state')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.month}>
                <th scope="row">{monthTitle(t, row.month)}</th>
                <td>{row.planned}</td>
                <td>{row.state === 'skipped' || row.state === 'no_target' ? '—' : row.minimum}</td>
                <td>
                  {/* The state in words; the badge's colour only helps scanning. */}
                  <Badge tone={MONTH_TONES[row.state]}>{monthStateText(t, row)}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      ) : null}
      <h3 id="plan-check-activities">{t('plan.check.activities.title')}</h3>
      {collective?.rows ? (
        <>
          <p>{t('plan.check.activities.intro')}</p>
          <TableScroll
            id="plan-check-activities-table"
            caption={t('plan.check.activities.title')}
            captionHidden
          >
            <thead>
              <tr>
                <th scope="col">{t('plan.check.activities.kind')}</th>
                <th scope="col">{t('plan.check.activities.attended')}</th>
                <th scope="col">{t('plan.check.activities.scheduled')}</th>
                <th scope="col">{t('plan.check.activities.target')}</th>
              </tr>
            </thead>
            <tbody>
              {collective.rows.map((row) => (
                <tr key={row.kind}>
                  <th scope="row">{kindName(row.kind)}</th>
                  <td>{row.done}</td>
                  <td>{row.scheduled}</td>
                  <td>{row.target}</td>
                </tr>
              ))}
            </tbody>
          </TableScroll>
        </>
      ) : collective ? (
        <p>{t('plan.check.activities.noRules')}</p>
      ) : null}
    </section>
  );
}
