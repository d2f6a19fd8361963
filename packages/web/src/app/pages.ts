import { type ComponentType, lazy } from 'react';
import { loadTexts, type TextBundle } from './i18n/index.ts';

// Lazily loaded screens shared by the router and the role home (one chunk per screen). A
// screen that uses feature texts loads them with its chunk, before it renders.

// biome-ignore lint/suspicious/noExplicitAny: React.lazy's own constraint on the component type
function screen<T extends ComponentType<any>>(
  texts: TextBundle[],
  load: () => Promise<{ default: T }>,
) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), loadTexts(...texts)]);
    return module;
  });
}

export const TeachersPage = lazy(() => import('../features/rosters/TeachersPage.tsx'));
export const TeacherDetailPage = screen(
  ['visits'],
  () => import('../features/rosters/TeacherDetailPage.tsx'),
);
export const SchoolsPage = lazy(() => import('../features/rosters/SchoolsPage.tsx'));
export const SchoolDetailPage = lazy(() => import('../features/rosters/SchoolDetailPage.tsx'));
export const CoachesPage = lazy(() => import('../features/coaches/CoachesPage.tsx'));
export const CoachDetailPage = lazy(() => import('../features/coaches/CoachDetailPage.tsx'));
export const CatalogPage = screen(
  ['progress'],
  () => import('../features/catalog/CatalogPage.tsx'),
);
export const ImportPage = lazy(() => import('../features/imports/ImportPage.tsx'));
export const InstrumentsPage = screen(
  ['instruments'],
  () => import('../features/instruments/InstrumentsPage.tsx'),
);
export const InstrumentDetailPage = screen(
  ['instruments'],
  () => import('../features/instruments/InstrumentDetailPage.tsx'),
);
export const DraftEditorPage = screen(
  ['instruments'],
  () => import('../features/instruments/DraftEditorPage.tsx'),
);
export const FillPage = screen(
  ['instruments', 'visits'],
  () => import('../features/instruments/FillPage.tsx'),
);
export const RecordPage = screen(
  ['instruments'],
  () => import('../features/instruments/RecordPage.tsx'),
);
export const VisitsPage = screen(['visits'], () => import('../features/visits/VisitsPage.tsx'));
export const NewVisitPage = screen(['visits'], () => import('../features/visits/NewVisitPage.tsx'));
export const VisitPage = screen(
  ['visits', 'instruments'],
  () => import('../features/visits/VisitPage.tsx'),
);
export const PlanPage = screen(
  ['plan', 'visits', 'progress'],
  () => import('../features/plan/PlanPage.tsx'),
);
export const DiagnosisPage = screen(
  ['plan', 'visits'],
  () => import('../features/plan/DiagnosisPage.tsx'),
);
export const ProgressPage = screen(
  ['progress', 'visits'],
  () => import('../features/progress/ProgressPage.tsx'),
);
export const ModellingPage = screen(
  ['visits'],
  () => import('../features/visits/ModellingPage.tsx'),
);
export const SyncPage = screen(['visits'], () => import('../features/sync/SyncPage.tsx'));
export const WhoReadPage = screen(['privacy'], () => import('../features/privacy/WhoReadPage.tsx'));
export const PeoplePage = screen(['people'], () => import('../features/people/PeoplePage.tsx'));
export const PersonPage = screen(['people'], () => import('../features/people/PersonPage.tsx'));
export const RegisterCoachPage = screen(
  ['people'],
  () => import('../features/people/RegisterCoachPage.tsx'),
);
export const RegisterPersonPage = screen(
  ['people'],
  () => import('../features/people/RegisterPersonPage.tsx'),
);
export const ActivationSheetPage = screen(
  ['people'],
  () => import('../features/people/ActivationSheetPage.tsx'),
);
export const ActivitiesPage = screen(
  ['activities'],
  () => import('../features/activities/ActivitiesPage.tsx'),
);
export const NewActivityPage = screen(
  ['activities'],
  () => import('../features/activities/NewActivityPage.tsx'),
);
export const ActivityPage = screen(
  ['activities'],
  () => import('../features/activities/ActivityPage.tsx'),
);
export const SchoolActivitiesPage = screen(
  ['activities'],
  () => import('../features/activities/SchoolActivitiesPage.tsx'),
);
export const UgelActivitiesPage = screen(
  ['activities', 'ugel'],
  () => import('../features/activities/UgelActivitiesPage.tsx'),
);
export const MonitoringPage = screen(
  ['monitoring', 'progress'],
  () => import('../features/monitoring/MonitoringPage.tsx'),
);
export const MyProgressPage = screen(
  ['monitoring'],
  () => import('../features/monitoring/MyProgressPage.tsx'),
);
export const NotFoundPage = lazy(() => import('../features/home/NotFoundPage.tsx'));
export const MorePage = lazy(() => import('../features/home/MorePage.tsx'));

/** Outside the shell: reached from the login page by people who are not signed in. */
export const ActivatePage = screen(
  ['accounts'],
  () => import('../features/accounts/ActivatePage.tsx'),
);
export const CaseloadBoardPage = screen(
  ['caseloads'],
  () => import('../features/caseloads/CaseloadBoardPage.tsx'),
);
export const MyAccountPage = screen(
  ['accounts'],
  () => import('../features/accounts/MyAccountPage.tsx'),
);
