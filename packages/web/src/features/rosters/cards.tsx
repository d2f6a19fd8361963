import type { SchoolItem } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { esPE } from '../../app/i18n/es-PE.ts';
import { Link } from '../../app/router.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Card } from '../../ui/Card.tsx';
import { IconSchool } from '../../ui/icons.ts';
import { ListItem } from '../../ui/ListItem.tsx';
import { useInterventionName } from './options.ts';

// A school as a list row (the roster) or as a card of facts (the director's home: their one
// school). Teachers are rows too: home/TeacherRows.tsx.

/** A school as a list row: who (name), what (level, characteristic), where (UGEL, network),
 *  its interventions by name, and "Inactiva" as a badge. The whole row opens the school. */
export function SchoolRow({
  school,
  interventionName,
}: {
  school: SchoolItem;
  /** The intervention's name for its code (the catalogue); never the raw code on screen. */
  interventionName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const levelLabel = useLabel('levels');
  const characteristicLabel = useLabel('characteristics');
  const what = [levelLabel(school.level), characteristicLabel(school.characteristic)]
    .filter(Boolean)
    .join(' · ');
  const where = [school.ugelName, school.networkName].filter(Boolean).join(' · ');
  const interventions = school.interventions.map(interventionName).join(', ');
  return (
    <ListItem
      to={`/instituciones/${school.id}`}
      icon={IconSchool}
      title={school.name}
      secondary={`${what} · ${where}`}
      meta={`${t('rosters.schools.interventions')}: ${interventions || t('rosters.schools.noInterventions')}`}
      badge={
        school.active ? undefined : <Badge tone="neutral">{t('rosters.schools.inactive')}</Badge>
      }
    />
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
  const interventionName = useInterventionName();
  const levelLabel = useLabel('levels');
  const characteristicLabel = useLabel('characteristics');
  return (
    <Card
      as="li"
      level={3}
      title={
        <>
          <Link to={`/instituciones/${school.id}`}>{school.name}</Link>
          {school.active ? null : <Badge>{t('rosters.schools.inactive')}</Badge>}
        </>
      }
    >
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
              ? school.interventions.map(interventionName).join(', ')
              : t('rosters.schools.noInterventions')}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
