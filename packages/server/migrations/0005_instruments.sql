-- Observation instruments (issue 4, docs/INSTRUMENTS.md): an instrument (rubric, checklist,
-- field-notebook template) has numbered versions; a version is a draft until published, then
-- immutable for ever (records name the exact version they were filled with), then retired.
-- The definition is validated by the zod schema in packages/core/src/instruments before it is
-- stored; the trigger below keeps published versions immutable even against direct SQL.

CREATE TABLE instrument (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  type text NOT NULL CHECK (type IN ('rubric', 'checklist', 'notebook')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE instrument_version (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instrument_id uuid NOT NULL REFERENCES instrument(id),
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
  -- Why this version exists (shown in the designer's history).
  change_note text NOT NULL DEFAULT '',
  definition jsonb NOT NULL CHECK (definition->>'type' IN ('rubric', 'checklist', 'notebook')),
  created_by uuid REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  published_by uuid REFERENCES person(id),
  retired_at timestamptz,
  retired_by uuid REFERENCES person(id),
  UNIQUE (instrument_id, version),
  CHECK ((status = 'draft') = (published_at IS NULL)),
  CHECK ((status = 'retired') = (retired_at IS NOT NULL))
);
-- At most one draft per instrument: the designer edits one next version at a time.
CREATE UNIQUE INDEX instrument_version_one_draft ON instrument_version (instrument_id)
  WHERE status = 'draft';
CREATE INDEX instrument_version_status_idx ON instrument_version (status, instrument_id);

-- Published versions are immutable: only the move to retired may touch them, and a version is
-- never deleted once published. The definition's type must match its instrument.
CREATE FUNCTION instrument_version_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  inst_type text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'instrument_version % is % and cannot be deleted', OLD.id, OLD.status
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;

  SELECT type INTO inst_type FROM instrument WHERE id = NEW.instrument_id;
  IF inst_type IS DISTINCT FROM NEW.definition->>'type' THEN
    RAISE EXCEPTION 'definition type % does not match instrument type %',
      NEW.definition->>'type', inst_type USING ERRCODE = 'check_violation';
  END IF;

  IF TG_OP = 'UPDATE' AND OLD.status <> 'draft' THEN
    IF NEW.definition IS DISTINCT FROM OLD.definition
       OR NEW.instrument_id IS DISTINCT FROM OLD.instrument_id
       OR NEW.version IS DISTINCT FROM OLD.version
       OR NEW.change_note IS DISTINCT FROM OLD.change_note
       OR NEW.published_at IS DISTINCT FROM OLD.published_at
       OR NEW.created_at IS DISTINCT FROM OLD.created_at
       OR NOT (NEW.status = OLD.status OR (OLD.status = 'published' AND NEW.status = 'retired'))
       OR (OLD.status = 'retired' AND NEW IS DISTINCT FROM OLD) THEN
      RAISE EXCEPTION 'instrument_version % is % and immutable', OLD.id, OLD.status
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER instrument_version_guard
  BEFORE INSERT OR UPDATE OR DELETE ON instrument_version
  FOR EACH ROW EXECUTE FUNCTION instrument_version_guard();

-- Which instruments an intervention uses: its main observation rubric and the complementary
-- instruments (checklist, field notebook, others an intervention adds).
CREATE TABLE intervention_instrument (
  intervention_code text NOT NULL REFERENCES intervention(code),
  instrument_id uuid NOT NULL REFERENCES instrument(id),
  role text NOT NULL CHECK (role IN ('main', 'complementary')),
  PRIMARY KEY (intervention_code, instrument_id)
);
CREATE INDEX intervention_instrument_instrument_idx ON intervention_instrument (instrument_id);

-- Desempeños an intervention prioritizes, by stable desempeño code of a rubric instrument (the
-- code survives new versions, so a priority does not need rewriting when a version is published).
CREATE TABLE intervention_desempeno (
  intervention_code text NOT NULL REFERENCES intervention(code),
  instrument_id uuid NOT NULL REFERENCES instrument(id),
  desempeno_code text NOT NULL CHECK (desempeno_code ~ '^[a-z][a-z0-9_]{0,19}$'),
  rank smallint NOT NULL CHECK (rank >= 1),
  PRIMARY KEY (intervention_code, instrument_id, desempeno_code)
);

-- Seed content (docs/INSTRUMENTS.md): the classroom observation rubric as one instrument with
-- its 2017 version (six desempeños, retired) and its 2018+ version (five, published), the
-- pre-observation checklist and the field-notebook template, and their use per intervention.
-- Generated from packages/core/src/instruments/seed by src/seed/instrument-seed-sql.ts;
-- modules/instruments/responses.test.ts checks the database holds exactly that content.

INSERT INTO instrument (id, code, type, name, description) VALUES
  ('0a5e0000-0000-4000-8000-000000000001', 'RUBRICA_AULA', 'rubric', 'Rúbricas de observación de aula', 'Instrumento principal de la visita: desempeños del docente en cuatro niveles.'),
  ('0a5e0000-0000-4000-8000-000000000002', 'LISTA_COTEJO_PREVIA', 'checklist', 'Lista de cotejo previa a la observación', 'Aspectos pedagógicos que se verifican antes de observar la sesión.'),
  ('0a5e0000-0000-4000-8000-000000000003', 'CUADERNO_CAMPO', 'notebook', 'Cuaderno de campo', 'Notas con hora de hechos, evidencias y momentos críticos de la visita.');

INSERT INTO instrument_version (id, instrument_id, version, status, change_note, definition, created_at, published_at, retired_at) VALUES
  ('0a5e0000-0000-4000-8000-000000000101', '0a5e0000-0000-4000-8000-000000000001', 1, 'retired', 'Versión 2017: seis desempeños.',
   $json${"type":"rubric","sessionMinutes":60,"evidenceRequired":true,"title":"Rúbricas de observación de aula (2017)","description":"Observa una sesión completa (45 a 60 minutos). Para cada uno de los seis desempeños, elige el nivel que describe lo que viste y anota la evidencia.","desempenos":[{"code":"involucra","name":"Involucra activamente a los estudiantes en el proceso de aprendizaje","definition":"El docente despierta el interés de los estudiantes, les da oportunidades para participar y los ayuda a ver para qué sirve lo que están aprendiendo.","competency":"C4","aspects":[{"code":"interes","text":"Acciones del docente para despertar el interés de los estudiantes."},{"code":"proporcion","text":"Proporción de estudiantes que se muestran involucrados."},{"code":"sentido","text":"Acciones para que los estudiantes comprendan el sentido de lo que aprenden."}],"levels":[{"level":1,"descriptor":"No se cumplen las condiciones del nivel II. El docente no ofrece oportunidades de participar o menos de la mitad de los estudiantes se muestra interesada."},{"level":2,"descriptor":"El docente intenta involucrar a los estudiantes con algunas oportunidades de participar; al menos la mitad se interesa, aunque el interés no se sostiene en toda la clase.","conditions":{"join":"y","items":[{"text":"Ofrece oportunidades de participar."},{"text":"Al menos la mitad de los estudiantes se muestra interesada.","threshold":{"comparator":">=","value":50,"unit":"percent_students"}}]}},{"level":3,"descriptor":"El docente involucra a la gran mayoría: propone actividades que despiertan interés y ofrece oportunidades de participar a lo largo de la sesión.","conditions":{"join":"y","items":[{"text":"Promueve el interés con actividades o preguntas que invitan a participar."},{"text":"Más de tres cuartas partes de los estudiantes participan con interés.","threshold":{"comparator":">","value":75,"unit":"percent_students"}}]}},{"level":4,"descriptor":"Todos o casi todos los estudiantes participan con interés y el docente los ayuda a comprender el propósito y la utilidad de lo que aprenden.","conditions":{"join":"y","items":[{"text":"Todos o casi todos los estudiantes están involucrados."},{"text":"Favorece que comprendan el sentido o la utilidad de lo que aprenden."}]}}]},{"code":"tiempo","name":"Maximiza el tiempo dedicado al aprendizaje","definition":"El docente usa el tiempo de la sesión en actividades de aprendizaje: las transiciones, interrupciones y tareas no pedagógicas son breves y fluidas.","competency":"C4","aspects":[{"code":"tiempo_util","text":"Tiempo de la sesión ocupado en actividades de aprendizaje."},{"code":"transiciones","text":"Fluidez de transiciones, interrupciones y tareas no pedagógicas."}],"levels":[{"level":1,"descriptor":"No se cumplen las condiciones del nivel II. En una sesión de 60 minutos se pierden más de 30 minutos sin actividades de aprendizaje.","conditions":{"join":"o","items":[{"text":"Tiempo sin actividades de aprendizaje en una sesión de 60 minutos.","threshold":{"comparator":">","value":30,"unit":"minutes"}}]}},{"level":2,"descriptor":"Buena parte de la sesión se dedica a aprender, pero se pierden hasta 30 minutos en transiciones, interrupciones o tareas no pedagógicas.","conditions":{"join":"y","items":[{"text":"Tiempo perdido en una sesión de 60 minutos.","threshold":{"comparator":"<=","value":30,"unit":"minutes"}}]}},{"level":3,"descriptor":"La mayor parte de la sesión se dedica a aprender; las pérdidas de tiempo no pasan de 15 minutos.","conditions":{"join":"y","items":[{"text":"Tiempo perdido en una sesión de 60 minutos.","threshold":{"comparator":"<=","value":15,"unit":"minutes"}}]}},{"level":4,"descriptor":"Casi toda la sesión se dedica a aprender: se pierden como máximo 6 minutos y las transiciones son fluidas.","conditions":{"join":"y","items":[{"text":"Tiempo perdido en una sesión de 60 minutos.","threshold":{"comparator":"<=","value":6,"unit":"minutes"}},{"text":"Las transiciones e interrupciones son breves y fluidas."}]}}]},{"code":"razonamiento","name":"Promueve el razonamiento, la creatividad y/o el pensamiento crítico","definition":"El docente propone actividades e interacciones que piden a los estudiantes razonar, crear o pensar críticamente, más allá de repetir o memorizar.","competency":"C4","aspects":[{"code":"actividades","text":"Actividades que piden razonar, crear o pensar críticamente."},{"code":"interacciones","text":"Preguntas e intercambios que estimulan el pensamiento de los estudiantes."}],"levels":[{"level":1,"descriptor":"No se cumplen las condiciones del nivel II. La sesión se limita a repetir, copiar o memorizar."},{"level":2,"descriptor":"El docente intenta promover el razonamiento, la creatividad o el pensamiento crítico al menos una vez, pero de modo superficial o predominan las tareas mecánicas.","conditions":{"join":"o","items":[{"text":"Propone al menos una actividad que pide razonar, crear o pensar críticamente."},{"text":"Hace al menos una pregunta abierta que invita a pensar."}]}},{"level":3,"descriptor":"El docente promueve de manera efectiva el razonamiento, la creatividad o el pensamiento crítico en parte de la sesión, mediante actividades o interacciones sostenidas."},{"level":4,"descriptor":"El razonamiento, la creatividad o el pensamiento crítico se promueven durante toda la sesión, con actividades e interacciones que retan a todos los estudiantes.","conditions":{"join":"y","items":[{"text":"Actividades que piden razonar, crear o pensar críticamente."},{"text":"Interacciones que profundizan las ideas de los estudiantes."}]}}]},{"code":"evalua","name":"Evalúa el progreso de los aprendizajes para retroalimentar a los estudiantes y adecuar su enseñanza","definition":"El docente recoge evidencia de lo que comprenden los estudiantes mientras trabajan, les da retroalimentación que los ayuda a avanzar y ajusta la enseñanza según lo que observa.","competency":"C5","aspects":[{"code":"monitoreo","text":"Monitoreo activo del trabajo y la comprensión de los estudiantes."},{"code":"retroalimentacion","text":"Tipo de retroalimentación ante respuestas o errores."},{"code":"adecuacion","text":"Ajustes de la enseñanza a partir de lo observado."}],"levels":[{"level":1,"descriptor":"No se cumplen las condiciones del nivel II. El docente no monitorea o lo hace en menos de la cuarta parte de la sesión; ante errores no retroalimenta o lo hace de forma incorrecta."},{"level":2,"descriptor":"El docente monitorea activamente, pero su retroalimentación es elemental: indica si la respuesta es correcta o da la respuesta.","conditions":{"join":"y","items":[{"text":"Monitorea activamente a los estudiantes.","threshold":{"comparator":">=","value":25,"unit":"percent_session"}},{"text":"Da al menos retroalimentación elemental."}]}},{"level":3,"descriptor":"El docente monitorea activamente y da retroalimentación descriptiva: explica qué está bien o qué falta y sugiere cómo mejorar.","conditions":{"join":"y","items":[{"text":"Monitorea activamente a los estudiantes.","threshold":{"comparator":">=","value":25,"unit":"percent_session"}},{"text":"Da retroalimentación descriptiva al menos una vez."}]}},{"level":4,"descriptor":"El docente monitorea activamente, guía a los estudiantes a descubrir sus errores por reflexión o descubrimiento y adapta las actividades a lo que observa.","conditions":{"join":"y","items":[{"text":"Monitorea activamente a los estudiantes.","threshold":{"comparator":">=","value":25,"unit":"percent_session"}},{"text":"Retroalimenta por descubrimiento o reflexión."},{"text":"Adapta la actividad según las necesidades observadas."}]}}]},{"code":"respeto","name":"Propicia un ambiente de respeto y proximidad","definition":"El docente trata a los estudiantes con respeto y calidez, atiende sus necesidades afectivas y físicas y cuida que entre ellos también se respeten.","competency":"C3","aspects":[{"code":"trato","text":"Trato respetuoso y lenguaje cuidadoso con los estudiantes."},{"code":"calidez","text":"Cordialidad y calidez del docente."},{"code":"empatia","text":"Comprensión y atención a las necesidades afectivas o físicas."}],"levels":[{"level":1,"descriptor":"No se cumplen las condiciones del nivel II. Hay faltas de respeto del docente (burla, humillación, discriminación) o no interviene ante las de los estudiantes."},{"level":2,"descriptor":"El trato es respetuoso, pero distante: hay poca calidez o no atiende las necesidades de los estudiantes cuando se presentan."},{"level":3,"descriptor":"El docente es siempre respetuoso y cordial, atiende las necesidades que se presentan e interviene si los estudiantes se faltan el respeto.","conditions":{"join":"y","items":[{"text":"Trato respetuoso y cordial durante toda la sesión."},{"text":"Atiende las necesidades afectivas o físicas que se presentan."}]}},{"level":4,"descriptor":"Además de lo descrito en el nivel III, muestra empatía constante y promueve que los estudiantes se traten con respeto entre ellos."}]},{"code":"comportamiento","name":"Regula positivamente el comportamiento de los estudiantes","definition":"El docente orienta el comportamiento con mecanismos positivos (recordar normas, reconocer lo que se hace bien, anticipar) y logra que la sesión avance sin interrupciones.","competency":"C3","aspects":[{"code":"mecanismos","text":"Tipo de mecanismos que usa: positivos, negativos o de maltrato."},{"code":"eficacia","text":"Eficacia de esos mecanismos para que la sesión avance."}],"levels":[{"level":1,"descriptor":"No se cumplen las condiciones del nivel II. Hay maltrato, predominan los mecanismos negativos (amenazas, castigos) o el docente no intenta regular el comportamiento."},{"level":2,"descriptor":"Predominan los mecanismos positivos, pero no siempre son eficaces, o se mezclan con algunos negativos."},{"level":3,"descriptor":"El docente usa siempre mecanismos positivos y, en la mayor parte de la sesión, son eficaces."},{"level":4,"descriptor":"El docente usa siempre mecanismos positivos y eficaces: la sesión transcurre sin interrupciones importantes por el comportamiento."}]}]}$json$::jsonb,
   '2017-03-01T00:00:00Z', '2017-03-01T00:00:00Z', '2018-03-01T00:00:00Z'),
  ('0a5e0000-0000-4000-8000-000000000102', '0a5e0000-0000-4000-8000-000000000001', 2, 'published', 'Desde 2018: cinco desempeños (se retira «Maximiza el tiempo dedicado al aprendizaje»).',
   $json${"type":"rubric","sessionMinutes":60,"evidenceRequired":true,"title":"Rúbricas de observación de aula","description":"Observa una sesión completa (45 a 60 minutos). Para cada desempeño, elige el nivel que describe lo que viste y anota la evidencia. Los niveles III y IV describen conductas que deben observarse.","desempenos":[{"code":"involucra","name":"Involucra activamente a los estudiantes en el proceso de aprendizaje","definition":"El docente despierta el interés de los estudiantes, les da oportunidades para participar y los ayuda a ver para qué sirve lo que están aprendiendo.","competency":"C4","aspects":[{"code":"interes","text":"Acciones del docente para despertar el interés de los estudiantes."},{"code":"proporcion","text":"Proporción de estudiantes que se muestran involucrados."},{"code":"sentido","text":"Acciones para que los estudiantes comprendan el sentido de lo que aprenden."}],"levels":[{"level":1,"descriptor":"No se cumplen las condiciones del nivel II. El docente no ofrece oportunidades de participar o menos de la mitad de los estudiantes se muestra interesada."},{"level":2,"descriptor":"El docente intenta involucrar a los estudiantes con algunas oportunidades de participar; al menos la mitad se interesa, aunque el interés no se sostiene en toda la clase.","conditions":{"join":"y","items":[{"text":"Ofrece oportunidades de participar."},{"text":"Al menos la mitad de los estudiantes se muestra interesada.","threshold":{"comparator":">=","value":50,"unit":"percent_students"}}]}},{"level":3,"descriptor":"El docente involucra a la gran mayoría: propone actividades que despiertan interés y ofrece oportunidades de participar a lo largo de la sesión.","conditions":{"join":"y","items":[{"text":"Promueve el interés con actividades o preguntas que invitan a participar."},{"text":"Más de tres cuartas partes de los estudiantes participan con interés.","threshold":{"comparator":">","value":75,"unit":"percent_students"}}]}},{"level":4,"descriptor":"Todos o casi todos los estudiantes participan con interés y el docente los ayuda a comprender el propósito y la utilidad de lo que aprenden.","conditions":{"join":"y","items":[{"text":"Todos o casi todos los estudiantes están involucrados."},{"text":"Favorece que comprendan el sentido o la utilidad de lo que aprenden."}]}}]},{"code":"razonamiento","name":"Promueve el razonamiento, la creatividad y/o el pensamiento crítico","definition":"El docente propone actividades e interacciones que piden a los estudiantes razonar, crear o pensar críticamente, más allá de repetir o memorizar.","competency":"C4","aspects":[{"code":"actividades","text":"Actividades que piden razonar, crear o pensar críticamente."},{"code":"interacciones","text":"Preguntas e intercambios que estimulan el pensamiento de los estudiantes."}],"levels":[{"level":1,"descriptor":"No se cumplen las condiciones del nivel II. La sesión se limita a repetir, copiar o memorizar."},{"level":2,"descriptor":"El docente intenta promover el razonamiento, la creatividad o el pensamiento crítico al menos una vez, pero de modo superficial o predominan las tareas mecánicas.","conditions":{"join":"o","items":[{"text":"Propone al menos una actividad que pide razonar, crear o pensar críticamente."},{"text":"Hace al menos una pregunta abierta que invita a pensar."}]}},{"level":3,"descriptor":"El docente promueve de manera efectiva el razonamiento, la creatividad o el pensamiento crítico en parte de la sesión, mediante actividades o interacciones sostenidas."},{"level":4,"descriptor":"El razonamiento, la creatividad o el pensamiento crítico se promueven durante toda la sesión, con actividades e interacciones que retan a todos los estudiantes.","conditions":{"join":"y","items":[{"text":"Actividades que piden razonar, crear o pensar críticamente."},{"text":"Interacciones que profundizan las ideas de los estudiantes."}]}}]},{"code":"evalua","name":"Evalúa el progreso de los aprendizajes para retroalimentar a los estudiantes y adecuar su enseñanza","definition":"El docente recoge evidencia de lo que comprenden los estudiantes mientras trabajan, les da retroalimentación que los ayuda a avanzar y ajusta la enseñanza según lo que observa.","competency":"C5","aspects":[{"code":"monitoreo","text":"Monitoreo activo del trabajo y la comprensión de los estudiantes."},{"code":"retroalimentacion","text":"Tipo de retroalimentación ante respuestas o errores."},{"code":"adecuacion","text":"Ajustes de la enseñanza a partir de lo observado."}],"levels":[{"level":1,"descriptor":"No se cumplen las condiciones del nivel II. El docente no monitorea o lo hace en menos de la cuarta parte de la sesión; ante errores no retroalimenta o lo hace de forma incorrecta."},{"level":2,"descriptor":"El docente monitorea activamente, pero su retroalimentación es elemental: indica si la respuesta es correcta o da la respuesta.","conditions":{"join":"y","items":[{"text":"Monitorea activamente a los estudiantes.","threshold":{"comparator":">=","value":25,"unit":"percent_session"}},{"text":"Da al menos retroalimentación elemental."}]}},{"level":3,"descriptor":"El docente monitorea activamente y da retroalimentación descriptiva: explica qué está bien o qué falta y sugiere cómo mejorar.","conditions":{"join":"y","items":[{"text":"Monitorea activamente a los estudiantes.","threshold":{"comparator":">=","value":25,"unit":"percent_session"}},{"text":"Da retroalimentación descriptiva al menos una vez."}]}},{"level":4,"descriptor":"El docente monitorea activamente, guía a los estudiantes a descubrir sus errores por reflexión o descubrimiento y adapta las actividades a lo que observa.","conditions":{"join":"y","items":[{"text":"Monitorea activamente a los estudiantes.","threshold":{"comparator":">=","value":25,"unit":"percent_session"}},{"text":"Retroalimenta por descubrimiento o reflexión."},{"text":"Adapta la actividad según las necesidades observadas."}]}}]},{"code":"respeto","name":"Propicia un ambiente de respeto y proximidad","definition":"El docente trata a los estudiantes con respeto y calidez, atiende sus necesidades afectivas y físicas y cuida que entre ellos también se respeten.","competency":"C3","aspects":[{"code":"trato","text":"Trato respetuoso y lenguaje cuidadoso con los estudiantes."},{"code":"calidez","text":"Cordialidad y calidez del docente."},{"code":"empatia","text":"Comprensión y atención a las necesidades afectivas o físicas."}],"levels":[{"level":1,"descriptor":"No se cumplen las condiciones del nivel II. Hay faltas de respeto del docente (burla, humillación, discriminación) o no interviene ante las de los estudiantes."},{"level":2,"descriptor":"El trato es respetuoso, pero distante: hay poca calidez o no atiende las necesidades de los estudiantes cuando se presentan."},{"level":3,"descriptor":"El docente es siempre respetuoso y cordial, atiende las necesidades que se presentan e interviene si los estudiantes se faltan el respeto.","conditions":{"join":"y","items":[{"text":"Trato respetuoso y cordial durante toda la sesión."},{"text":"Atiende las necesidades afectivas o físicas que se presentan."}]}},{"level":4,"descriptor":"Además de lo descrito en el nivel III, muestra empatía constante y promueve que los estudiantes se traten con respeto entre ellos."}]},{"code":"comportamiento","name":"Regula positivamente el comportamiento de los estudiantes","definition":"El docente orienta el comportamiento con mecanismos positivos (recordar normas, reconocer lo que se hace bien, anticipar) y logra que la sesión avance sin interrupciones.","competency":"C3","aspects":[{"code":"mecanismos","text":"Tipo de mecanismos que usa: positivos, negativos o de maltrato."},{"code":"eficacia","text":"Eficacia de esos mecanismos para que la sesión avance."}],"levels":[{"level":1,"descriptor":"No se cumplen las condiciones del nivel II. Hay maltrato, predominan los mecanismos negativos (amenazas, castigos) o el docente no intenta regular el comportamiento."},{"level":2,"descriptor":"Predominan los mecanismos positivos, pero no siempre son eficaces, o se mezclan con algunos negativos."},{"level":3,"descriptor":"El docente usa siempre mecanismos positivos y, en la mayor parte de la sesión, son eficaces."},{"level":4,"descriptor":"El docente usa siempre mecanismos positivos y eficaces: la sesión transcurre sin interrupciones importantes por el comportamiento."}]}]}$json$::jsonb,
   '2018-03-01T00:00:00Z', '2018-03-01T00:00:00Z', NULL),
  ('0a5e0000-0000-4000-8000-000000000201', '0a5e0000-0000-4000-8000-000000000002', 1, 'published', 'Primera versión.',
   $json${"type":"checklist","title":"Lista de cotejo previa a la observación","description":"Verifica estos aspectos antes de la sesión o al inicio de la visita. Sirve para preparar la observación y el diálogo, no para calificar al docente.","conceptScale":[{"code":"logrado","label":"Logrado","value":2},{"code":"en_proceso","label":"En proceso","value":1},{"code":"no_logrado","label":"No logrado","value":0}],"sections":[{"code":"planificacion","title":"Planificación de la sesión","items":[{"code":"sesion_escrita","text":"El docente cuenta con la sesión de aprendizaje planificada.","answer":"yes_no"},{"code":"proposito","text":"El propósito de aprendizaje de la sesión está formulado con claridad.","answer":"yes_no","weight":2},{"code":"articulacion","text":"La sesión se articula con la unidad y la programación curricular.","answer":"concept"},{"code":"evaluacion_prevista","text":"La sesión prevé cómo se recogerá evidencia del aprendizaje.","answer":"concept"}]},{"code":"condiciones","title":"Materiales y organización del aula","items":[{"code":"materiales","text":"Los materiales educativos previstos están disponibles y al alcance de los estudiantes.","answer":"points","maxPoints":3,"help":"0 = ninguno, 3 = todos los previstos."},{"code":"organizacion","text":"El aula está organizada para el trabajo que se propone (grupos, grados, espacios).","answer":"concept"},{"code":"diversidad","text":"Se prevén actividades diferenciadas para atender a grados, lenguas o ritmos distintos.","answer":"yes_no","required":false,"help":"Responde si la sesión es multigrado o EIB."}]},{"code":"acuerdos","title":"Acuerdos con el docente","items":[{"code":"metas_acordadas","text":"El docente y el acompañante acordaron qué se observará y registrará en la visita.","answer":"yes_no","weight":2},{"code":"compromisos_previos","text":"Se revisó el avance de los compromisos de la visita anterior.","answer":"concept","required":false}]}]}$json$::jsonb,
   '2018-03-01T00:00:00Z', '2018-03-01T00:00:00Z', NULL),
  ('0a5e0000-0000-4000-8000-000000000301', '0a5e0000-0000-4000-8000-000000000003', 1, 'published', 'Primera versión.',
   $json${"type":"notebook","title":"Cuaderno de campo","description":"Anota con su hora los hechos, evidencias y momentos críticos de la visita. Vincula cada nota con un desempeño y un aspecto de la rúbrica cuando sea evidencia; tus notas alimentan las preguntas del diálogo reflexivo y los compromisos.","prompts":[{"code":"inicio","text":"¿Cómo empezó la sesión y qué propósito se comunicó?"},{"code":"momento_critico","text":"¿Qué momento crítico ocurrió y cómo respondió el docente?"},{"code":"buena_practica","text":"¿Qué buena práctica observaste y quieres reconocer?"},{"code":"estudiantes","text":"¿Qué hicieron y dijeron los estudiantes?"},{"code":"pregunta_dialogo","text":"¿Qué pregunta harás en el diálogo reflexivo?"}],"tags":[{"code":"evidencia","label":"Evidencia"},{"code":"momento_critico","label":"Momento crítico"},{"code":"buena_practica","label":"Buena práctica"},{"code":"incidente","label":"Hecho incidental"},{"code":"pregunta","label":"Pregunta para el diálogo"},{"code":"compromiso","label":"Posible compromiso"}],"minNotes":1}$json$::jsonb,
   '2018-03-01T00:00:00Z', '2018-03-01T00:00:00Z', NULL);

INSERT INTO intervention_instrument (intervention_code, instrument_id, role) VALUES
  ('SP_URBANO', '0a5e0000-0000-4000-8000-000000000001', 'main'),
  ('SP_URBANO', '0a5e0000-0000-4000-8000-000000000002', 'complementary'),
  ('SP_URBANO', '0a5e0000-0000-4000-8000-000000000003', 'complementary'),
  ('SPI', '0a5e0000-0000-4000-8000-000000000001', 'main'),
  ('SPI', '0a5e0000-0000-4000-8000-000000000002', 'complementary'),
  ('SPI', '0a5e0000-0000-4000-8000-000000000003', 'complementary'),
  ('MULTIGRADO', '0a5e0000-0000-4000-8000-000000000001', 'main'),
  ('MULTIGRADO', '0a5e0000-0000-4000-8000-000000000002', 'complementary'),
  ('MULTIGRADO', '0a5e0000-0000-4000-8000-000000000003', 'complementary'),
  ('SPSR', '0a5e0000-0000-4000-8000-000000000001', 'main'),
  ('SPSR', '0a5e0000-0000-4000-8000-000000000002', 'complementary'),
  ('SPSR', '0a5e0000-0000-4000-8000-000000000003', 'complementary'),
  ('JEC', '0a5e0000-0000-4000-8000-000000000001', 'main'),
  ('JEC', '0a5e0000-0000-4000-8000-000000000002', 'complementary'),
  ('JEC', '0a5e0000-0000-4000-8000-000000000003', 'complementary');

INSERT INTO intervention_desempeno (intervention_code, instrument_id, desempeno_code, rank) VALUES
  ('SP_URBANO', '0a5e0000-0000-4000-8000-000000000001', 'involucra', 1),
  ('SP_URBANO', '0a5e0000-0000-4000-8000-000000000001', 'razonamiento', 2),
  ('SP_URBANO', '0a5e0000-0000-4000-8000-000000000001', 'evalua', 3),
  ('SP_URBANO', '0a5e0000-0000-4000-8000-000000000001', 'respeto', 4),
  ('SP_URBANO', '0a5e0000-0000-4000-8000-000000000001', 'comportamiento', 5),
  ('SPI', '0a5e0000-0000-4000-8000-000000000001', 'involucra', 1),
  ('SPI', '0a5e0000-0000-4000-8000-000000000001', 'razonamiento', 2),
  ('SPI', '0a5e0000-0000-4000-8000-000000000001', 'evalua', 3),
  ('SPI', '0a5e0000-0000-4000-8000-000000000001', 'respeto', 4),
  ('SPI', '0a5e0000-0000-4000-8000-000000000001', 'comportamiento', 5),
  ('MULTIGRADO', '0a5e0000-0000-4000-8000-000000000001', 'involucra', 1),
  ('MULTIGRADO', '0a5e0000-0000-4000-8000-000000000001', 'razonamiento', 2),
  ('MULTIGRADO', '0a5e0000-0000-4000-8000-000000000001', 'evalua', 3),
  ('MULTIGRADO', '0a5e0000-0000-4000-8000-000000000001', 'respeto', 4),
  ('MULTIGRADO', '0a5e0000-0000-4000-8000-000000000001', 'comportamiento', 5),
  ('SPSR', '0a5e0000-0000-4000-8000-000000000001', 'involucra', 1),
  ('SPSR', '0a5e0000-0000-4000-8000-000000000001', 'razonamiento', 2),
  ('SPSR', '0a5e0000-0000-4000-8000-000000000001', 'evalua', 3),
  ('SPSR', '0a5e0000-0000-4000-8000-000000000001', 'respeto', 4),
  ('SPSR', '0a5e0000-0000-4000-8000-000000000001', 'comportamiento', 5),
  ('JEC', '0a5e0000-0000-4000-8000-000000000001', 'involucra', 1),
  ('JEC', '0a5e0000-0000-4000-8000-000000000001', 'razonamiento', 2),
  ('JEC', '0a5e0000-0000-4000-8000-000000000001', 'evalua', 3),
  ('JEC', '0a5e0000-0000-4000-8000-000000000001', 'respeto', 4),
  ('JEC', '0a5e0000-0000-4000-8000-000000000001', 'comportamiento', 5);
