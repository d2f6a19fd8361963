import { randomInt } from 'node:crypto';
import { ACTIVATION_CODE_ALPHABET, ACTIVATION_CODE_LENGTH } from '@acompana/core';
import type { Kysely, Transaction } from 'kysely';
import { hashPassword } from '../../auth/passwords.ts';
import type { DB } from '../../db/schema.ts';

// Activation codes (issue 14): 8 characters from an unambiguous alphabet (31 symbols, about
// 40 bits), kept only as an argon2id hash like a password, valid 14 days, 5 wrong tries,
// single use. A person has at most one live code: issuing one retires the others.

export const CODE_VALID_DAYS = 14;
export const CODE_MAX_FAILURES = 5;

export function generateCode(): string {
  let code = '';
  for (let i = 0; i < ACTIVATION_CODE_LENGTH; i++) {
    code += ACTIVATION_CODE_ALPHABET[randomInt(ACTIVATION_CODE_ALPHABET.length)];
  }
  return code;
}

/** Retires the person's codes that could still be used; says whether there was one. */
export async function retireCodes(tx: Transaction<DB>, personId: string): Promise<boolean> {
  const retired = await tx
    .updateTable('activation_code')
    .set({ retired_at: new Date() })
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .where('retired_at', 'is', null)
    .where('expires_at', '>', new Date())
    .where('failed_attempts', '<', CODE_MAX_FAILURES)
    .returning('id')
    .execute();
  // Expired or exhausted ones are retired too, silently: they no longer worked anyway.
  await tx
    .updateTable('activation_code')
    .set({ retired_at: new Date() })
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .where('retired_at', 'is', null)
    .execute();
  return retired.length > 0;
}

export interface NewCode {
  code: string;
  expiresAt: Date;
  replacedCode: boolean;
}

/** Issues a new code for the person (the caller holds a transaction); the plain code is
 *  returned once and never stored. The hash is computed before, outside the transaction. */
export async function prepareCode(): Promise<{ code: string; hash: string }> {
  const code = generateCode();
  return { code, hash: await hashPassword(code) };
}

export async function storeCode(
  tx: Transaction<DB>,
  personId: string,
  issuedBy: string | null,
  prepared: { code: string; hash: string },
): Promise<NewCode> {
  const replacedCode = await retireCodes(tx, personId);
  const expiresAt = new Date(Date.now() + CODE_VALID_DAYS * 86_400_000);
  await tx
    .insertInto('activation_code')
    .values({
      person_id: personId,
      code_hash: prepared.hash,
      issued_by: issuedBy,
      expires_at: expiresAt,
    })
    .execute();
  return { code: prepared.code, expiresAt, replacedCode };
}

/** The person's newest code, whatever its state (activation tells a correct but expired or
 *  used code apart from a wrong one). */
export async function latestCode(db: Kysely<DB>, personId: string) {
  return db
    .selectFrom('activation_code')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('issued_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Expiry of the code that still works, if any. */
export async function liveCodeExpiry(db: Kysely<DB>, personId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('activation_code')
    .select('expires_at')
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .where('retired_at', 'is', null)
    .where('expires_at', '>', new Date())
    .where('failed_attempts', '<', CODE_MAX_FAILURES)
    .executeTakeFirst();
  return row ? new Date(row.expires_at) : null;
}
