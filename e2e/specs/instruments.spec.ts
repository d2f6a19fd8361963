import {
  type ChecklistDefinition,
  type NotebookDefinition,
  type RubricDefinition,
  SEED_IDS,
  type VersionDetail,
  validateResponse,
} from '@acompana/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openFromMore, waitForH1 } from '../support/browser.ts';
import { getJson as api, noViolations, phoneSessions } from '../support/helpers.ts';
import { readStore, type StoredOutboxEntry, type StoredRecord } from '../support/instruments.ts';

// Observation instruments on a 375×812 phone: the coach fills the 2018+ rubric, the
// pre-observation checklist and field notes for one lesson with the network off; the records
// wait on the device and validate against the published versions they name (checked here and
// by the server's sync push once back online). Then equipo MINEDU publishes a new rubric
// version and the coach's earlier record still shows its original version. Axe on each screen.

const TEACHER_DNI = '30000001';

const signedIn = phoneSessions();

async function startRecord(page: Page, teacher: string, instrument: string): Promise<void> {
  await page.getByLabel('Docente', { exact: true }).selectOption({ label: teacher });
  await page.getByLabel('Instrumento', { exact: true }).selectOption({ label: instrument });
  await page.getByRole('button', { name: 'Empezar' }).click();
}

async function complete(page: Page): Promise<void> {
  // The confirmation is a toast that stays a few seconds: let the previous record's go first.
  await expect
    .poll(() => page.getByText(/^Registro completo guardado/).count(), { timeout: 10_000 })
    .toBe(0);
  await page.getByRole('button', { name: 'Marcar como completo' }).click();
  await page.getByRole('status').filter({ hasText: 'Registro completo guardado' }).waitFor();
}

