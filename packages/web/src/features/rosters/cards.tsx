import type { SchoolItem, TeacherItem } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { esPE } from '../../app/i18n/es-PE.ts';

// One card per teacher or school: a definition list reads well on a phone and on a screen
// reader, where a wide table would scroll sideways. The title links to the detail page.

export function TeacherCard({ teacher }: { teacher: TeacherItem }) {
  const { t } = useTranslation();
  const schools = teacher.schools.map((school) => school.name).join(', ');
  const coaches = teacher.coaches.map((coach) => coach.displayName).join(', ');
  return (
    <li className="card">
      <h3 className="card__title">
        <Link to={`/docentes/${teacher.id}`}>{teacher.displayName}</Link>
      </h3>
      <dl className="card__facts">
        <div>
          <dt>{t('rosters.teachers.dni')}</dt>
          <dd>{teacher.dni}</dd>
        </div>
        <div>
          <dt>{t('rosters.teachers.schools')}</dt>
          <dd>{schools || t('rosters.teachers.noSchool')}</dd>
        </div>
        <div>
          <dt>{t('rosters.teachers.coaches')}</dt>
          <dd>{coaches || t('rosters.teachers.noCoach')}</dd>
        </div>
      </dl>
    </li>
  );
}

function useLabel(group: 'levels' | 'characteristics'): (code: string | null) => string {
  const { t } = useTranslation();
  return (code) => {
    if (!code) return '';
    const table: Record<string, string> = esPE[group];
    return Object.hasOwn(table, code) ? t(`${group}.${code}` as never) : code;
  };
}

export function SchoolCard({ school }: { school: SchoolItem }) {
  const { t } = useTranslation();
  const levelLabel = useLabel('levels');
  const characteristicLabel = useLabel('characteristics');
  return (
    <li className="card">
      <h3 className="card__title">
        <Link to={`/instituciones/${school.id}`}>{school.name}</Link>
        {school.active ? null : (
          <span className="badge badge--muted">{t('rosters.schools.inactive')}</span>
        )}
      </h3>
      <dl className="card__facts">
        <div>
          <dt>{t('rosters.schools.codigoModular')}</dt>
          <dd>
            {school.codigoModular}
            {school.anexo > 0 ? ` · ${t('rosters.schools.anexo')} ${school.anexo}` : null}
          </dd>
        </div>
        <div>
          <dt>{t('rosters.schools.level')}</dt>
          <dd>
            {levelLabel(school.level)}
            {school.characteristic ? ` · ${characteristicLabel(school.characteristic)}` : null}
          </dd>
        </div>
        <div>
          <dt>{t('rosters.schools.ugel')}</dt>
          <dd>
            {school.ugelName}
            {school.networkName ? ` · ${school.networkName}` : null}
          </dd>
        </div>
        <div>
          <dt>{t('rosters.schools.interventions')}</dt>
          <dd>
            {school.interventions.length
              ? school.interventions.join(', ')
              : t('rosters.schools.noInterventions')}
          </dd>
        </div>
      </dl>
    </li>
  );
}
