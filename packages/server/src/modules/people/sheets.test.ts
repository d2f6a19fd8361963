import type { ActivationSheet, ActivationSheetPreview } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { ORIGIN } from '../../test/http.ts';
import { DNI, idOf, rosterHarness, scopeOf, YEAR } from '../shared/testing.ts';

// Activation sheets (issue 14): the director prints their school's, the especialista any
// school's or coach's of their UGEL; only people still to activate whom the printer may give a
// code; codes appear once and printing again replaces them (the preview says how many); a code
// from the sheet activates the account.

describe.each(testTargets())('activation sheets on $engine', (target) => {
  const h = rosterHarness(target);
  const post = (cookie: string, path: string, body: unknown) =>
    h.client.request(path, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it("prints the director's school: teachers still to activate, codes once, again replaces", async () => {
    const schoolId = await scopeOf(h.db, DNI.director, 'director');
    const preview = (await (
      await post(h.cookies.director, '/api/v1/activation-sheets/preview', { schoolId })
    ).json()) as ActivationSheetPreview;
    expect(preview.people).toBeGreaterThan(0);
    expect(preview.withLiveCode).toBe(0);

    const res = await post(h.cookies.director, '/api/v1/activation-sheets', { schoolId });
    expect(res.status).toBe(201);
    const sheet = (await res.json()) as ActivationSheet;
    expect(sheet.items).toHaveLength(preview.people);
    expect(sheet.appUrl).toMatch(/\/activar$/);
    const posts = await h.db
      .selectFrom('teacher_post')
      .select('person_id')
      .where('school_id', '=', schoolId)
      .where('school_year', '=', YEAR)
      .execute();
    const teachers = new Set(posts.map((p) => p.person_id));
    for (const item of sheet.items) {
      expect(teachers.has(item.personId), item.displayName).toBe(true);
      expect(item.code).toMatch(/^[A-Z2-9]{8}$/);
      expect(item.replacedCode).toBe(false);
    }
    // The demo docente (active) is skipped; the director never gets a code from themself.
    const director = await idOf(h.db, DNI.director);
    expect(sheet.items.map((i) => i.personId)).not.toContain(director);
    expect(sheet.skipped.map((s) => s.status)).not.toContain('none');

    const again = (await (
      await post(h.cookies.director, '/api/v1/activation-sheets/preview', { schoolId })
    ).json()) as ActivationSheetPreview;
    expect(again.withLiveCode).toBe(sheet.items.length);
    const second = (await (
      await post(h.cookies.director, '/api/v1/activation-sheets', { schoolId })
    ).json()) as ActivationSheet;
    expect(second.items.every((i) => i.replacedCode)).toBe(true);

    // The first sheet's code no longer works; the second's activates the account.
    const [first] = sheet.items;
    const [latest] = second.items.filter((i) => i.personId === first?.personId);
    if (!first || !latest) throw new Error('empty sheet');
    const old = await h.client.post('/api/v1/auth/activate', {
      dni: first.dni,
      code: first.code,
      password: 'lluvia sobre el lago Titicaca',
    });
    expect((await old.json()).error.code).toBe('ACTIVATION_INVALID');
    const ok = await h.client.post('/api/v1/auth/activate', {
      dni: latest.dni,
      code: latest.code,
      password: 'lluvia sobre el lago Titicaca',
    });
    expect(ok.status).toBe(200);
  });

  it("prints a coach's caseload for the especialista; refuses others and far groups", async () => {
    const coachId = await idOf(h.db, DNI.coach);
    const preview = await post(h.cookies.especialista, '/api/v1/activation-sheets/preview', {
      coachId,
    });
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as ActivationSheetPreview;
    expect(body.skipped.map((s) => s.personId)).toContain(coachId); // active demo account

    for (const role of ['coach', 'docente', 'formador', 'minedu'] as const) {
      const res = await post(h.cookies[role], '/api/v1/activation-sheets/preview', { coachId });
      expect(res.status, role).toBe(403);
    }
    const far = await post(h.cookies.especialista, '/api/v1/activation-sheets', {
      schoolId: h.far.schoolId,
    });
    expect(far.status).toBe(404);
    const director = await post(h.cookies.director, '/api/v1/activation-sheets', {
      schoolId: h.far.schoolId,
    });
    expect(director.status).toBe(404);
    const both = await post(h.cookies.especialista, '/api/v1/activation-sheets', {
      schoolId: h.far.schoolId,
      coachId,
    });
    expect([both.status, (await both.json()).error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
