import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const webRoot = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * The Content-Security-Policy of every response (the app, the portal, the API docs): scripts only from this origin
 * and never inline, no plugins, no framing, forms and requests only to this origin. Styles allow 'unsafe-inline'
 * because Ant Design's CSS-in-JS writes <style> elements at run time and its components set style attributes;
 * images allow data: (icons) and blob: (previews of files being uploaded or downloaded).
 */
export const contentSecurityPolicy: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** The page a path opens: the public portal's under /portal, the app's for every other path (client-side routing). */
export function pageFor(path: string): 'portal.html' | 'index.html' {
  return path === '/portal' || path.startsWith('/portal/') ? 'portal.html' : 'index.html';
}

/** Serves the built web app and portal, with their page for every non-API path that is not a file. */
export async function registerWebApp(app: FastifyInstance): Promise<void> {
  if (!existsSync(webRoot)) {
    app.log.warn('web/dist is missing: run `npm run build` to serve the web app');
    return;
  }
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  app.get('/*', { schema: { hide: true }, config: { public: true } }, async (request, reply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/api/')) return reply.callNotFound();
    const file = path.slice(1);
    if (file && existsSync(`${webRoot}/${file}`) && !file.includes('..')) return reply.sendFile(file);
    return reply.sendFile(pageFor(path));
  });
}
