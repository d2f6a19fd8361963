// Texts of «Activar cuenta» and «Mi cuenta» (features/accounts, issue 14), loaded with them.

export const accountTexts = {
  activate: {
    title: 'Activar cuenta',
    intro:
      'Escribe tu DNI y el código de activación que te entregaron, y elige tu contraseña. Luego entrarás con tu DNI y esa contraseña.',
    formLabel: 'Activación de cuenta',
    code: 'Código de activación',
    codeHint: '8 letras y números, como aparecen en tu hoja.',
    password: 'Elige tu contraseña',
    passwordHint:
      'Al menos 10 caracteres. Mejor una frase de varias palabras que solo tú conozcas; no uses tu DNI ni tu nombre.',
    submit: 'Activar e ingresar',
    submitting: 'Activando…',
    backToLogin: 'Ya tengo contraseña: iniciar sesión',
  },
  myAccount: {
    title: 'Mi cuenta',
    passwordTitle: 'Cambiar mi contraseña',
    current: 'Contraseña actual',
    newPassword: 'Contraseña nueva',
    newPasswordHint:
      'Al menos 10 caracteres. Mejor una frase de varias palabras que solo tú conozcas; no uses tu DNI ni tu nombre.',
    change: 'Cambiar contraseña',
    changing: 'Cambiando…',
    changed_one: 'Contraseña cambiada. Se cerró {{count}} sesión en otro dispositivo.',
    changed_many: 'Contraseña cambiada. Se cerraron {{count}} sesiones en otros dispositivos.',
    changed_other: 'Contraseña cambiada. Se cerraron {{count}} sesiones en otros dispositivos.',
    changedNone: 'Contraseña cambiada.',
    sessionsTitle: 'Sesiones abiertas',
    sessionsIntro:
      'Los dispositivos donde tu cuenta está abierta ahora. Si no reconoces alguno, cierra las otras sesiones y cambia tu contraseña.',
    thisDevice: 'Este dispositivo',
    otherDevice: 'Otro dispositivo',
    unknownBrowser: 'Navegador desconocido',
    lastSeen: 'Último uso: {{when}}',
    endOthers: 'Cerrar las otras sesiones',
    ending: 'Cerrando…',
    ended_one: 'Se cerró {{count}} sesión.',
    ended_many: 'Se cerraron {{count}} sesiones.',
    ended_other: 'Se cerraron {{count}} sesiones.',
    onlyThis: 'Solo está abierta esta sesión.',
    offline: 'Para ver o cambiar tu cuenta necesitas conexión a internet.',
  },
};
