import {
  AppError,
  formatLimaDate,
  isValidDni,
  ROLES,
  type Role,
  type ScopeLevel,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { LIMA_TODAY } from '../db/time.ts';
import {
  deactivateAccount,
  issueCode,
  reactivateAccount,
  recordAccountChange,
  resetAccount,
} from '../modules/accounts/admin.ts';
import { prepareCode, storeCode } from '../modules/accounts/codes.ts';
import { loadTarget } from '../modules/accounts/target.ts';
import { personIdByDni, unlockAccount } from '../modules/accounts/unlock.ts';
import { insertPerson } from '../modules/people/insert.ts';

// `acompana users create|reset|deactivate|reactivate|list|unlock`: the operator on the server, who
// may do anything (actor null, audited as "cli"). From an empty database this is how the first
// equipo MINEDU account is made; everything else is done in the web app. Each function returns
// the lines to print; the plain activation code appears only there.

export interface CreateOptions {
  role: string;
  dni: string;
  names: string;
  surnames?: string;
  paternal?: string;
  maternal?: string;
  ugel?: string;
  region?: string;
  school?: string;
}

/** Where each role's assignment lives, and the option that names it. */
const SCOPE_OF: Record<Role, { level: ScopeLevel; option: 'ugel' | 'region' | 'school' | null }> = {
  minedu: { level: 'national', option: null },
  especialista: { level: 'ugel', option: 'ugel' },
  acompanante: { level: 'ugel', option: 'ugel' },
  formador: { level: 'region', option: 'region' },
  director: { level: 'school', option: 'school' },
  docente: { level: 'school', option: 'school' },
};

function invalid(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message);
}

function checkDni(dni: string): string {
  const value = dni.trim();
  if (!isValidDni(value)) throw invalid('El DNI debe tener exactamente 8 dígitos.');
  return value;
}

function surnamesOf(opts: CreateOptions): { paternal: string; maternal: string | null } {
  if (opts.paternal?.trim()) {
    return { paternal: opts.paternal.trim(), maternal: opts.maternal?.trim() || null };
  }
  const words = (opts.surnames ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    throw invalid('Faltan los apellidos: usa --surnames "Paterno Materno".');
  }
  if (words.length > 2) {
    throw invalid(
      'Hay más de dos apellidos en --surnames; usa --paternal "…" y --maternal "…" para indicar cuál es cuál.',
    );
  }
  return { paternal: words[0] as string, maternal: words[1] ?? null };
}

async function scopeId(db: Kysely<DB>, role: Role, opts: CreateOptions): Promise<string | null> {
  const { option } = SCOPE_OF[role];
  if (option === null) return null;
  const code = opts[option]?.trim();
  const what = {
    ugel: 'la UGEL (--ugel CÓDIGO)',
    region: 'la región (--region CÓDIGO)',
    school: 'la institución educativa (--school CÓDIGO_MODULAR)',
  }[option];
  if (!code) throw invalid(`El rol ${role} necesita ${what}.`);
  const table = option === 'ugel' ? 'ugel' : option === 'region' ? 'region' : 'school';
  const column = option === 'school' ? 'codigo_modular' : 'code';
  const { rows } = await sql<{ id: string }>`SELECT id FROM ${sql.table(table)}
      WHERE ${sql.ref(column)} = ${code}`.execute(db);
  if (!rows[0])
    throw new AppError('NOT_FOUND', `No existe ${what.split(' (')[0]} con código ${code}.`);
  return rows[0].id;
}

function codeLines(name: string, dni: string, code: string, expiresAt: string): string[] {
  return [
    `Código de activación de ${name} (DNI ${dni}): ${code}`,
    `Vence el ${formatLimaDate(expiresAt)}. Se muestra solo esta vez: entrégalo a la persona; con él y su DNI elige su contraseña en «Activar cuenta».`,
  ];
}

export async function usersCreate(db: Kysely<DB>, opts: CreateOptions): Promise<string[]> {
  if (!(ROLES as readonly string[]).includes(opts.role)) {
    throw invalid(`Rol desconocido: ${opts.role}. Usa uno de: ${ROLES.join(', ')}.`);
  }
  const role = opts.role as Role;
  const dni = checkDni(opts.dni);
  const names = opts.names?.trim();
  if (!names) throw invalid('Faltan los nombres: usa --names "Nombres".');
  const { paternal, maternal } = surnamesOf(opts);
  const scope = await scopeId(db, role, opts);
  const existing = await db
    .selectFrom('person')
    .select('id')
    .where('dni', '=', dni)
    .executeTakeFirst();
  if (existing) {
    throw new AppError(
      'DNI_TAKEN',
      `Ya existe una persona con DNI ${dni}. Para darle una cuenta o un código nuevo usa «acompana users reset ${dni}».`,
    );
  }
  const prepared = await prepareCode();
  const issued = await db.transaction().execute(async (tx) => {
    const person = {
      id: await insertPerson(tx, {
        dni,
        given_names: names,
        paternal_surname: paternal,
        maternal_surname: maternal,
      }),
    };
    await tx
      .insertInto('role_assignment')
      .values({
        person_id: person.id,
        role,
        scope_level: SCOPE_OF[role].level,
        scope_id: scope,
        valid_from: sql<string>`${LIMA_TODAY}`,
      })
      .execute();
    await tx
      .insertInto('user_account')
      .values({ person_id: person.id, status: 'pending' })
      .execute();
    const code = await storeCode(tx, person.id, null, prepared);
    await recordAccountChange(tx, null, person.id, 'account.create', {
      before: { status: 'none' },
      after: { status: 'pending' },
      role,
      expiresAt: code.expiresAt.toISOString(),
    });
    return code;
  });
  return [
    `Persona creada: ${names} ${paternal} (DNI ${dni}), rol ${role}.`,
    ...codeLines(`${names} ${paternal}`, dni, issued.code, issued.expiresAt.toISOString()),
  ];
}

