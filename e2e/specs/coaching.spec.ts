import { type RubricDefinition, SEED_IDS, type VersionDetail } from '@acompana/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { syncFromChip, waitForFirstSync, waitForH1 } from '../support/browser.ts';
import { getJson as api, noViolations, phoneSessions, step } from '../support/helpers.ts';
import { readStore } from '../support/instruments.ts';

// Issue 5 on a 375×812 phone: the coach records a whole visit with the network off (goals,
// rubric levels with evidence, field notes, the reflective dialogue, two commitments), gets
// the ficha PDF offline, syncs; the teacher sees it, writes a reflection and updates a
// commitment; the director learns only that the visit took place and is refused its content.

const TEACHER_DNI = '30000001';

const signedIn = phoneSessions();

async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.evaluate('navigator.serviceWorker.ready');
  if (!(await page.evaluate('Boolean(navigator.serviceWorker.controller)'))) {
    await page.reload();
    await expect
      .poll(() => page.evaluate('Boolean(navigator.serviceWorker.controller)'), {
        timeout: 30_000,
      })
      .toBe(true);
  }
}

async function syncNow(page: Page): Promise<void> {
  await syncFromChip(page);
  await page.keyboard.press('Escape');
}

describe('el ciclo de acompañamiento en el teléfono', () => {
  let visitId = '';
  let teacherId = '';
  const stamp = Date.now();
  const goal = `Leer un cuento y conversar sobre los personajes ${stamp}`;
  const planQuestions = `Planificar tres preguntas inferenciales (${stamp})`;

  test('el acompañante registra una visita completa sin conexión, descarga su ficha y sincroniza', async () => {
    const coach = await signedIn('acompanante');
    const request = coach.context().request;
    const coachId = (await api(request, '/api/v1/me')).person.id as string;
    const teacher = (await api(request, `/api/v1/teachers?q=${TEACHER_DNI}`)).items[0];
    teacherId = teacher.id;
    const rubric = (await api(
      request,
      `/api/v1/instrument-versions/${SEED_IDS.rubric2018}`,
    )) as VersionDetail;
    const def = rubric.definition as RubricDefinition;
    const [first, , third] = def.desempenos;
    if (!first || !third) throw new Error('the seeded rubric has fewer than three desempeños');
    await step(coach, 'service worker', () => controlledByServiceWorker(coach));

    // Online once: the caseload and the published instruments reach the device.
    await step(coach, 'instrumentos en el dispositivo', () =>
      expect
        .poll(
          async () =>
            (await readStore<{ kind: string }>(coach, coachId, 'reference')).filter(
              (r) => r.kind === 'instrument',
            ).length,
          { timeout: 30_000 },
        )
        .toBeGreaterThanOrEqual(3),
    );
    await coach.getByRole('heading', { name: 'Agenda del día' }).waitFor();
    await noViolations(coach, 'el día del acompañante');
    await coach.getByRole('link', { name: 'Programar visita' }).first().click();
    await waitForH1(coach, 'Programar visita');
    await expect.poll(() => coach.locator('#visit-teacher option').count()).toBeGreaterThan(1);

    await coach.context().setOffline(true);
    await coach.getByLabel('Docente', { exact: true }).selectOption({ label: teacher.displayName });
    await coach.getByLabel('Propósitos de la visita').fill(`${goal}\nRegistrar preguntas`);
    await coach.getByRole('button', { name: 'Guardar' }).click();
    await step(coach, 'guardar la visita', () =>
      coach.getByRole('heading', { level: 1, name: /^Visita del / }).waitFor(),
    );
    visitId = new URL(coach.url()).pathname.split('/').pop() ?? '';
    const focus = coach.getByRole('group', { name: 'Desempeños en foco' });
    await focus.getByRole('checkbox', { name: first.name }).check();
    await focus.getByRole('checkbox', { name: third.name }).check();
    await coach.getByRole('button', { name: 'Guardar acuerdos' }).click();
    await coach.getByText('Acuerdos guardados en este dispositivo.').waitFor();
    await coach.getByRole('button', { name: 'Iniciar observación' }).click();
    await coach.getByText(/Observación iniciada/).waitFor();
    await noViolations(coach, 'la visita antes de la sesión');

    // During: the rubric of the visit, a level with evidence for each desempeño.
    await coach.getByRole('link', { name: /^Llenar Rúbricas/ }).click();
    await waitForH1(coach, 'Llenar instrumento');
    const levels = ['III: Satisfactorio', 'II: En proceso', 'III: Satisfactorio', 'IV: Destacado'];
    for (const [i, d] of def.desempenos.entries()) {
      const card = coach.getByRole('region', { name: d.name });
      await card
        .getByRole('radiogroup', { name: 'Nivel' })
        .getByRole('radio', { name: levels[i % levels.length] as string, exact: true })
        .click();
      await card.getByLabel('Evidencia observada').fill(`Evidencia ${i + 1} de la sesión.`);
    }
    await coach.getByRole('button', { name: 'Marcar como completo' }).click();
    await coach.getByRole('status').filter({ hasText: 'Registro completo guardado' }).waitFor();
    await coach.getByRole('link', { name: 'Volver a la visita' }).click();

    // Field notes, a good practice among them.
    await coach.getByRole('link', { name: /^Llenar Cuaderno/ }).click();
    await waitForH1(coach, 'Llenar instrumento');
    await coach.getByLabel('Nota', { exact: true }).fill('Los grupos leen en voz alta por turnos.');
    await coach.getByLabel('Buena práctica').check();
    await coach.getByRole('button', { name: 'Agregar nota' }).click();
    await coach.getByLabel('Nota', { exact: true }).fill('Dos niños no participan en el cierre.');
    await coach.getByRole('button', { name: 'Agregar nota' }).click();
    await coach.getByRole('button', { name: 'Marcar como completo' }).click();
    await coach.getByRole('status').filter({ hasText: 'Registro completo guardado' }).waitFor();
    await coach.getByRole('link', { name: 'Volver a la visita' }).click();
    await coach.getByRole('heading', { level: 1, name: /^Visita del / }).waitFor();
    await expect
      .poll(() => coach.getByRole('region', { name: 'Durante la sesión' }).innerText())
      .toContain('2 notas de campo');

    // After: the dialogue by its moments, the reflection level and two commitments.
    await coach.getByLabel('Apertura').fill('La docente cuenta qué quería lograr.');
    await coach
      .getByLabel('Reflexión sobre la evidencia')
      .fill('Revisamos las notas: casi todos leyeron.');
    await coach.getByLabel('Alternativas de mejora').fill('Preguntas inferenciales al cierre.');
    await coach
      .getByRole('radiogroup', { name: 'Nivel de reflexión alcanzado' })
      .getByRole('radio', { name: /Práctica/ })
      .check();
    await coach.getByRole('button', { name: 'Guardar diálogo' }).click();
    await coach.getByText('Diálogo guardado en este dispositivo.').waitFor();
    const commitments = [
      { text: planQuestions, owner: 'Docente', desempeno: third },
      { text: 'Modelar una sesión de lectura', owner: 'Acompañante', desempeno: first },
    ];
    for (const c of commitments) {
      await coach.getByLabel('Compromiso', { exact: true }).fill(c.text);
      await coach.getByLabel('Responsable').selectOption({ label: c.owner });
      await coach.getByLabel('Desempeño (opcional)').selectOption({ label: c.desempeno.name });
      await coach.getByLabel('Fecha límite (opcional)').fill('2026-12-15');
      await coach.getByRole('button', { name: 'Agregar compromiso' }).last().click();
      await coach.getByText(c.text).first().waitFor();
      // The form clears once the commitment is saved, ready for the next one.
      await expect
        .poll(() => coach.getByLabel('Compromiso', { exact: true }).inputValue())
        .toBe('');
    }
    await coach.getByRole('button', { name: 'Marcar como realizada' }).click();
    await coach.getByText('Realizada').first().waitFor();
    await noViolations(coach, 'la visita después de la sesión');

    // The ficha, generated on the phone with no connection.
    const [download] = await Promise.all([
      coach.waitForEvent('download'),
      coach.getByRole('button', { name: 'Descargar ficha de visita (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ficha-visita-\d{4}-\d{2}-\d{2}-.+\.pdf$/);
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>) {
      chunks.push(chunk);
    }
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2000);

    // Back online: everything reaches the server.
    await coach.context().setOffline(false);
    await step(coach, 'sincronizar', () => syncNow(coach));
    const detail = await api(request, `/api/v1/visits/${visitId}`);
    expect(detail).toMatchObject({
      status: 'done',
      goals: [goal, 'Registrar preguntas'],
      focus: [first.code, third.code],
      dialogue: { reflectionLevel: 'practica' },
    });
    expect(detail.commitments.map((c: { text: string }) => c.text).sort()).toEqual(
      commitments.map((c) => c.text).sort(),
    );
    expect(detail.responses.map((r: { status: string }) => r.status)).toEqual([
      'complete',
      'complete',
    ]);
  }, 240_000);

  test('la docente ve la visita, escribe su reflexión y actualiza un compromiso', async () => {
    expect(visitId).not.toBe('');
    const docente = await signedIn('docente');
    await docente.getByRole('heading', { name: 'Mi acompañamiento' }).waitFor();
    await docente.goto(`/visitas/${visitId}`);
    await step(docente, 'la visita llega al dispositivo de la docente', () =>
      docente.getByRole('heading', { level: 1, name: /^Visita del / }).waitFor({ timeout: 30_000 }),
    );
    await docente.getByText(goal).waitFor();
    await docente.getByText('Revisamos las notas: casi todos leyeron.').waitFor();
    // The whole visit is on screen (its last section too) before the first tap, so nothing
    // still arriving moves the button under the finger.
    await docente.getByLabel('Reflexión sobre la visita').waitFor();
    await step(docente, 'la docente confirma los propósitos', async () => {
      await docente.getByRole('button', { name: 'Confirmo los propósitos acordados' }).click();
      await docente.getByText(/^Confirmaste los propósitos el /).waitFor();
    });
    await docente
      .getByLabel('Reflexión sobre la visita')
      .fill('Me ayudó ver que las preguntas de cierre fueron literales.');
    await docente.getByRole('button', { name: 'Guardar reflexión' }).click();
    await docente.getByRole('status').filter({ hasText: 'Reflexión guardada' }).waitFor();
    const card = docente.getByRole('listitem').filter({ hasText: planQuestions });
    await card.getByLabel('Avance').selectOption({ label: 'En proceso' });
    await card.getByRole('button', { name: 'Guardar avance' }).click();
    await card.getByRole('alert').filter({ hasText: 'la nota es obligatoria' }).waitFor();
    await card.getByLabel('Nota de seguimiento').fill('Preparé dos de las tres preguntas.');
    await card.getByRole('button', { name: 'Guardar avance' }).click();
    await noViolations(docente, 'la visita vista por la docente');
    await step(docente, 'sincronizar', () => syncNow(docente));

    const meId = (await api(docente.context().request, '/api/v1/me')).person.id as string;
    // Nothing left behind or rejected: the teacher wrote only fields that are theirs.
    expect(await readStore(docente, meId, 'outbox')).toEqual([]);
    const detail = await api(docente.context().request, `/api/v1/visits/${visitId}`);
    expect(detail.reflections.map((r: { text: string }) => r.text)).toEqual([
      'Me ayudó ver que las preguntas de cierre fueron literales.',
    ]);
    expect(detail.teacherConfirmedAt).not.toBeNull();
    const updated = detail.commitments.find((c: { text: string }) => c.text === planQuestions);
    expect(updated).toMatchObject({
      status: 'en_proceso',
      followUpNote: 'Preparé dos de las tres preguntas.',
    });
  }, 120_000);

  test('el acompañante lee la reflexión de la docente en la visita, sin poder editarla', async () => {
    expect(visitId).not.toBe('');
    const coach = await signedIn('acompanante');
    await waitForFirstSync(coach);
    await syncNow(coach);
    await coach.goto(`/visitas/${visitId}`);
    await coach.getByRole('heading', { level: 1, name: /^Visita del / }).waitFor();
    const section = coach.getByRole('region', { name: /^Reflexión de / });
    await step(coach, 'la reflexión llega al dispositivo del acompañante', () =>
      section
        .getByText('Me ayudó ver que las preguntas de cierre fueron literales.')
        .waitFor({ timeout: 30_000 }),
    );
    expect(await section.getByRole('textbox').count()).toBe(0);
    expect(await section.getByRole('button').count()).toBe(0);
    expect(await coach.getByRole('button', { name: 'Guardar reflexión' }).count()).toBe(0);
    await noViolations(coach, 'la reflexión leída por el acompañante');
  }, 90_000);

  test('el director ve solo que la visita ocurrió y no su contenido', async () => {
    expect(visitId).not.toBe('');
    const director = await signedIn('director');
    const request = director.context().request;
    const refused = await request.get(`/api/v1/visits/${visitId}`);
    expect([403, 404]).toContain(refused.status());
    expect(await refused.text()).not.toContain(goal);
    const list = await api(request, `/api/v1/teachers/${teacherId}/visits`);
    expect(list.access).toBe('status');
    expect(list.visits.length).toBeGreaterThan(0);
    for (const v of list.visits) expect(Object.keys(v).sort()).toEqual(['plannedDate', 'status']);

    await director.goto(`/docentes/${teacherId}`);
    const section = director.getByRole('region', { name: 'Visitas de acompañamiento' });
    await section.getByText(/Ves solo la fecha y el estado/).waitFor();
    await expect.poll(() => section.getByText(/Realizada/).count()).toBeGreaterThan(0);
    expect(await section.getByRole('link').count()).toBe(0);
    expect(await director.getByText(goal).count()).toBe(0);
    await noViolations(director, 'la ficha de la docente vista por el director');
  }, 90_000);
  test('plan, diagnóstico, progreso y modelado se abren sin conexión y pasan axe', async () => {
    expect(teacherId).not.toBe('');
    const coach = await signedIn('acompanante');
    await step(coach, 'service worker', () => controlledByServiceWorker(coach));
    // The demo year of this teacher reaches the device with the first complete sync.
    await waitForFirstSync(coach);
    await coach.goto(`/docentes/${teacherId}/plan`);
    await coach.getByRole('heading', { level: 1, name: /^Plan de acompañamiento \d{4}/ }).waitFor();
    await coach.context().setOffline(true);

    await coach.reload();
    await step(coach, 'el plan sin conexión', () =>
      coach.getByText('Revisión frente a la meta').first().waitFor(),
    );
    await noViolations(coach, 'el plan de acompañamiento');
    await coach.goto(`/docentes/${teacherId}/diagnostico`);
    await coach.getByRole('heading', { level: 1, name: /^Diagnóstico \d{4}/ }).waitFor();
    await noViolations(coach, 'el diagnóstico');
    await coach.goto(`/docentes/${teacherId}/progreso`);
    await coach.getByRole('heading', { level: 1, name: /^Progreso de / }).waitFor();
    await coach.getByText('Etapa de progreso').first().waitFor();
    await coach.getByText('Historial de decisiones').first().waitFor();
    await noViolations(coach, 'el progreso');
    await coach.goto(`/docentes/${teacherId}/modelado`);
    await coach.getByRole('heading', { level: 1, name: /^Modelado de / }).waitFor();
    await noViolations(coach, 'el modelado');
    await coach.context().setOffline(false);
  }, 120_000);
  test('el equipo MINEDU configura las etapas de una intervención y el acompañante las usa', async () => {
    expect(teacherId).not.toBe('');
    const minedu = await signedIn('minedu');
    const detail = await api(minedu.context().request, `/api/v1/teachers/${teacherId}`);
    const code = detail.caseloads.find((c: { current: boolean }) => c.current).intervention;
    await minedu.goto(`/catalogo?intervencion=${code}`);
    await minedu
      .getByRole('heading', { name: 'Etapas de progreso de la docente o el docente' })
      .waitFor();
    await minedu.getByText('Enfocado en el aprendizaje').first().waitFor();
    const ladder = {
      window: 2,
      minObservations: 1,
      stages: [
        {
          code: 'inicial',
          name: 'Inicial',
          coachRole: 'modelo',
          minMean: 0,
          minShareSatisfactory: 0,
          minLevel: 1,
        },
        {
          code: 'autonomo',
          name: 'Autónomo',
          coachRole: 'amigo_critico',
          minMean: 3,
          minShareSatisfactory: 0.5,
          minLevel: 2,
        },
      ],
    };
    const editor = minedu.getByLabel('Escalera (JSON)');
    await editor.fill('{ "stages": ');
    await minedu.getByRole('alert').filter({ hasText: 'no es JSON válido' }).waitFor();
    await editor.fill(JSON.stringify(ladder));
    await minedu.getByRole('button', { name: 'Guardar escalera' }).click();
    await minedu.getByRole('status').filter({ hasText: 'Escalera guardada.' }).waitFor();
    await noViolations(minedu, 'las etapas en el catálogo');

    try {
      const coach = await signedIn('acompanante');
      await waitForFirstSync(coach);
      await coach.goto(`/docentes/${teacherId}/progreso`);
      const form = coach.getByRole('group', { name: '¿En qué etapa está el docente?' });
      await step(coach, 'la escalera propia llega al dispositivo', () =>
        expect.poll(() => form.getByRole('radio').count(), { timeout: 30_000 }).toBe(2),
      );
      await form.getByRole('radio', { name: /Autónomo/ }).waitFor();
    } finally {
      await minedu.getByRole('button', { name: 'Volver a la escalera por defecto' }).click();
      await minedu.getByRole('status').filter({ hasText: 'Escalera guardada.' }).waitFor();
    }
    const after = await api(minedu.context().request, '/api/v1/interventions');
    expect(after.items.find((i: { code: string }) => i.code === code).customLadder).toBe(false);
  }, 120_000);
});
