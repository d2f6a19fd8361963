-- Search that ignores case and accents (issue 12): `q=senor` finds "Señor de Huanca", `q=nuñez`
-- finds "NUÑEZ". The same SQL on PostgreSQL and PGlite: `unaccent` is not IMMUTABLE (so it
-- cannot be indexed) and PGlite would have to load it, so folding is a plain translate() of
-- the accented letters Spanish and Quechua names use, in both cases because lower() leaves
-- non-ASCII letters alone under the C locale. The API folds `q` with the same table
-- (modules/rosters/search.ts; a test checks both agree). Searches are "contains" (LIKE
-- '%q%'), which a trigram GIN index serves. Codes (DNI, código modular) are matched as typed.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION search_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT translate(lower(value),
    'ÁÀÄÂÃÉÈËÊÍÌÏÎÓÒÖÔÕÚÙÜÛÑÇáàäâãéèëêíìïîóòöôõúùüûñç',
    'aaaaaeeeeiiiiooooouuuuncaaaaaeeeeiiiiooooouuuunc') $$;

-- A person as searched: surnames first, like the sort order of the lists. (Schema-qualified:
-- PostgreSQL 17 builds indexes with search_path = pg_catalog.)
CREATE FUNCTION person_search_name(paternal text, maternal text, given text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT public.search_fold(paternal || ' ' || coalesce(maternal, '') || ' ' || given) $$;

CREATE INDEX person_search_idx ON person
  USING gin (person_search_name(paternal_surname, maternal_surname, given_names) gin_trgm_ops);
CREATE INDEX school_search_idx ON school USING gin (search_fold(name) gin_trgm_ops);
