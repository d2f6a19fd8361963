import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';

// Search by `q`, ignoring case and accents on both engines (docs/API.md, "Search"): the database
// folds names with search_fold() (migration 0011, trigram-indexed) and `q` is folded here with
// the same table, so `senor` finds "Señor" and `NUNEZ` finds "Núñez".

const FROM = 'ÁÀÄÂÃÉÈËÊÍÌÏÎÓÒÖÔÕÚÙÜÛÑÇáàäâãéèëêíìïîóòöôõúùüûñç';
const TO = 'aaaaaeeeeiiiiooooouuuuncaaaaaeeeeiiiiooooouuuunc';
const FOLD = new Map([...FROM].map((ch, i) => [ch, TO[i] as string]));

/** What search_fold() of migration 0011 makes of a text: lower case, accents of FROM dropped. */
export function searchFold(text: string): string {
  return [...text.toLowerCase()].map((ch) => FOLD.get(ch) ?? ch).join('');
}

/** A LIKE pattern for "contains q" on folded text; `%` and `_` in q are literal. */
export function likePattern(q: string): string {
  return `%${searchFold(q).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** A person's name as searched, surnames first: the expression person_search_idx indexes. */
export function personSearchSql(alias: string): RawBuilder<string> {
  return sql<string>`person_search_name(${sql.ref(`${alias}.paternal_surname`)}, ${sql.ref(`${alias}.maternal_surname`)}, ${sql.ref(`${alias}.given_names`)})`;
}

/** A name column as searched (school_search_idx indexes search_fold(school.name)). */
export function foldedSql(column: string): RawBuilder<string> {
  return sql<string>`search_fold(${sql.ref(column)})`;
}

/** `q` found in any of the folded names, or as typed in any of the codes (DNI, código modular). */
export function searchMatch(
  q: string,
  names: Expression<string>[],
  codes: Expression<string>[] = [],
): RawBuilder<SqlBool> {
  const pattern = likePattern(q);
  const raw = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const tests = [
    ...names.map((e) => sql<SqlBool>`${e} LIKE ${pattern}`),
    ...codes.map((e) => sql<SqlBool>`${e} LIKE ${raw}`),
  ];
  return sql<SqlBool>`(${sql.join(tests, sql` OR `)})`;
}
