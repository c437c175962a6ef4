import { z } from 'zod';

/**
 * zod compiles its object parsers with `new Function` where it may, and probes for that on first
 * use. The panel's Content-Security-Policy has no 'unsafe-eval' (proxy.ts), so in the browser the
 * probe is refused and reported as a violation. Told not to try, zod uses its interpreter (the same
 * results; nothing the panel parses is hot). The server keeps the compiled parsers.
 */
if (typeof window !== 'undefined') z.config({ jitless: true });
