import { describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { allPages, type DemoRole, DNI, rosterHarness, scopeOf, sorted } from '../shared/testing.ts';

// Regions, UGELs and networks: each role sees the units inside its scope.

describe.each(testTargets())('territory lists on $engine', (target) => {
  const h = rosterHarness(target);

  const list = async (role: DemoRole, path: string) =>
    sorted(
      (await allPages<{ id: string }>(h.client, path, h.cookies[role], 2)).items.map((i) => i.id),
    );

  it('shows the especialista their UGEL and its networks, not the region above', async () => {
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    expect(await list('especialista', '/api/v1/ugels')).toEqual([ugel]);
    expect(await list('especialista', '/api/v1/regions')).toEqual([]);
    const networks = await h.db
      .selectFrom('network')
      .select('id')
      .where('ugel_id', '=', ugel)
      .execute();
    expect(await list('especialista', '/api/v1/networks')).toEqual(
      sorted(networks.map((n) => n.id)),
    );
  });

  it('shows the formador their region and its UGELs', async () => {
    const region = await scopeOf(h.db, DNI.formador, 'formador');
    expect(await list('formador', '/api/v1/regions')).toEqual([region]);
    const ugels = await h.db
      .selectFrom('ugel')
      .select('id')
      .where('region_id', '=', region)
      .execute();
    expect(await list('formador', '/api/v1/ugels')).toEqual(sorted(ugels.map((u) => u.id)));
  });

  it('shows school-scoped roles no territory above their school', async () => {
    for (const role of ['director', 'docente'] as const) {
      expect(await list(role, '/api/v1/ugels')).toEqual([]);
      expect(await list(role, '/api/v1/regions')).toEqual([]);
    }
  });

  it('shows MINEDU everything, with filters and school counts', async () => {
    const regions = await list('minedu', '/api/v1/regions');
    expect(regions).toContain(h.far.regionId);
    expect(regions).toHaveLength((await h.db.selectFrom('region').select('id').execute()).length);
    expect(await list('minedu', `/api/v1/ugels?region=${h.far.regionId}`)).toEqual([h.far.ugelId]);
    const { body } = await h.client.getJson(
      `/api/v1/networks?ugel=${h.far.ugelId}`,
      h.cookies.minedu,
    );
    expect(body.items).toEqual([
      expect.objectContaining({
        id: h.far.networkId,
        schoolCount: 1,
        ugel: expect.objectContaining({ id: h.far.ugelId }),
      }),
    ]);
    const search = await h.client.getJson('/api/v1/regions?q=prueba', h.cookies.minedu);
    expect(search.body.items.map((r: { id: string }) => r.id)).toEqual([h.far.regionId]);
  });

  it('validates filters in Spanish', async () => {
    const { status, body } = await h.client.getJson('/api/v1/ugels?region=lima', h.cookies.minedu);
    expect(status).toBe(400);
    expect(body.error.message).toBe(
      'Revisa el campo «región (DRE)»: Debe ser un identificador válido.',
    );
  });
});
