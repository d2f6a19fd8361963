// Texts of "Quién consultó mi información" (features/privacy), loaded with that screen.

export const privacyTexts = {
  whoRead: {
    title: 'Quién consultó mi información',
    intro:
      'Cada vez que otra persona consulta tu información de acompañamiento queda registrado: quién fue, con qué rol, cuándo y qué consultó. Tus propias consultas no aparecen.',
    empty: 'Nadie más ha consultado tu información todavía.',
    offline:
      'Esta lista se guarda en el servidor. Conéctate a internet para verla; lo que registraste sigue en este dispositivo.',
    listLabel: 'Consultas de tu información, de la más reciente a la más antigua',
    unknownReader: 'Una persona que ya no está registrada',
    noRole: 'Sin rol registrado',
    times_one: '{{count}} vez en ese minuto',
    times_other: '{{count}} veces en ese minuto',
    more: 'Ver consultas anteriores',
    loadingMore: 'Cargando consultas anteriores…',
    back: 'Volver a mi acompañamiento',
    actions: {
      visitRead: 'Una de tus visitas, con todo su contenido.',
      visitsContent: 'La lista de tus visitas, con su contenido.',
      visitsStatus: 'Solo las fechas y el estado de tus visitas.',
      progressRead: 'Tu progreso: niveles por desempeño y etapas.',
      dayRead: 'Tus compromisos y visitas pendientes, en su agenda del día.',
      syncPull: 'Tus registros, que recibió en su dispositivo al sincronizar.',
      actaRead: 'Tu asistencia a una actividad colectiva, en el acta que descargó.',
      other: 'Tu información de acompañamiento.',
    },
  },
};
