import { useTranslation } from 'react-i18next';
import { useParams } from '../../app/router.tsx';
import { useMe } from '../../app/session/SessionContext.tsx';
import { useReference } from '../../offline/hooks.ts';
import type { CaseloadTeacher } from '../../offline/reference.ts';
import { BackLink } from '../../ui/BackLink.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ModellingSection } from './Modelling.tsx';

// A teacher's modelling activities, linked to a visit or on their own (co-planning at the
// school, analysis of student work…). The coach records them; the teacher reads them.

export default function ModellingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const reference = useReference('teacher');
  if (reference === undefined) return <Skeleton lines={4} />;
  const entry = reference.find((item) => item.id === id)?.data as
    | Partial<CaseloadTeacher>
    | undefined;
  const isTeacher = id === me.person.id;
  const asCoach = !isTeacher && me.roles.some((grant) => grant.role === 'acompanante');
  const name = entry?.displayName ?? (isTeacher ? me.person.displayName : '');
  return (
    <div className="page">
      <BackLink to="/visitas">{t('visits.back')}</BackLink>
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
