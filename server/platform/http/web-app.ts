import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const webRoot = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Serves the built web app, with index.html for every non-API path (client-side routing). */
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
    return reply.sendFile('index.html');
  });
}
