import { describe, expect, test } from 'vitest';
import { waitForH1 } from '../support/browser.ts';
import { getJson as api, noViolations, phoneSessions, step } from '../support/helpers.ts';

// Issue 11 (item 3) on a 375×812 phone: the coach and the director read the teacher's visits;
// the teacher opens «Quién consultó mi información» from their space and sees who (name and
// role), when and what; without a connection the screen says it needs one. Axe on the screen.

const TEACHER_DNI = '30000001';
const signedIn = phoneSessions();

describe('quién consultó mi información', () => {
  test('la docente ve quién consultó su información, y sin conexión se le explica', async () => {
    const coach = await signedIn('acompanante');
    const teacherId = (await api(coach.context().request, `/api/v1/teachers?q=${TEACHER_DNI}`))
      .items[0].id as string;
    await api(coach.context().request, `/api/v1/teachers/${teacherId}/visits`);
    const director = await signedIn('director');
    await api(director.context().request, `/api/v1/teachers/${teacherId}/visits`);

    const teacher = await signedIn('docente');
    await teacher.getByRole('link', { name: 'Quién consultó mi información' }).click();
    await waitForH1(teacher, 'Quién consultó mi información');
    const cards = teacher
      .getByRole('list', { name: /Consultas de tu información/ })
      .getByRole('listitem');
    await step(teacher, 'la lista de consultas', () => cards.first().waitFor({ timeout: 15_000 }));
    // The director saw only dates and status; the coach, the content (their phone also
    // pulled the teacher's records when it signed in: that is listed too).
    await cards
      .filter({ hasText: 'Director(a)' })
      .filter({ hasText: 'Solo las fechas y el estado de tus visitas' })
      .first()
      .waitFor();
    await cards
      .filter({ hasText: 'Acompañante pedagógico' })
      .filter({ hasText: 'La lista de tus visitas, con su contenido' })
      .first()
      .waitFor();
    expect(await teacher.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await noViolations(teacher, 'quién consultó mi información');
    await teacher.screenshot({ path: 'test-results/who-read.png', fullPage: true });

    // Offline: the list lives on the server; the screen says so and offers to retry.
    await teacher.context().setOffline(true);
    await teacher.getByRole('link', { name: 'Volver a mi acompañamiento' }).click();
    await teacher.getByRole('link', { name: 'Quién consultó mi información' }).click();
    await waitForH1(teacher, 'Quién consultó mi información');
    await step(teacher, 'aviso sin conexión', () =>
      teacher.getByText('Esta lista se guarda en el servidor.', { exact: false }).waitFor(),
    );
    await noViolations(teacher, 'quién consultó mi información, sin conexión');
    await teacher.screenshot({ path: 'test-results/who-read-offline.png', fullPage: true });
    await teacher.context().setOffline(false);
    await teacher.getByRole('button', { name: 'Reintentar' }).click();
    await cards.first().waitFor({ timeout: 15_000 });
  });
});
