import type { Intervention, Targets } from '@acompana/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { getTargets, listInterventions } from '../../app/api/endpoints.ts';
import { useSearchParams } from '../../app/router.tsx';
import { useFromDevice } from '../../offline/from-device.ts';
import { deviceInterventions, deviceTargets } from '../../offline/reference-screens.ts';
import { Card } from '../../ui/Card.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { DataAsOf } from '../sync/DataAsOf.tsx';
import { ActivityTypesSection } from './ActivityTypesSection.tsx';
import { LadderSection } from './LadderSection.tsx';
import { RulesView } from './RulesView.tsx';
import { TargetsEditor } from './TargetsEditor.tsx';

// The programme catalogue: the interventions, their targets by school year, their own activity
// types and progress ladder. Everyone reads it; equipo MINEDU edits the current and later years
// (the server refuses past years), the types and the ladder.

function yearsOf(intervention: Intervention | undefined, targets: Targets | null): number[] {
  const years = new Set(intervention?.years ?? []);
  if (targets) {
    years.add(targets.currentYear);
    years.add(targets.currentYear + 1);
    years.add(targets.year);
  }
  return [...years].sort((a, b) => a - b);
}

function TargetsSection({
  intervention,
  year,
  onYear,
}: {
  intervention: Intervention;
  year: number | null;
  onYear: (year: number) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const fromDevice = useFromDevice();
  const loaded = useApiData(`targets-${intervention.code}-${year ?? 'current'}`, (signal) =>
    fromDevice(
      () => getTargets(intervention.code, year, signal),
      (db) => deviceTargets(db, intervention.code, year),
    ),
  );
  const data = loaded.status === 'ready' ? { ...loaded, data: loaded.data.data } : loaded;
  const targets = data.status === 'ready' ? data.data : null;
  const years = yearsOf(intervention, targets);
  const shownYear = targets?.year ?? year;

  let body: ReactNode;
  if (data.status === 'loading') body = <Skeleton lines={3} />;
  else if (data.status === 'error') body = <ErrorNotice error={data.error} onRetry={data.reload} />;
  else if (data.data.editable) {
    body = (
      <TargetsEditor
        key={`${data.data.intervention.code}-${data.data.year}`}
        targets={data.data}
        previousHasRules={intervention.years.includes(data.data.year - 1)}
      />
    );
  } else {
    body = (
      <>
        {data.data.year < data.data.currentYear ? (
          <Notice live={false}>{t('catalog.past')}</Notice>
        ) : null}
        <RulesView rules={data.data.rules} />
      </>
    );
  }

  return (
    <section className="section" aria-labelledby={`${id}-metas`}>
      <SelectField
        narrow
        id={`${id}-year`}
        label={t('catalog.year')}
        value={shownYear ?? ''}
        onChange={(event) => onYear(Number(event.target.value))}
      >
        {shownYear === null ? <option value="" /> : null}
        {years.map((y) => (
          <option key={y} value={y}>
            {targets && y === targets.currentYear ? t('catalog.yearCurrent', { year: y }) : y}
          </option>
        ))}
      </SelectField>
      <h2 id={`${id}-metas`}>{t('catalog.targets', { year: shownYear ?? '' })}</h2>
      {body}
    </section>
  );
}

export default function CatalogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const fromDevice = useFromDevice();
  const interventions = useApiData('catalog-interventions', (signal) =>
    fromDevice(
      () => listInterventions(signal),
      (db) => deviceInterventions(db),
    ),
  );
  const yearParam = Number(params.get('anio'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : null;

  let content: ReactNode;
  if (interventions.status === 'loading') content = <Skeleton lines={4} />;
  else if (interventions.status === 'error') {
    content = <ErrorNotice error={interventions.error} onRetry={interventions.reload} />;
  } else {
    const list = interventions.data.data;
    const code = params.get('intervencion');
    const selected = list.find((i) => i.code === code) ?? list[0];
    const set = (name: string, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set(name, value);
          return next;
        },
        { replace: true },
      );
    content = selected ? (
      <>
        <DataAsOf asOf={interventions.data.asOf} />
        <SelectField
          label={t('catalog.intervention')}
          value={selected.code}
          onChange={(event) => set('intervencion', event.target.value)}
        >
          {list.map((i) => (
            <option key={i.code} value={i.code}>
              {i.name}
            </option>
          ))}
        </SelectField>
        <Card title={selected.name}>
          <p>{selected.description}</p>
          {selected.worksWithDirectors ? <p>{t('catalog.worksWithDirectors')}</p> : null}
          {selected.worksWithFamilies ? <p>{t('catalog.worksWithFamilies')}</p> : null}
        </Card>
        <TargetsSection
          intervention={selected}
          year={year}
          onYear={(y) => set('anio', String(y))}
        />
        <ActivityTypesSection key={`types-${selected.code}`} intervention={selected} />
        <LadderSection key={selected.code} intervention={selected} />
      </>
    ) : null;
  }

  return (
    <div className="page">
      <PageHeading title={t('catalog.title')} />
      <p>{t('catalog.intro')}</p>
      {content}
    </div>
  );
}
