import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  baseURL,
  connectBrowser,
  openFromMore,
  phoneContext,
  waitForFirstSync,
  waitForH1,
  waitForPath,
} from '../support/browser.ts';
import { getJson, noViolations, phoneSessions, step } from '../support/helpers.ts';
import { pdfStrings } from '../support/pdf.ts';

// Issue 14 on a 375×812 phone. The especialista registers a new coach from «Personas»,
// assigns the three teachers of a school on the board «Asignaciones», prints the activation
// sheet of the coach's group (the PDF holds the codes), and the coach activates their account
// with their code on their own phone. After one sync the coach sees exactly those three
// teachers offline and schedules a visit for one of them without a connection; the
// especialista moves that teacher to another coach with a reason; at the coach's next sync the
// teacher leaves the device and the offline visit is not lost: it is refused with a reason the
// Sincronización page shows, and stays on the device.

const COACH = { dni: '48999001', names: 'Yolanda', paternal: 'Quispe', maternal: 'Huarcaya' };
const FULL_NAME = `${COACH.names} ${COACH.paternal} ${COACH.maternal}`;
/** A teacher who arrived at the demo's newly enrolled multigrade school (two teachers without
 *  a coach there already): the school then has three teachers to assign. */
const NEW_TEACHER = { dni: '48999101', names: 'Rosa Elena', paternal: 'Ccori', maternal: 'Mamani' };
const SCHOOL = { codigo: '0538952', name: 'IE N° 82218 Shiracmaca' };
const CODE = /^[A-HJKMNP-Z2-9]{8}$/;
const year = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima', year: 'numeric' }).format(
    new Date(),
  ),
);
/** Coach and caseload from the first day of the school year: a move today ends the old row
 *  yesterday, which must not be before its start. */
const YEAR_START = `${year}-01-01`;

const signedIn = phoneSessions();
let browser: Browser | undefined;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Teacher {
  id: string;
  displayName: string;
}

