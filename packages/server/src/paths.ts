// Where the server's files are. The server runs either from its sources (src/*.ts) or bundled
// into one module in `.run/` (bin/acompana.mjs): both sit one directory below the package, so
// the package root is `..` from here in either case. Modules find their files through these,
// never through their own import.meta.url, which a bundle changes.

/** packages/server/ */
export const SERVER_ROOT = new URL('../', import.meta.url);
/** The numbered SQL migrations. */
export const MIGRATIONS_DIR = new URL('migrations/', SERVER_ROOT);
/** The command-line entry point (child processes run it again). */
export const BIN_URL = new URL('bin/acompana.mjs', SERVER_ROOT);
/** The web app's build, served by the server. */
export const WEB_DIST_URL = new URL('../web/dist', SERVER_ROOT);
