import {
  type Actor,
  AppError,
  apiFieldLabel,
  type CreateInstrumentBody,
  canTransition,
  decide,
  diffDefinitions,
  fieldIssues,
  INSTRUMENT_EXPORT_FORMAT,
  type InstrumentDefinition,
  type InstrumentExport,
  type InstrumentSummary,
  instrumentExportSchema,
  parseDefinition,
  type SaveDraftBody,
  type VersionDetail,
  type VersionDiff,
  type VersionStatus,
} from '@acompana/core';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { getInstrument, getVersion } from './queries.ts';

// The designer of equipo MINEDU: drafts are created, edited, published and retired here.
// A published version never changes (the service refuses; the database trigger of migration
// 0005 refuses too); new content is always a new version. Publishing a version retires the
// one published before it, so coaches always have exactly one current version to fill.

/** Every designer write is recorded (who changed which version, and how). */
async function audit(
  db: Kysely<DB> | Transaction<DB>,
  actor: Actor,
  action: string,
  versionId: string,
  detail: Record<string, unknown>,
) {
  await db
    .insertInto('audit_event')
    .values({
      actor_id: actor.personId,
      action,
      resource_kind: 'instrument',
      resource_id: `instrument_version:${versionId}`,
      detail: JSON.stringify(detail),
    })
    .execute();
}

function requireDesigner(actor: Actor, action: 'create' | 'update' | 'delete') {
  if (!decide(actor, action, { kind: 'instrument_draft' }).allow) throw new AppError('FORBIDDEN');
}

/** Parses a definition or refuses it with the exact path and the Spanish reason. */
export function validDefinition(input: unknown, expectedType?: string): InstrumentDefinition {
  const parsed = parseDefinition(input);
  if (!parsed.ok) {
    const fields = parsed.issues.map((i) => ({
      path: i.path ? `definition.${i.path}` : 'definition',
      message: `${i.path || 'definition'}: ${i.message}`,
    }));
    throw new AppError('INSTRUMENT_DEFINITION_INVALID', fields[0]?.message, { fields });
  }
  if (expectedType && parsed.value.type !== expectedType) {
    const message = `type: El instrumento es de tipo «${expectedType}»; la definición no puede cambiarlo.`;
    throw new AppError('INSTRUMENT_DEFINITION_INVALID', message, {
      fields: [{ path: 'definition.type', message }],
    });
  }
  return parsed.value;
}

async function instrumentRow(db: Kysely<DB> | Transaction<DB>, id: string) {
  const row = await db.selectFrom('instrument').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No existe ese instrumento.');
  return row;
}