/** A new code: for someone without an account or waiting to activate it, a code; for an
 *  active account, a reset (password and sessions end). */
export async function usersReset(db: Kysely<DB>, dniArg: string): Promise<string[]> {
  const dni = checkDni(dniArg);
  const personId = await personIdByDni(db, dni);
  const target = await loadTarget(db, personId);
  const name = `${target.givenNames} ${target.paternalSurname}`;
  if (target.status === null || target.status === 'pending') {
    const issued = await issueCode(db, null, personId);
    return [
      ...(issued.replacedCode ? ['El código anterior dejó de servir.'] : []),
      ...codeLines(name, dni, issued.code, issued.expiresAt),
    ];
  }
  const change = await resetAccount(db, null, personId);
  const issued = change.issued as NonNullable<typeof change.issued>;
  return [
    `Cuenta restablecida: la contraseña anterior ya no sirve y se cerraron ${change.sessionsEnded} sesiones.`,
    ...codeLines(name, dni, issued.code, issued.expiresAt),
  ];
}

export async function usersUnlock(db: Kysely<DB>, dniArg: string): Promise<string[]> {
  const dni = checkDni(dniArg);
  const { wasLocked } = await unlockAccount(db, null, await personIdByDni(db, dni));
  return [
    wasLocked
      ? `Cuenta con DNI ${dni} desbloqueada.`
      : `La cuenta con DNI ${dni} no estaba bloqueada; se borraron sus intentos fallidos.`,
  ];
}

export async function usersDeactivate(db: Kysely<DB>, dniArg: string): Promise<string[]> {
  const dni = checkDni(dniArg);
  const change = await deactivateAccount(db, null, await personIdByDni(db, dni));
  return [`Cuenta con DNI ${dni} desactivada; se cerraron ${change.sessionsEnded} sesiones.`];
}

export async function usersReactivate(db: Kysely<DB>, dniArg: string): Promise<string[]> {
  const dni = checkDni(dniArg);
  const change = await reactivateAccount(db, null, await personIdByDni(db, dni));
  return [
    change.status === 'active'
      ? `Cuenta con DNI ${dni} reactivada con su contraseña de antes.`
      : `Cuenta con DNI ${dni} reactivada; aún no tiene contraseña: emite un código con «acompana users reset ${dni}».`,
  ];
}

const STATUS_TEXT: Record<string, string> = {
  pending: 'pendiente de activación',
  active: 'activa',
  deactivated: 'desactivada',
};

/** Every account (and its current roles), by surname; filters by role and status. */
export async function usersList(
  db: Kysely<DB>,
  filters: { role?: string; status?: string },
): Promise<string[]> {
  if (filters.role && !(ROLES as readonly string[]).includes(filters.role)) {
    throw invalid(`Rol desconocido: ${filters.role}. Usa uno de: ${ROLES.join(', ')}.`);
  }
  if (filters.status && !(filters.status in STATUS_TEXT)) {
    throw invalid('Estado desconocido: usa pending, active o deactivated.');
  }
  const { rows } = await sql<{
    dni: string;
    name: string;
    status: string;
    roles: string | null;
  }>`SELECT p.dni, p.paternal_surname || coalesce(' ' || p.maternal_surname, '') || ', ' || p.given_names AS name,
            ua.status,
            (SELECT string_agg(DISTINCT ra.role, ', ') FROM role_assignment ra
              WHERE ra.person_id = p.id AND ra.valid_from <= ${LIMA_TODAY}
                AND (ra.valid_to IS NULL OR ra.valid_to >= ${LIMA_TODAY})) AS roles
       FROM user_account ua JOIN person p ON p.id = ua.person_id
      WHERE (${filters.status ?? null}::text IS NULL OR ua.status = ${filters.status ?? null})
        AND (${filters.role ?? null}::text IS NULL OR EXISTS (
              SELECT 1 FROM role_assignment ra WHERE ra.person_id = p.id AND ra.role = ${filters.role ?? null}
                AND ra.valid_from <= ${LIMA_TODAY} AND (ra.valid_to IS NULL OR ra.valid_to >= ${LIMA_TODAY})))
      ORDER BY p.paternal_surname, p.maternal_surname, p.given_names, p.dni`.execute(db);
  if (rows.length === 0) return ['No hay cuentas que cumplan el filtro.'];
  return [
    ...rows.map((r) => `${r.dni}  ${r.name}  [${r.roles ?? 'sin rol'}]  ${STATUS_TEXT[r.status]}`),
    `${rows.length} ${rows.length === 1 ? 'cuenta' : 'cuentas'}.`,
  ];
}
