import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import RoleHome from '../features/home/RoleHome.tsx';
import { LoginRoute, RequireSession } from './guards.tsx';
import { i18n } from './i18n/index.ts';
import {
  CatalogPage,
  CoachDetailPage,
  CoachesPage,
  ImportPage,
  NotFoundPage,
  SchoolDetailPage,
  SchoolsPage,
  TeacherDetailPage,
  TeachersPage,
} from './pages.ts';
import { Shell } from './Shell.tsx';
import { SessionProvider } from './session/SessionContext.tsx';

// Routing. Every screen is its own lazy chunk; only the shell and the role-home switch are in
// the entry so the login and the coach's home stay within the bundle budget (DESIGN.md §8).

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        <SessionProvider>
          <Routes>
            <Route path="/login" element={<LoginRoute />} />
            <Route element={<RequireSession />}>
              <Route element={<Shell />}>
                <Route index element={<RoleHome />} />
                <Route path="inicio/:role" element={<RoleHome />} />
                <Route path="docentes" element={<TeachersPage />} />
                <Route path="docentes/:id" element={<TeacherDetailPage />} />
                <Route path="instituciones" element={<SchoolsPage />} />
                <Route path="instituciones/:id" element={<SchoolDetailPage />} />
                <Route path="acompanantes" element={<CoachesPage />} />
                <Route path="acompanantes/:id" element={<CoachDetailPage />} />
                <Route path="catalogo" element={<CatalogPage />} />
                <Route path="importar" element={<ImportPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </I18nextProvider>
  );
}
