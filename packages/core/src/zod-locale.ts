import { z } from 'zod';

// Zod's own messages (for checks without a custom message) in Spanish, on server and web alike.
// Bundlers drop index.ts's import of this file (the package is marked free of side effects
// but for this file), so a bundle imports it by name: the server's entry (cli.ts), the web
// where it shows zod's messages (offline/zod-spanish.ts, the catalogue's ladder editor).
z.config(z.locales.es());
