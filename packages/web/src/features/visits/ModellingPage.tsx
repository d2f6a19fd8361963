import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../app/session/SessionContext.tsx';
import { useReference } from '../../offline/hooks.ts';
import type { CaseloadTeacher } from '../../offline/reference.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Loading } from '../../ui/Status.tsx';
import { ModellingSection } from './Modelling.tsx';

// A teacher's modelling activities, linked to a visit or on their own (co-planning at the
// school, analysis of student work…). The coach records them; the teacher reads them.

export default function ModellingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const reference = useReference('teacher');
  if (reference === undefined) return <Loading />;
  const entry = reference.find((item) => item.id === id)?.data as
    | Partial<CaseloadTeacher>
    | undefined;
  const isTeacher = id === me.person.id;
  const asCoach = !isTeacher && me.roles.some((grant) => grant.role === 'acompanante');
  const name = entry?.displayName ?? (isTeacher ? me.person.displayName : '');
  return (
    <div className="page">
      <Link to="/visitas" className="back-link">
        {t('visits.back')}
      </Link>
      <PageHeading title={t('cycle.modellingTitle', { name })} />
      <ModellingSection
        teacherId={id}
        schoolId={entry?.schools?.[0]?.id ?? ''}
        visitId={null}
        asCoach={asCoach && Boolean(entry)}
      />
    </div>
  );
}