/** The new teacher's post this year, imported as a file like any list of teachers. */
async function importNewTeacher(esp: Page): Promise<void> {
  const csv = [
    'DNI,NOMBRES,APELLIDO_PATERNO,APELLIDO_MATERNO,COD_MOD,ANIO',
    `${NEW_TEACHER.dni},${NEW_TEACHER.names},${NEW_TEACHER.paternal},${NEW_TEACHER.maternal},${SCHOOL.codigo},${year}`,
  ].join('\n');
  const res = await esp.context().request.post('/api/v1/imports/teachers', {
    headers: { Origin: baseURL() },
    multipart: {
      file: { name: 'docentes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') },
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.json()).toMatchObject({ applied: true, created: 1, invalidRows: 0 });
}

/** The teachers of the school without a coach, as the board's warnings list them. */
async function uncoachedOfSchool(esp: Page): Promise<Teacher[]> {
  const warnings = await getJson(esp.context().request, '/api/v1/rosters/warnings?limit=50');
  return warnings.withoutCoach.items
    .filter((i: { schools: { name: string }[] }) => i.schools.some((s) => s.name === SCHOOL.name))
    .map((i: { teacher: Teacher }) => i.teacher);
}

async function registerCoach(esp: Page): Promise<string> {
  await openFromMore(esp, 'Personas');
  await waitForH1(esp, 'Personas');
  await esp.locator('.list a').first().waitFor();
  await noViolations(esp, 'Personas');
  await esp.screenshot({ path: 'test-results/people/personas.png', fullPage: false });

  await esp.getByRole('link', { name: 'Registrar acompañante' }).click();
  await waitForH1(esp, 'Registrar acompañante');
  await esp.getByLabel('DNI', { exact: true }).fill(COACH.dni);
  await esp.getByLabel('Nombres', { exact: true }).fill(COACH.names);
  await esp.getByLabel('Apellido paterno', { exact: true }).fill(COACH.paternal);
  await esp.getByLabel('Apellido materno (opcional)').fill(COACH.maternal);
  await step(esp, 'las intervenciones', () =>
    esp.locator('select[name="interventionCode"] option[value="MULTIGRADO"]').waitFor({
      state: 'attached',
    }),
  );
  await esp.getByLabel('Intervención', { exact: true }).selectOption('MULTIGRADO');
  await esp.getByLabel('Fecha de inicio', { exact: true }).fill(YEAR_START);
  await noViolations(esp, 'Registrar acompañante');
  await esp.screenshot({ path: 'test-results/people/registrar.png', fullPage: true });
  await esp.getByRole('button', { name: 'Registrar acompañante' }).click();
  await waitForH1(esp, FULL_NAME);
  await esp.getByText('Acompañante pedagógico').first().waitFor();
  await noViolations(esp, 'ficha de la persona');
  await esp.screenshot({ path: 'test-results/people/persona.png', fullPage: true });
  return new URL(esp.url()).pathname;
}

/** «Asignaciones» → «Asignar docentes» → by school: every teacher of the school. */
async function assignSchool(esp: Page): Promise<void> {
  await openFromMore(esp, 'Asignaciones');
  await waitForH1(esp, 'Asignaciones');
  await esp.getByRole('button', { name: 'Asignar docentes', exact: true }).click();
  const sheet = esp.getByRole('dialog', { name: 'Asignar docentes' });
  await sheet.waitFor();
  await sheet.getByLabel('Acompañante', { exact: true }).selectOption({ label: FULL_NAME });
  await sheet.getByLabel('Intervención', { exact: true }).selectOption('MULTIGRADO');
  await sheet.getByRole('radio', { name: /^Institución/ }).click();
  await sheet.getByLabel('Institución educativa', { exact: true }).selectOption({
    label: SCHOOL.name,
  });
  await sheet.getByLabel('Desde', { exact: true }).fill(YEAR_START);
  await noViolations(esp, 'Asignar docentes');
  await esp.screenshot({ path: 'test-results/people/asignar.png', fullPage: false });
  await sheet.getByRole('button', { name: 'Asignar', exact: true }).click();
  await step(esp, 'asignar la institución', () =>
    esp.getByText('Se asignaron 3 docentes.').waitFor(),
  );
  await noViolations(esp, 'Asignaciones');
  await esp.screenshot({ path: 'test-results/people/asignaciones.png', fullPage: true });
}

/** Prints the group's sheet; returns each DNI's code as the PDF shows it. */
async function printSheet(esp: Page, personPath: string): Promise<Map<string, string>> {
  await esp.goto(personPath);
  await waitForH1(esp, FULL_NAME);
  await esp.getByRole('link', { name: 'Hoja de activación de su grupo' }).click();
  await waitForH1(esp, 'Hoja de códigos de activación');
  // The coach and the three teachers: none has an account yet.
  await esp.getByText('4 personas recibirán un código nuevo.').waitFor();
  await noViolations(esp, 'hoja de activación');
  const [download] = await Promise.all([
    esp.waitForEvent('download'),
    esp.getByRole('button', { name: 'Emitir códigos e imprimir' }).click(),
  ]);
  // Chromium runs behind a remote connection: the file is copied here to be read.
  const file = join(tmpdir(), `hoja-${Date.now()}.pdf`);
  await download.saveAs(file);
  const strings = pdfStrings(await readFile(file));
  // Each card: name, «DNI …», «Código:», the code.
  const codes = new Map<string, string>();
  strings.forEach((s, i) => {
    const dni = /^DNI (\d{8})$/.exec(s)?.[1];
    const code = strings.slice(i + 1, i + 4).find((x) => CODE.test(x));
    if (dni && code) codes.set(dni, code);
  });
  expect(strings.filter((s) => CODE.test(s))).toHaveLength(4);
  expect(codes.size).toBe(4);
  expect(codes.has(NEW_TEACHER.dni)).toBe(true);
  await esp.getByText(/Hoja lista con 4 códigos/).waitFor();
  expect(await esp.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
  await esp.screenshot({ path: 'test-results/people/hoja.png', fullPage: true });
  return codes;
}

/** The device holds the coach's teacher list for the offline screens. */
async function teachersStored(page: Page, personId: string): Promise<void> {
  // An expression string: this suite is typed for Node, it runs in the page.
  const probe = `new Promise((resolve) => {
    const open = indexedDB.open('acompana-${personId}');
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const db = open.result;
      try {
        const get = db.transaction('meta').objectStore('meta').get('screens.teachers');
        get.onsuccess = () => { db.close(); resolve(Boolean(get.result)); };
        get.onerror = () => { db.close(); resolve(false); };
      } catch { db.close(); resolve(false); }
    };
  })`;
  await expect.poll(() => page.evaluate(probe), { timeout: 90_000 }).toBe(true);
}

/** «Docentes» as the phone shows it (offline: from the device's copy). */
async function teacherNames(page: Page): Promise<string[]> {
  await page.goto('/docentes');
  await waitForH1(page, 'Docentes');
  const list = page.getByRole('list', { name: 'Resultados' });
  await list.getByRole('listitem').first().waitFor();
  const titles = await list.getByRole('listitem').locator('.list-item__title').allInnerTexts();
  return titles.map((t) => t.trim()).sort();
}

/** «Asignaciones» → the coach's group → «Cambiar o terminar» → another coach, with a reason. */
async function moveTeacher(esp: Page, teacher: Teacher): Promise<void> {
  await openFromMore(esp, 'Asignaciones');
  await waitForH1(esp, 'Asignaciones');
  await esp.getByRole('button', { name: `Ver el grupo de ${FULL_NAME}` }).click();
  await esp
    .getByRole('button', { name: `Cambiar o terminar la asignación de ${teacher.displayName}` })
    .click();
  const sheet = esp.getByRole('dialog', { name: `Asignación de ${teacher.displayName}` });
  await sheet.waitFor();
  await sheet.getByLabel('Nuevo acompañante', { exact: true }).selectOption({ index: 1 });
  await sheet.getByLabel('Motivo', { exact: true }).fill('La docente pasa a la red de su anexo');
  await noViolations(esp, 'Cambiar de acompañante');
  await sheet.getByRole('button', { name: 'Cambiar de acompañante', exact: true }).click();
  await step(esp, 'cambiar de acompañante', () =>
    esp.getByText(`Se cambió de acompañante a ${teacher.displayName}.`).waitFor(),
  );
}

describe('personas, hojas de activación y grupos de acompañamiento', () => {
  test('registrar, asignar, imprimir, activar, trabajar sin conexión y cambiar de acompañante', async () => {
    const esp = await signedIn('especialista');
    await importNewTeacher(esp);
    const teachers = await uncoachedOfSchool(esp);
    expect(teachers.map((t) => t.displayName)).toHaveLength(3);
    const personPath = await registerCoach(esp);
    await assignSchool(esp);
    expect(await uncoachedOfSchool(esp)).toEqual([]);
    const codes = await printSheet(esp, personPath);

    // The coach, on their own phone, not signed in: «Activar cuenta» with the printed code.
    if (!browser) throw new Error('no browser');
    const context = await phoneContext(browser);
    const phone = await context.newPage();
    await phone.goto('/activar');
    await waitForH1(phone, 'Activar cuenta');
    await phone.getByLabel('DNI', { exact: true }).fill(COACH.dni);
    await phone
      .getByLabel('Código de activación', { exact: true })
      .fill(codes.get(COACH.dni) ?? '');
    await phone.getByLabel('Elige tu contraseña').fill('cuatro llamas cruzan el puente');
    await phone.getByRole('button', { name: 'Activar e ingresar' }).click();
    await waitForPath(phone, '/');
    await waitForH1(phone, 'Mi día');
    const me = (await getJson(context.request, '/api/v1/me')).person.id as string;

    // One sync online; then the network off: exactly those three teachers, from the device.
    await phone.evaluate('navigator.serviceWorker.ready.then(() => true)');
    if (!(await phone.evaluate('Boolean(navigator.serviceWorker.controller)')))
      await phone.reload();
    await waitForFirstSync(phone);
    await step(phone, 'docentes guardados', () => teachersStored(phone, me));
    await context.setOffline(true);
    const names = teachers.map((t) => t.displayName).sort();
    expect(await step(phone, 'docentes sin conexión', () => teacherNames(phone))).toEqual(names);
    await noViolations(phone, 'Docentes sin conexión');
    await phone.screenshot({ path: 'test-results/people/docentes-offline.png', fullPage: true });

    // Offline work for the teacher who is about to move: a visit, waiting on the device.
    const moving = teachers.find((t) => t.displayName === names[0]) as Teacher;
    await phone.goto('/visitas/nueva');
    await waitForH1(phone, 'Programar visita');
    await phone.getByLabel('Docente', { exact: true }).selectOption(moving.id);
    await phone.getByLabel('Propósitos de la visita').fill('Planificar la sesión de lectura');
    await phone.getByRole('button', { name: 'Guardar' }).click();
    await step(phone, 'la visita sin conexión', () =>
      phone.getByRole('heading', { level: 1, name: /^Visita del / }).waitFor(),
    );
    await phone.getByText('sin enviar', { exact: true }).first().waitFor();

    await moveTeacher(esp, moving);

    // Back online, the coach syncs: the visit is refused with a reason and kept on the device;
    // the moved teacher leaves the device.
    await context.setOffline(false);
    await phone.getByRole('button', { name: /^Sincronización: / }).click();
    await phone.getByRole('dialog', { name: 'Estado de la sincronización' }).waitFor();
    await phone.getByRole('button', { name: 'Sincronizar ahora' }).click();
    await step(phone, 'el cambio rechazado', () =>
      phone.getByText('1 cambio rechazado: revísalo').first().waitFor({ timeout: 30_000 }),
    );
    await phone.goto('/sincronizacion');
    await waitForH1(phone, 'Sincronización');
    const rejected = phone.getByRole('list', { name: 'Cambios rechazados' }).getByRole('listitem');
    await rejected.first().waitFor();
    const text = await rejected.first().innerText();
    expect(text).toContain('no está en tu grupo de acompañamiento actual');
    expect(text).toContain('queda guardado en este dispositivo');
    await noViolations(phone, 'Sincronización con un cambio rechazado');
    await phone.screenshot({ path: 'test-results/people/rechazado.png', fullPage: true });
    await expect
      .poll(() => teacherNames(phone), { timeout: 60_000, interval: 2_000 })
      .toEqual(names.slice(1));
    await context.close();
    // Many steps, each an argon2 hash, a sync or a page load: minutes on a busy 2-core machine.
  }, 600_000);

  test('equipo MINEDU registra a un especialista y la especialista a una directora', async () => {
    const minedu = await signedIn('minedu');
    await openFromMore(minedu, 'Personas');
    await waitForH1(minedu, 'Personas');
    // Equipo MINEDU registers no coaches (their especialista does).
    await minedu.getByRole('link', { name: 'Registrar persona' }).waitFor();
    expect(await minedu.getByRole('link', { name: 'Registrar acompañante' }).count()).toBe(0);
    await minedu.getByRole('link', { name: 'Registrar persona' }).click();
    await waitForH1(minedu, 'Registrar persona');
    await minedu.getByLabel('Rol', { exact: true }).selectOption('especialista');
    const ugel = minedu.getByLabel('UGEL', { exact: true });
    await step(minedu, 'las UGEL', () =>
      ugel.locator('option', { hasText: 'Gran Chimú' }).waitFor({ state: 'attached' }),
    );
    await ugel.selectOption({ label: 'UGEL Gran Chimú' });
    await minedu.getByLabel('DNI', { exact: true }).fill('47999001');
    await minedu.getByLabel('Nombres', { exact: true }).fill('Julia');
    await minedu.getByLabel('Apellido paterno', { exact: true }).fill('Rojas');
    await noViolations(minedu, 'Registrar persona');
    await minedu.screenshot({ path: 'test-results/people/registrar-persona.png', fullPage: true });
    await minedu.getByRole('button', { name: 'Registrar persona' }).click();
    await waitForH1(minedu, 'Julia Rojas');
    await minedu.getByText('Especialista UGEL').first().waitFor();

    const esp = await signedIn('especialista');
    await esp.goto('/personas/registrar');
    await waitForH1(esp, 'Registrar persona');
    expect(await esp.getByLabel('Rol', { exact: true }).locator('option').allInnerTexts()).toEqual([
      'Elige una opción',
      'Director(a)',
      'Docente',
    ]);
    await esp.getByLabel('Rol', { exact: true }).selectOption('director');
    await esp.getByLabel('Buscar institución educativa').fill(SCHOOL.codigo);
    await esp.getByRole('button', { name: 'Buscar', exact: true }).click();
    const school = esp.getByLabel('Institución educativa', { exact: true });
    await step(esp, 'la institución buscada', () =>
      expect
        .poll(() => school.locator('option').allInnerTexts())
        .toEqual([`${SCHOOL.name} · ${SCHOOL.codigo}`]),
    );
    await esp.getByLabel('DNI', { exact: true }).fill('47999002');
    await esp.getByLabel('Nombres', { exact: true }).fill('Elena');
    await esp.getByLabel('Apellido paterno', { exact: true }).fill('Paredes');
    await noViolations(esp, 'Registrar persona (directora)');
    expect(await esp.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await esp.getByRole('button', { name: 'Registrar persona' }).click();
    await waitForH1(esp, 'Elena Paredes');
    await esp.getByText('Director(a)').first().waitFor();
    await esp.screenshot({ path: 'test-results/people/directora.png', fullPage: true });
  }, 180_000);
});
