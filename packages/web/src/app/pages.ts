import { lazy } from 'react';

// Lazily loaded screens shared by the router and the role home (one chunk per screen).

export const TeachersPage = lazy(() => import('../features/rosters/TeachersPage.tsx'));
export const TeacherDetailPage = lazy(() => import('../features/rosters/TeacherDetailPage.tsx'));
export const SchoolsPage = lazy(() => import('../features/rosters/SchoolsPage.tsx'));
export const SchoolDetailPage = lazy(() => import('../features/rosters/SchoolDetailPage.tsx'));
export const CoachesPage = lazy(() => import('../features/coaches/CoachesPage.tsx'));
export const CoachDetailPage = lazy(() => import('../features/coaches/CoachDetailPage.tsx'));
export const CatalogPage = lazy(() => import('../features/catalog/CatalogPage.tsx'));
export const ImportPage = lazy(() => import('../features/imports/ImportPage.tsx'));
export const InstrumentsPage = lazy(() => import('../features/instruments/InstrumentsPage.tsx'));
export const InstrumentDetailPage = lazy(
  () => import('../features/instruments/InstrumentDetailPage.tsx'),
);
export const DraftEditorPage = lazy(() => import('../features/instruments/DraftEditorPage.tsx'));
export const FillPage = lazy(() => import('../features/instruments/FillPage.tsx'));
export const RecordPage = lazy(() => import('../features/instruments/RecordPage.tsx'));
export const VisitsPage = lazy(() => import('../features/visits/VisitsPage.tsx'));
export const NewVisitPage = lazy(() => import('../features/visits/NewVisitPage.tsx'));
export const VisitPage = lazy(() => import('../features/visits/VisitPage.tsx'));
export const SyncPage = lazy(() => import('../features/sync/SyncPage.tsx'));
export const NotFoundPage = lazy(() => import('../features/home/NotFoundPage.tsx'));
