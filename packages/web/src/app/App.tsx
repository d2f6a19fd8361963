import { lazy, type ReactNode, Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import RoleHome from '../features/home/RoleHome.tsx';
import { OfflineGate } from '../offline/OfflineProvider.tsx';
import { StartupScreen } from '../ui/Status.tsx';
import { LoginRoute, RequireFieldWork, RequireSession } from './guards.tsx';
import { i18n } from './i18n/index.ts';
import {
  ActivatePage,
  ActivationSheetPage,
  ActivitiesPage,
  ActivityPage,
  CaseloadBoardPage,
  CatalogPage,
  CoachDetailPage,
  CoachesPage,
  DiagnosisPage,
  DraftEditorPage,
  FillPage,
  ImportPage,
  InstrumentDetailPage,
  InstrumentsPage,
  ModellingPage,
  MonitoringPage,
  MorePage,
  MyAccountPage,
  MyProgressPage,
  NewActivityPage,
  NewVisitPage,
  NotFoundPage,
  PeoplePage,
  PersonPage,
  PlanPage,
  ProgressPage,
  RecordPage,
  RegisterCoachPage,
  RegisterPersonPage,
  SchoolActivitiesPage,
  SchoolDetailPage,
  SchoolsPage,
  SyncPage,
  TeacherDetailPage,
  TeachersPage,
  UgelActivitiesPage,
  VisitPage,
  VisitsPage,
  WhoReadPage,
} from './pages.ts';
import { Route, Routes } from './router.tsx';
import { Shell } from './Shell.tsx';
import { SessionProvider } from './session/SessionContext.tsx';

// The component gallery (docs/UI.md) exists in development and in builds made with
// VITE_GALLERY=1 (the E2E suite's); otherwise the constant folds to false and the chunk is
// never emitted, so it is neither downloaded nor precached by people's devices.
const GALLERY = import.meta.env.DEV || import.meta.env.VITE_GALLERY === '1';
const GalleryPage = GALLERY ? lazy(() => import('../ui/gallery/GalleryPage.tsx')) : null;

// Routing. Every screen is its own lazy chunk; only the shell and the role-home switch are in
// the entry so the login and the coach's home download only their own code (docs/BUDGETS.md).
// The first route that matches is shown (router.tsx): literal paths before parameters.

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider>
        <Routes>
          <Route path="/login" element={<LoginRoute />} />
          <Route
            path="/activar"
            element={
              <Suspense fallback={<StartupScreen />}>
                <ActivatePage />
              </Suspense>
            }
          />
          {GalleryPage ? (
            <Route
              path="/galeria/*?"
              element={
                <Suspense fallback={<StartupScreen />}>
                  <GalleryPage />
                </Suspense>
              }
            />
          ) : null}
          <Route
            path="*"
            element={
              <RequireSession>
                <Shell>
                  <ShellRoutes />
                </Shell>
              </RequireSession>
            }
          />
        </Routes>
      </SessionProvider>
    </I18nextProvider>
  );
}

/** Field screens read the device's store: they wait for it (OfflineGate). */
const gated = (screen: ReactNode) => <OfflineGate>{screen}</OfflineGate>;

function ShellRoutes() {
  return (
    <Routes>
      <Route path="/" element={<RoleHome />} />
      <Route path="/inicio/:role" element={<RoleHome />} />
      <Route path="/docentes" element={<TeachersPage />} />
      <Route path="/docentes/:id" element={<TeacherDetailPage />} />
      <Route path="/docentes/:id/plan" element={gated(<PlanPage />)} />
      <Route path="/docentes/:id/diagnostico" element={gated(<DiagnosisPage />)} />
      <Route path="/docentes/:id/progreso" element={gated(<ProgressPage />)} />
      <Route path="/docentes/:id/modelado" element={gated(<ModellingPage />)} />
      <Route path="/instituciones" element={<SchoolsPage />} />
      <Route path="/instituciones/:id" element={<SchoolDetailPage />} />
      <Route path="/instituciones/:id/actividades" element={<SchoolActivitiesPage />} />
      <Route path="/ugel/actividades" element={<UgelActivitiesPage />} />
      <Route path="/acompanantes" element={<CoachesPage />} />
      <Route path="/acompanantes/:id" element={<CoachDetailPage />} />
      <Route path="/personas" element={<PeoplePage />} />
      <Route path="/personas/registrar-acompanante" element={<RegisterCoachPage />} />
      <Route path="/personas/registrar" element={<RegisterPersonPage />} />
      <Route path="/personas/hoja-activacion" element={<ActivationSheetPage />} />
      <Route path="/personas/:id" element={<PersonPage />} />
      <Route path="/mas" element={<MorePage />} />
      <Route path="/mi-cuenta" element={<MyAccountPage />} />
      <Route path="/asignaciones" element={<CaseloadBoardPage />} />
      <Route path="/monitoreo" element={<MonitoringPage />} />
      <Route path="/mi-avance" element={<MyProgressPage />} />
      <Route path="/catalogo" element={<CatalogPage />} />
      <Route path="/importar" element={<ImportPage />} />
      <Route path="/instrumentos" element={<InstrumentsPage />} />
      <Route path="/instrumentos/llenar" element={gated(<FillPage />)} />
      <Route path="/instrumentos/registros/:id" element={gated(<RecordPage />)} />
      <Route path="/instrumentos/:id" element={<InstrumentDetailPage />} />
      <Route path="/instrumentos/:id/versiones/:versionId" element={<DraftEditorPage />} />
      <Route path="/mi-informacion/consultas" element={<WhoReadPage />} />
      <Route path="/visitas" element={gated(<VisitsPage />)} />
      <Route path="/visitas/nueva" element={gated(<NewVisitPage />)} />
      <Route path="/visitas/:id" element={gated(<VisitPage />)} />
      <Route path="/actividades" element={gated(<ActivitiesPage />)} />
      <Route path="/actividades/nueva" element={gated(<NewActivityPage />)} />
      <Route path="/actividades/:id" element={gated(<ActivityPage />)} />
      <Route
        path="/sincronizacion"
        element={gated(
          <RequireFieldWork>
            <SyncPage />
          </RequireFieldWork>,
        )}
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
