/**
 * Zod compiles object schemas with `new Function` when it may, and probes for it with a `Function('')` call that
 * the Content-Security-Policy (script-src 'self', no 'unsafe-eval') reports as a violation. Imported first by both
 * entry points, so every schema runs without eval.
 */
import { z } from 'zod';

z.config({ jitless: true });
