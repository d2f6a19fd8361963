import { z } from 'zod';

// Zod's own messages (for checks without a custom message) in Spanish, on server and web alike.
z.config(z.locales.es());