async function versionRow(db: Kysely<DB> | Transaction<DB>, instrumentId: string, id: string) {
  const row = await db
    .selectFrom('instrument_version')
    .selectAll()
    .where('id', '=', id)
    .where('instrument_id', '=', instrumentId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No existe esa versión del instrumento.');
  return row;
}

export async function createInstrument(
  db: Kysely<DB>,
  actor: Actor,
  body: CreateInstrumentBody,
): Promise<VersionDetail> {
  requireDesigner(actor, 'create');
  const definition = validDefinition(body.definition);
  const taken = await db
    .selectFrom('instrument')
    .select('id')
    .where('code', '=', body.code)
    .executeTakeFirst();
  if (taken)
    throw new AppError(
      'INSTRUMENT_CODE_TAKEN',
      `Ya existe un instrumento con el código ${body.code}.`,
      {
        fields: [{ path: 'code', message: `Ya existe un instrumento con el código ${body.code}.` }],
      },
    );
  const versionId = await db.transaction().execute(async (trx) => {
    const inst = await trx
      .insertInto('instrument')
      .values({
        code: body.code,
        type: definition.type,
        name: body.name,
        description: body.description ?? '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const v = await trx
      .insertInto('instrument_version')
      .values({
        instrument_id: inst.id,
        version: 1,
        change_note: body.changeNote ?? '',
        definition: JSON.stringify(definition),
        created_by: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'create', v.id, { code: body.code, version: 1 });
    return v.id;
  });
  return getVersion(db, actor, versionId);
}

/** Starts the next version as a draft (from the given definition, or a copy of the latest). */
export async function createDraft(
  db: Kysely<DB>,
  actor: Actor,
  instrumentId: string,
  body: Partial<SaveDraftBody>,
): Promise<VersionDetail> {
  requireDesigner(actor, 'create');
  const inst = await instrumentRow(db, instrumentId);
  const latest = await db
    .selectFrom('instrument_version')
    .selectAll()
    .where('instrument_id', '=', instrumentId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (latest?.status === 'draft')
    throw new AppError(
      'CONFLICT',
      `Este instrumento ya tiene un borrador (versión ${latest.version}).`,
    );
  const definition =
    body.definition === undefined
      ? validDefinition(latest?.definition, inst.type)
      : validDefinition(body.definition, inst.type);
  const v = await db
    .insertInto('instrument_version')
    .values({
      instrument_id: instrumentId,
      version: (latest?.version ?? 0) + 1,
      change_note: body.changeNote ?? '',
      definition: JSON.stringify(definition),
      created_by: actor.personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(db, actor, 'create', v.id, { code: inst.code, version: (latest?.version ?? 0) + 1 });
  return getVersion(db, actor, v.id);
}

export async function saveDraft(
  db: Kysely<DB>,
  actor: Actor,
  instrumentId: string,
  versionId: string,
  body: SaveDraftBody,
): Promise<VersionDetail> {
  requireDesigner(actor, 'update');
  const inst = await instrumentRow(db, instrumentId);
  const v = await versionRow(db, instrumentId, versionId);
  if (v.status !== 'draft') throw new AppError('INSTRUMENT_VERSION_IMMUTABLE');
  const definition = validDefinition(body.definition, inst.type);
  await db
    .updateTable('instrument_version')
    .set({
      definition: JSON.stringify(definition),
      change_note: body.changeNote ?? v.change_note,
      updated_at: new Date(),
    })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .execute();
  await audit(db, actor, 'update', versionId, { code: inst.code, version: v.version });
  return getVersion(db, actor, versionId);
}

export async function deleteDraft(
  db: Kysely<DB>,
  actor: Actor,
  instrumentId: string,
  versionId: string,
): Promise<void> {
  requireDesigner(actor, 'delete');
  const v = await versionRow(db, instrumentId, versionId);
  if (v.status !== 'draft') throw new AppError('INSTRUMENT_VERSION_IMMUTABLE');
  await db.deleteFrom('instrument_version').where('id', '=', versionId).execute();
  await audit(db, actor, 'delete', versionId, { version: v.version });
}

export async function transition(
  db: Kysely<DB>,
  actor: Actor,
  instrumentId: string,
  versionId: string,
  to: Extract<VersionStatus, 'published' | 'retired'>,
): Promise<VersionDetail> {
  requireDesigner(actor, 'update');
  await db.transaction().execute(async (trx) => {
    const inst = await instrumentRow(trx, instrumentId);
    const v = await versionRow(trx, instrumentId, versionId);
    if (!canTransition(v.status as VersionStatus, to))
      throw new AppError(
        'INSTRUMENT_TRANSITION_INVALID',
        to === 'published'
          ? 'Solo se publica un borrador.'
          : 'Solo se retira una versión publicada.',
      );
    const now = new Date();
    if (to === 'published') {
      // Re-check on publish: the definition must still be valid for the current schema.
      validDefinition(v.definition, inst.type);
      await trx
        .updateTable('instrument_version')
        .set({ status: 'retired', retired_at: now, retired_by: actor.personId, updated_at: now })
        .where('instrument_id', '=', instrumentId)
        .where('status', '=', 'published')
        .execute();
      await trx
        .updateTable('instrument_version')
        .set({
          status: 'published',
          published_at: now,
          published_by: actor.personId,
          updated_at: now,
        })
        .where('id', '=', versionId)
        .execute();
    } else {
      await trx
        .updateTable('instrument_version')
        .set({ status: 'retired', retired_at: now, retired_by: actor.personId, updated_at: now })
        .where('id', '=', versionId)
        .execute();
    }
    await trx
      .updateTable('instrument')
      .set({ updated_at: now })
      .where('id', '=', instrumentId)
      .execute();
    await audit(trx, actor, to === 'published' ? 'publish' : 'retire', versionId, {
      code: inst.code,
      version: v.version,
    });
  });
  return getVersion(db, actor, versionId);
}

/** The portable JSON of a version (default: the latest the caller may see). */
export async function exportInstrument(
  db: Kysely<DB>,
  actor: Actor,
  instrumentId: string,
  versionId?: string,
): Promise<InstrumentExport> {
  const inst: InstrumentSummary = await getInstrument(db, actor, instrumentId);
  const chosen =
    versionId ?? inst.versions.find((v) => v.status === 'published')?.id ?? inst.versions[0]?.id;
  if (!chosen || !inst.versions.some((v) => v.id === chosen))
    throw new AppError('NOT_FOUND', 'No existe esa versión del instrumento.');
  const detail = await getVersion(db, actor, chosen);
  return {
    format: INSTRUMENT_EXPORT_FORMAT,
    code: inst.code,
    name: inst.name,
    description: inst.description,
    version: detail.version,
    changeNote: detail.changeNote,
    definition: detail.definition,
  };
}

/** Imports an exported instrument: a new instrument, or the next draft of the one with that code. */
export async function importInstrument(
  db: Kysely<DB>,
  actor: Actor,
  input: unknown,
): Promise<VersionDetail> {
  requireDesigner(actor, 'create');
  const parsed = instrumentExportSchema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldIssues(parsed.error, { label: apiFieldLabel });
    throw new AppError('INSTRUMENT_DEFINITION_INVALID', fields[0]?.message, { fields });
  }
  const body = parsed.data;
  const existing = await db
    .selectFrom('instrument')
    .select('id')
    .where('code', '=', body.code)
    .executeTakeFirst();
  if (!existing) return createInstrument(db, actor, body);
  const draft = await db
    .selectFrom('instrument_version')
    .select('id')
    .where('instrument_id', '=', existing.id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  const changeNote = body.changeNote ?? `Importado desde JSON.`;
  return draft
    ? saveDraft(db, actor, existing.id, draft.id, { definition: body.definition, changeNote })
    : createDraft(db, actor, existing.id, { definition: body.definition, changeNote });
}

export async function diffVersions(
  db: Kysely<DB>,
  actor: Actor,
  instrumentId: string,
  fromId: string,
  toId: string,
): Promise<VersionDiff> {
  const [from, to] = await Promise.all([
    getVersion(db, actor, fromId),
    getVersion(db, actor, toId),
  ]);
  if (from.instrumentId !== instrumentId || to.instrumentId !== instrumentId)
    throw new AppError('NOT_FOUND', 'Las versiones no son de este instrumento.');
  const strip = ({
    definition: _d,
    instrumentId: _i,
    instrumentCode: _c,
    instrumentName: _n,
    ...v
  }: VersionDetail) => v;
  return {
    from: strip(from),
    to: strip(to),
    changes: diffDefinitions(from.definition, to.definition),
  };
}