describe('instrumentos de observación', () => {
  let coach: Page;
  let coachId: string;
  let teacherName: string;
  let rubric: VersionDetail;
  let checklist: VersionDetail;
  let notebook: VersionDetail;
  let createdRubricRecordId: string | undefined;

  test('el acompañante llena la rúbrica 2018+, la lista de cotejo y el cuaderno de campo sin conexión', async () => {
    coach = await signedIn('acompanante');
    const request = coach.context().request;
    coachId = (await api(request, '/api/v1/me')).person.id;
    const teachers = await api(request, `/api/v1/teachers?q=${TEACHER_DNI}`);
    teacherName = teachers.items[0].displayName;
    rubric = await api(request, `/api/v1/instrument-versions/${SEED_IDS.rubric2018}`);
    checklist = await api(request, `/api/v1/instrument-versions/${SEED_IDS.checklistV1}`);
    notebook = await api(request, `/api/v1/instrument-versions/${SEED_IDS.notebookV1}`);
    expect([rubric.status, checklist.status, notebook.status]).toEqual([
      'published',
      'published',
      'published',
    ]);

    await openFromMore(coach, 'Instrumentos');
    await waitForH1(coach, 'Instrumentos');
    await coach.waitForLoadState('networkidle');
    await noViolations(coach, 'la lista de instrumentos (acompañante)');
    await coach.getByRole('link', { name: 'Llenar un instrumento' }).click();
    await waitForH1(coach, 'Llenar instrumento');
    // The versions the coach fills are now on the device: cut the network.
    await coach
      .getByText('Los instrumentos quedaron guardados para usarlos sin conexión.')
      .waitFor();
    // The service worker (issue 6) serves the app shell, so even a reload works offline.
    await coach.evaluate('navigator.serviceWorker.ready');
    if (!(await coach.evaluate('Boolean(navigator.serviceWorker.controller)'))) {
      await coach.reload();
      // Polled with evaluate: waitForFunction's string form needs eval, refused by the CSP.
      await expect
        .poll(() => coach.evaluate('Boolean(navigator.serviceWorker.controller)'), {
          timeout: 30_000,
        })
        .toBe(true);
    }
    await coach.context().setOffline(true);
    // The demo caseload already has a year of records on the device: look only at new ones.
    const before = new Set(
      (await readStore<StoredRecord>(coach, coachId, 'records')).map((r) => r.id),
    );
    let outbox: StoredOutboxEntry[] = [];
    try {
      await coach.reload();
      await waitForH1(coach, 'Llenar instrumento');
      await coach.getByText(/instrumentos (quedaron )?guardados/).waitFor();

      // 1. The rubric: a level and evidence for each of the five desempeños.
      await startRecord(coach, teacherName, 'Rúbricas de observación de aula, versión 2');
      const def = rubric.definition as RubricDefinition;
      expect(def.desempenos).toHaveLength(5);
      const levels = [
        'III: Satisfactorio',
        'II: En proceso',
        'IV: Destacado',
        'III: Satisfactorio',
        'I: Insatisfactorio',
      ];
      for (const [i, d] of def.desempenos.entries()) {
        const card = coach.getByRole('region', { name: d.name });
        const level = card.getByRole('radiogroup', { name: 'Nivel' });
        await level.getByRole('radio', { name: levels[i] as string, exact: true }).click();
        await expect
          .poll(() => level.getByRole('radio', { checked: true }).getAttribute('aria-label'))
          .toBe(levels[i]);
        await card
          .getByLabel('Evidencia observada')
          .fill(`Evidencia ${i + 1}: lo observado en el grupo.`);
      }
      // Descriptors are one tap away.
      const first = coach.getByRole('region', { name: def.desempenos[0]?.name });
      await first.getByText('Ver descriptores de los niveles').click();
      await expect
        .poll(() => first.getByText(def.desempenos[0]?.levels[3]?.descriptor as string).isVisible())
        .toBe(true);
      await noViolations(coach, 'la rúbrica en llenado');
      await complete(coach);
      const summary = coach.getByRole('region', { name: 'Resumen' });
      await expect.poll(() => summary.innerText()).toContain('5 de 5 respondidos');

      // 2. The checklist: every item, by its own scale.
      await coach.getByRole('button', { name: 'Nuevo registro' }).click();
      await startRecord(coach, teacherName, 'Lista de cotejo previa a la observación, versión 1');
      const list = checklist.definition as ChecklistDefinition;
      for (const section of list.sections) {
        for (const item of section.items) {
          const group = coach.getByRole('radiogroup', { name: item.text, exact: true });
          const choice =
            item.answer === 'yes_no' ? 'Sí' : item.answer === 'points' ? '2' : 'Logrado';
          await group.getByRole('radio', { name: choice, exact: true }).click();
        }
      }
      // «Marcar como completo» right after the last answer (within the 800 ms autosave):
      // the record stays complete after the autosave's moment has passed (issue 12, item 4).
      await complete(coach);
      await coach.waitForTimeout(1_500);
      await expect
        .poll(() => coach.getByRole('status').filter({ hasText: 'Borrador guardado' }).count())
        .toBe(0);
      const saved = (await readStore<StoredRecord>(coach, coachId, 'records')).filter(
        (r) => r.data.instrumentVersionId === checklist.id && !before.has(r.id),
      );
      expect(saved.map((r) => r.data.status)).toEqual(['complete']);
      await expect
        .poll(() => coach.getByRole('region', { name: 'Resumen' }).innerText())
        .toContain('Puntaje');

      // 3. Field notes linked to a desempeño and an aspect of the rubric.
      await coach.getByRole('button', { name: 'Nuevo registro' }).click();
      await startRecord(coach, teacherName, 'Cuaderno de campo, versión 1');
      const nb = notebook.definition as NotebookDefinition;
      await coach
        .getByLabel('Pregunta guía')
        .selectOption({ label: nb.prompts[1]?.text as string });
      await coach
        .getByLabel('Nota', { exact: true })
        .fill('Un grupo no entiende la consigna; la docente la reformula con un ejemplo.');
      await coach.getByLabel('Momento crítico').check();
      await coach.getByLabel('Evidencia', { exact: true }).check();
      await coach
        .getByLabel('Evidencia de un desempeño')
        .selectOption({ label: def.desempenos[2]?.name as string });
      await coach
        .getByLabel('Aspecto observable')
        .selectOption({ label: def.desempenos[2]?.aspects[1]?.text as string });
      await coach.getByRole('button', { name: 'Agregar nota' }).click();
      await coach
        .getByLabel('Nota', { exact: true })
        .fill('Buena práctica: cierre con preguntas de metacognición.');
      await coach.getByLabel('Buena práctica').check();
      await coach.getByRole('button', { name: 'Agregar nota' }).click();
      await expect
        .poll(() => coach.getByRole('region', { name: 'Notas' }).getByRole('listitem').count())
        .toBe(2);
      await noViolations(coach, 'el cuaderno de campo');
      await complete(coach);

      // Still offline: the three records and their outbox entries are on the device, and each
      // validates against the exact published version it names.
      const records = (await readStore<StoredRecord>(coach, coachId, 'records')).filter(
        (r) => r.kind === 'instrument_response' && !before.has(r.id),
      );
      createdRubricRecordId = records.find((r) => r.data.instrumentVersionId === rubric.id)?.id;
      const byVersion = new Map([rubric, checklist, notebook].map((v) => [v.id, v]));
      expect(records.map((r) => r.data.instrumentVersionId).sort()).toEqual(
        [rubric.id, checklist.id, notebook.id].sort(),
      );
      for (const r of records) {
        expect(r.data.status).toBe('complete');
        const version = byVersion.get(r.data.instrumentVersionId) as VersionDetail;
        const result = validateResponse(version.definition, r.data.answers, {
          complete: true,
          rubric: def,
        });
        expect(result, version.instrumentCode).toEqual({ ok: true, value: r.data.answers });
      }
      outbox = await readStore<StoredOutboxEntry>(coach, coachId, 'outbox');
      expect(new Set(outbox.map((e) => e.entityId))).toEqual(new Set(records.map((r) => r.id)));
    } finally {
      await coach.context().setOffline(false);
    }

    // Back online: the server accepts what the device queued (applied, or duplicate when the
    // app's own sync got there first).
    const pending = outbox.filter((e) => e.status === 'pending').sort((a, b) => a.seq - b.seq);
    expect(pending.length).toBeGreaterThanOrEqual(3);
    const res = await coach.context().request.post('/api/v1/sync/push', {
      headers: { origin: new URL(coach.url()).origin },
      data: {
        deviceId: pending[0]?.deviceId,
        mutations: pending.map((m) => ({
          mutationId: m.mutationId,
          deviceId: m.deviceId,
          seq: m.seq,
          kind: m.kind,
          entityId: m.entityId,
          op: m.op,
          baseVersion: m.baseVersion,
          changed: m.changed,
          payload: m.payload,
          // Exactly what the device queued: with other content the same id is refused.
          base: m.base,
          createdAt: m.createdAt,
        })),
      },
    });
    expect(res.status()).toBe(200);
    const body = await res.json();
    for (const result of body.results) {
      expect(['applied', 'duplicate'], JSON.stringify(result.error)).toContain(result.status);
    }
  });

  test('equipo MINEDU publica una nueva versión de la rúbrica y el registro anterior conserva la suya', async () => {
    // The coach's earlier record (version 2) is on their device from the test above.
    const records = (await readStore<StoredRecord>(coach, coachId, 'records')).filter(
      (r) => r.id === createdRubricRecordId,
    );
    expect(records).toHaveLength(1);
    expect(records[0]?.data.instrumentVersionId).toBe(SEED_IDS.rubric2018);
    const recordId = records[0]?.id as string;

    const minedu = await signedIn('minedu');
    await openFromMore(minedu, 'Instrumentos');
    await waitForH1(minedu, 'Instrumentos');
    await minedu.waitForLoadState('networkidle');
    await noViolations(minedu, 'la lista de instrumentos (MINEDU)');
    await minedu.getByRole('link', { name: 'Rúbricas de observación de aula' }).click();
    await waitForH1(minedu, 'Rúbricas de observación de aula');
    await minedu.getByRole('button', { name: 'Nueva versión (borrador)' }).click();
    await minedu.getByRole('heading', { level: 1, name: /Editar borrador/ }).waitFor();

    // Rename the first desempeño; an invalid edit is refused live with its exact path.
    const editor = minedu.getByLabel('Definición (JSON)');
    const next = structuredClone(rubric.definition as RubricDefinition);
    const broken = structuredClone(next) as unknown as { desempenos: { competency: string }[] };
    (broken.desempenos[1] as { competency: string }).competency = 'C9';
    await editor.fill(JSON.stringify(broken, null, 2));
    await minedu.getByText('desempenos.1.competency').waitFor();
    const renamed = 'Involucra a todos los estudiantes en su aprendizaje';
    (next.desempenos[0] as { name: string }).name = renamed;
    await editor.fill(JSON.stringify(next, null, 2));
    await minedu.getByText('La definición es válida.').waitFor();
    await minedu.getByLabel('Nota del cambio').fill('Nuevo nombre del primer desempeño.');
    await noViolations(minedu, 'el editor de borradores');
    await minedu.getByRole('button', { name: 'Guardar borrador' }).click();
    await minedu.getByRole('status').filter({ hasText: 'Borrador guardado.' }).waitFor();

    await minedu.getByRole('link', { name: 'Volver a instrumentos' }).click();
    await waitForH1(minedu, 'Rúbricas de observación de aula');
    minedu.once('dialog', (dialog) => void dialog.accept());
    await minedu.getByRole('button', { name: 'Publicar' }).click();
    await minedu.getByRole('status').filter({ hasText: 'Versión publicada.' }).waitFor();
    const after = await api(minedu.context().request, `/api/v1/instruments/${SEED_IDS.rubric}`);
    expect(
      after.versions.map((v: { version: number; status: string }) => [v.version, v.status]),
    ).toEqual([
      [3, 'published'],
      [2, 'retired'],
      [1, 'retired'],
    ]);
    // What changed between version 2 and 3.
    await minedu.getByLabel('Desde').selectOption({ label: 'Versión 2 (Retirada)' });
    await minedu.getByLabel('Hasta').selectOption({ label: 'Versión 3 (Publicada)' });
    await minedu.getByRole('button', { name: 'Comparar' }).click();
    await minedu.getByText('desempenos.involucra.name').waitFor();
    await minedu.getByText(renamed).first().waitFor();
    await noViolations(minedu, 'el detalle del instrumento con cambios');

    // The coach's earlier record still reads with version 2 and its original wording.
    await coach.goto(`/instrumentos/registros/${recordId}`);
    await waitForH1(coach, 'Registro de instrumento');
    await coach
      .getByText(/Llenado con: Rúbricas de observación de aula, versión 2 \(Retirada\)/)
      .waitFor();
    const original = (rubric.definition as RubricDefinition).desempenos[0]?.name as string;
    await coach.getByRole('heading', { name: original, exact: true }).waitFor();
    expect(await coach.getByRole('heading', { name: renamed }).count()).toBe(0);
    await noViolations(coach, 'el registro anterior');

    // New records get version 3.
    await coach.goto('/instrumentos/llenar');
    await waitForH1(coach, 'Llenar instrumento');
    await coach
      .getByText('Los instrumentos quedaron guardados para usarlos sin conexión.')
      .waitFor();
    const options = await coach
      .getByLabel('Instrumento', { exact: true })
      .locator('option')
      .allInnerTexts();
    expect(options).toContain('Rúbricas de observación de aula, versión 3');
    expect(options).not.toContain('Rúbricas de observación de aula, versión 2');
  });
});
