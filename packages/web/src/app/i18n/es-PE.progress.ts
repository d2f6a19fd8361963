// Texts of the teacher's progress: levels over time and progress stages (features/progress).

export const progressTexts = {
  progress: {
    /** The ladder in Catálogo (features/catalog/LadderSection.tsx, loaded with that screen). */
    catalogLadder: {
      title: 'Etapas de progreso de la docente o el docente',
      intro:
        'Acompaña sugiere una etapa con las últimas observaciones completas; el acompañante la confirma o elige otra. Estas son las etapas y lo que pide cada una.',
      custom: 'Escalera propia de esta intervención.',
      default: 'Escalera por defecto de la estrategia.',
      role: 'Rol del acompañante',
      needs: 'Qué pide',
      needsLine:
        'Promedio ≥ {{mean}} · {{share}} % en nivel III o IV · ningún desempeño bajo el nivel {{level}}',
      firstStage: 'Donde empieza todo docente',
      window: 'Se miran las últimas {{window}} observaciones completas; se sugiere desde {{min}}.',
      editLabel: 'Escalera (JSON)',
      editHint:
        'Cada etapa: code, name, coachRole, coachRoleName, minMean (0–4), minShareSatisfactory (0–1), minLevel (1–4). Además: window y minObservations.',
      invalidJson: 'El texto no es JSON válido: {{message}}',
      issue: '{{path}}: {{message}}',
      save: 'Guardar escalera',
      reset: 'Volver a la escalera por defecto',
      saved: 'Escalera guardada.',
    },
    /** An intervention's own activity types in Catálogo (features/catalog/ActivityTypesSection.tsx,
     *  loaded with that screen like the ladder). */
    catalogTypes: {
      title: 'Tipos de actividad',
      intro:
        'Además de los tipos del sistema (GIA, RIA, talleres, reuniones con familias y actividades complementarias), cada intervención puede tener tipos propios. Son actividades complementarias: no cuentan para las metas.',
      none: 'Esta intervención no tiene tipos de actividad propios.',
      inactive: 'Desactivado',
      active: 'Activo',
      newName: 'Nuevo tipo de actividad',
      newHint: 'Por ejemplo, «Círculo de lectura docente».',
      add: 'Agregar tipo',
      added: 'Tipo de actividad agregado.',
      rename: 'Nombre de «{{name}}»',
      saveName: 'Guardar nombre',
      renamed: 'Nombre guardado.',
      deactivate: 'Desactivar',
      activate: 'Activar',
      deactivated: 'Tipo desactivado: ya no se ofrece para actividades nuevas.',
      activated: 'Tipo activado.',
      code: 'Código: {{code}}',
    },
    title: 'Progreso',
    titleOf: 'Progreso de {{name}}',
    backToTeacher: 'Volver a la ficha del docente',
    backHome: 'Volver al inicio',
    intro:
      'Los niveles de la rúbrica en cada observación completa, la etapa que sugiere Acompaña y las decisiones del acompañante. Se calcula con lo guardado en este dispositivo, también sin conexión.',
    level: '{{roman}} ({{name}})',
    levels: {
      title: 'Niveles por desempeño',
      empty:
        'Aún no hay observaciones completas con rúbrica de este docente en este dispositivo. Sincroniza para traer las más recientes.',
      count_one: '{{count}} observación completa.',
      count_many: '{{count}} observaciones completas.',
      count_other: '{{count}} observaciones completas.',
    },
    chart: {
      label:
        'Gráfico de líneas: nivel de la rúbrica (I a IV) de cada desempeño en cada observación. Los mismos datos están en la tabla que sigue.',
      loading: 'Cargando el gráfico…',
      failed: 'No se pudo cargar el gráfico. Los mismos datos están en la tabla.',
      legend: 'Leyenda del gráfico',
      axisLevel: '{{roman}}\n{{name}}',
      noneSelected: 'Elige al menos un desempeño para verlo en el gráfico.',
    },
    pick: {
      legend: 'Desempeños en el gráfico',
      hint: 'Elige cuáles mostrar para leer mejor el gráfico. La tabla muestra todos.',
      all: 'Mostrar todos',
      none: 'Quitar todos',
    },
    table: {
      caption: 'Nivel de cada desempeño en cada observación',
      desempeno: 'Desempeño',
      notObserved: 'No observado',
      key: 'Niveles: {{levels}}.',
    },
    stages: {
      principiante: 'Principiante en la enseñanza',
      supervisada: 'Enseñanza supervisada',
      enfocado: 'Enfocado en el aprendizaje',
      independiente: 'Enseñanza independiente',
    },
    roles: {
      modelo: 'Modelo',
      entrenador: 'Entrenador',
      amigo_critico: 'Amigo crítico',
      co_investigador: 'Co-investigador',
    },
    stage: {
      title: 'Etapa de progreso',
      current: 'Etapa actual',
      noCurrent: 'Aún no se ha registrado una etapa.',
      currentSince: 'Decidida el {{date}}.',
      coachRole: 'Rol del acompañante',
      suggestion: 'Sugerencia de Acompaña',
      suggested: 'Etapa sugerida',
      noSuggestion: 'Aún no hay sugerencia.',
      reasons: 'Por qué',
      advisory:
        'Es una sugerencia calculada con las últimas observaciones completas; quien decide es el acompañante.',
    },
    reasons: {
      insufficient_zero:
        'Aún no hay observaciones completas con rúbrica; se necesitan {{needed}} para sugerir una etapa.',
      insufficient_one:
        'Aún hay {{count}} observación completa; se necesitan {{needed}} para sugerir una etapa.',
      insufficient_many:
        'Aún hay {{count}} observaciones completas; se necesitan {{needed}} para sugerir una etapa.',
      insufficient_other:
        'Aún hay {{count}} observaciones completas; se necesitan {{needed}} para sugerir una etapa.',
      mean_one: 'Nivel promedio de la última observación: {{value}}.',
      mean_many: 'Nivel promedio de las últimas {{count}} observaciones: {{value}}.',
      mean_other: 'Nivel promedio de las últimas {{count}} observaciones: {{value}}.',
      share: 'El {{percent}} % de los desempeños observados está en el nivel III o IV.',
      lowestLevel: 'El desempeño «{{name}}» es el más bajo: está en el nivel {{level}}.',
      lowestMean: 'El desempeño «{{name}}» es el más bajo: su nivel promedio es {{value}}.',
      trendUp: 'Va en subida: el nivel promedio pasó de {{from}} a {{to}}.',
      trendDown: 'Va en bajada: el nivel promedio pasó de {{from}} a {{to}}.',
      nextNeeds: 'Para pasar a «{{stage}}» se necesita {{needs}}.',
      nextStage: 'La etapa siguiente es «{{stage}}».',
      needsMean: 'un nivel promedio de al menos {{value}}',
      needsShare: 'al menos el {{percent}} % de los desempeños en el nivel III o IV',
      needsShareAll: 'todos los desempeños en el nivel III o IV',
      needsMinLevel: 'ningún desempeño por debajo del nivel {{level}}',
    },
    decide: {
      title: 'Registrar la decisión',
      legend: '¿En qué etapa está el docente?',
      suggestedMark: 'sugerida',
      note: 'Nota',
      noteHint: 'Obligatoria si eliges una etapa distinta de la sugerida.',
      noteRequired: 'Escribe en la nota por qué eliges una etapa distinta de la sugerida.',
      confirm: 'Confirmar la etapa sugerida',
      save: 'Guardar la decisión',
      saved: 'Decisión guardada en el dispositivo; se enviará al sincronizar.',
      noCaseload:
        'Este docente no está en tu grupo de acompañamiento en este dispositivo. Sincroniza para poder registrar su etapa.',
    },
    history: {
      title: 'Historial de decisiones',
      empty: 'Aún no hay decisiones registradas.',
      date: 'Fecha',
      suggested: 'Etapa sugerida',
      noSuggestion: 'Sin sugerencia',
      note: 'Nota',
      noNote: 'Sin nota',
      confirmed: 'Confirmó la sugerencia',
      overridden: 'Eligió otra etapa',
      noSuggestionMark: 'Sin sugerencia previa',
    },
  },
} as const;
