-- The five interventions of the strategy (DOMAIN.md §2, seed 000 ch. 2.1) and their targets
-- (metas físicas) per teacher per year. Targets are data: equipo MINEDU edits them per school
-- year; these rows are the starting catalogue for 2024–2027.

INSERT INTO intervention (code, name, description, works_with_directors, works_with_families) VALUES
  ('SP_URBANO', 'Soporte Pedagógico Urbano',
   'Primaria polidocente completa en zonas urbanas, con acompañante pedagógico.', false, false),
  ('SPI', 'Soporte Pedagógico Intercultural',
   'Inicial y primaria EIB en redes educativas rurales, con un equipo de ASPI que rota sobre los docentes de la red.', true, true),
  ('MULTIGRADO', 'Acompañamiento Unidocente y Multigrado',
   'Primaria rural unidocente y multigrado, incluidos docentes encargados de la dirección.', true, false),
  ('SPSR', 'Soporte Pedagógico Secundaria Rural',
   'Secundaria rural, con acompañantes de comunicación y matemática y acompañante social comunitario.', true, true),
  ('JEC', 'Jornada Escolar Completa',
   'Secundaria urbana; el coordinador pedagógico acompaña a los docentes de su institución.', false, false);

INSERT INTO target_rule
  (intervention_code, school_year, level, grade_from, grade_to, activity_kind, per_year, min_per_month, note)
SELECT r.intervention_code, y.year, r.level, r.grade_from, r.grade_to, r.activity_kind,
       r.per_year, r.min_per_month, r.note
FROM generate_series(2024, 2027) AS y(year)
CROSS JOIN (VALUES
  ('SP_URBANO', 'primaria', 1, 4, 'visita', 8, 1, ''),
  ('SP_URBANO', 'primaria', 1, 4, 'gia', 7, 1, ''),
  ('SP_URBANO', 'primaria', 1, 4, 'taller', 2, 0, 'Dos talleres al año de seis días cada uno.'),
  ('SP_URBANO', 'primaria', 5, 6, 'visita', 0, 0, 'Sin visitas en aula para 5.º y 6.º grado.'),
  ('SP_URBANO', 'primaria', 5, 6, 'gia', 3, 0, ''),
  ('SP_URBANO', 'primaria', 5, 6, 'taller', 2, 0, 'Dos talleres al año de seis días cada uno.'),
  ('SPI', 'inicial', 0, 5, 'visita', 9, 1, ''),
  ('SPI', 'inicial', 0, 5, 'gia', 8, 1, ''),
  ('SPI', 'inicial', 0, 5, 'taller', 2, 0, ''),
  ('SPI', 'inicial', 0, 5, 'reunion_familias', 7, 0, 'Reuniones con familias y comunidad.'),
  ('SPI', 'primaria', 1, 6, 'visita', 16, 1, ''),
  ('SPI', 'primaria', 1, 6, 'gia', 8, 1, ''),
  ('SPI', 'primaria', 1, 6, 'taller', 2, 0, ''),
  ('SPI', 'primaria', 1, 6, 'reunion_familias', 7, 0, 'Reuniones con familias y comunidad.'),
  ('MULTIGRADO', 'primaria', 1, 6, 'visita', 9, 1, ''),
  ('MULTIGRADO', 'primaria', 1, 6, 'gia', 8, 1, ''),
  ('MULTIGRADO', 'primaria', 1, 6, 'taller', 2, 0, ''),
  ('SPSR', 'secundaria', 1, 5, 'visita', 7, 1, ''),
  ('SPSR', 'secundaria', 1, 5, 'ria', 0, 0, 'Reuniones de interaprendizaje según plan de la intervención.'),
  ('JEC', 'secundaria', 1, 5, 'visita', 0, 0, 'Según el plan del coordinador pedagógico: cada docente observado en una sesión completa con asesoría.'),
  ('JEC', 'secundaria', 1, 5, 'colegiado', 0, 0, 'Dos horas semanales de trabajo colegiado.')
) AS r(intervention_code, level, grade_from, grade_to, activity_kind, per_year, min_per_month, note);
