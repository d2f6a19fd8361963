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
export const NotFoundPage = lazy(() => import('../features/home/NotFoundPage.tsx'));
