import { existsSync } from 'node:fs';

// How Debian's Chromium is launched (no vitest imports: global-setup.ts uses this too).

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executable)) {
    throw new Error(
      `No se encontró Chromium en ${executable}. Instálalo (apt-get install -y chromium) o define CHROMIUM_PATH.`,
    );
  }
  return executable;
}
