import { type Command, Help } from 'commander';

// The CLI speaks Spanish throughout: help titles, default option texts and parse errors.

const TITLES: Record<string, string> = {
  'Usage:': 'Uso:',
  'Options:': 'Opciones:',
  'Commands:': 'Comandos:',
  'Arguments:': 'Argumentos:',
  'Global Options:': 'Opciones globales:',
};

const ERRORS: [RegExp, (...m: string[]) => string][] = [
  [/unknown option '(.+)'/, (o) => `opción desconocida: ${o}`],
  [/unknown command '(.+)'/, (c) => `comando desconocido: ${c}`],
  [/missing required argument '(.+)'/, (a) => `falta el argumento obligatorio: ${a}`],
  [/required option '(.+)' not specified/, (o) => `falta la opción obligatoria: ${o}`],
  [/option '(.+)' argument missing/, (o) => `a la opción ${o} le falta su valor`],
  [
    /option '(.+)' argument '(.*)' is invalid\. (.*)/,
    (o, v, why) => `el valor "${v}" de ${o} no es válido: ${why}`,
  ],
  [/too many arguments.*/, () => 'demasiados argumentos'],
];

const es = (text: string) =>
  text.replace('[options]', '[opciones]').replace('[command]', '[comando]');

export function translateError(message: string): string {
  for (const [pattern, render] of ERRORS) {
    const m = pattern.exec(message);
    if (m) return `error: ${render(...m.slice(1))}\n`;
  }
  return message;
}

export function spanishHelp(program: Command): Command {
  return program
    .configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      subcommandTerm: (cmd: Command) => es(Help.prototype.subcommandTerm.call(new Help(), cmd)),
      commandUsage: (cmd: Command) => es(Help.prototype.commandUsage.call(new Help(), cmd)),
    })
    .helpOption('-h, --help', 'muestra esta ayuda')
    .configureOutput({ outputError: (str, write) => write(translateError(str)) });
}

/** For commands that have subcommands: `acompana help seed` and friends. */
export function withHelpCommand(program: Command): Command {
  return program.helpCommand('help [comando]', 'muestra la ayuda de un comando');
}
