import { lazy } from 'react';

// Lazily loaded screens shared by the router and the role home (one chunk per screen).

export const TeachersPage = lazy(() => import('../features/rosters/TeachersPage.tsx'));
export const SchoolsPage = lazy(() => import('../features/rosters/SchoolsPage.tsx'));
export const NotFoundPage = lazy(() => import('../features/home/NotFoundPage.tsx'));
