import type { SchoolItem, TeacherItem } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { esPE } from '../../app/i18n/es-PE.ts';

// One card per teacher or school: a definition list reads well on a phone and on a screen
// reader, where a wide table would scroll sideways.

export function TeacherCard({ teacher }: { teacher: TeacherItem }) {
  const { t } = useTranslation();
  const schools = teacher.schools.map((school) => school.name).join(', ');
  return (
    <li className="card">
      <h3 className="card__title">{teacher.displayName}</h3>
      <dl className="card__facts">
        <div>
          <dt>{t('rosters.teachers.dni')}</dt>
          <dd>{teacher.dni}</dd>
        </div>
        <div>
          <dt>{t('rosters.teachers.schools')}</dt>
          <dd>{schools || t('rosters.teachers.noSchool')}</dd>
        </div>
      </dl>
    </li>
  );
}

function useLevelLabel(): (code: string) => string {
  const { t } = useTranslation();
  return (code) =>
    Object.hasOwn(esPE.levels, code) ? t(`levels.${code as keyof typeof esPE.levels}`) : code;
}

export function SchoolCard({ school }: { school: SchoolItem }) {
  const { t } = useTranslation();
  const levelLabel = useLevelLabel();
  return (
    <li className="card">
      <h3 className="card__title">{school.name}</h3>
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
          <dd>{levelLabel(school.level)}</dd>
        </div>
        <div>
          <dt>{t('rosters.schools.ugel')}</dt>
          <dd>{school.ugelName}</dd>
        </div>
      </dl>
    </li>
  );
}
