import { SEED_INSTRUMENTS, SEED_PRIORITIES, SEED_USES } from '@acompana/core';

// Prints the seed section of migration 0005 from the typed seed content in
// packages/core/src/instruments/seed (run: npx tsx src/seed/instrument-seed-sql.ts). Migrations
// never change once shipped, so this is a writing aid; responses.test.ts checks they agree.

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

export function instrumentSeedSql(): string {
  const lines: string[] = [];
  lines.push('INSERT INTO instrument (id, code, type, name, description) VALUES');
  lines.push(
    `${SEED_INSTRUMENTS.map(
      (i) => `  (${q(i.id)}, ${q(i.code)}, ${q(i.type)}, ${q(i.name)}, ${q(i.description)})`,
    ).join(',\n')};`,
  );
  lines.push('');
  lines.push(
    'INSERT INTO instrument_version (id, instrument_id, version, status, change_note, definition, created_at, published_at, retired_at) VALUES',
  );
  const versions = SEED_INSTRUMENTS.flatMap((i) =>
    i.versions.map(
      (v) =>
        `  (${q(v.id)}, ${q(i.id)}, ${v.version}, ${q(v.status)}, ${q(v.changeNote)},\n   $json$${JSON.stringify(v.definition)}$json$::jsonb,\n   ${q(v.publishedAt)}, ${q(v.publishedAt)}, ${v.retiredAt ? q(v.retiredAt) : 'NULL'})`,
    ),
  );
  lines.push(`${versions.join(',\n')};`);
  lines.push('');
  lines.push('INSERT INTO intervention_instrument (intervention_code, instrument_id, role) VALUES');
  lines.push(
    `${SEED_USES.map((u) => `  (${q(u.intervention)}, ${q(u.instrumentId)}, ${q(u.role)})`).join(
      ',\n',
    )};`,
  );
  lines.push('');
  lines.push(
    'INSERT INTO intervention_desempeno (intervention_code, instrument_id, desempeno_code, rank) VALUES',
  );
  lines.push(
    `${SEED_PRIORITIES.map(
      (p) => `  (${q(p.intervention)}, ${q(p.instrumentId)}, ${q(p.desempeno)}, ${p.rank})`,
    ).join(',\n')};`,
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(instrumentSeedSql());
