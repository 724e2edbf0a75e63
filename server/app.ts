import { readFileSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { modules } from './modules/index.ts';
import { registerAuthentication } from './platform/auth/auth-plugin.ts';
import { installErrorHandling } from './platform/http/error-handler.ts';
import { registerIdempotency } from './platform/http/idempotency.ts';
import { registerInputGuard } from './platform/http/input-guard.ts';
import { registerRateLimits } from './platform/http/rate-limits.ts';
import { contentSecurityPolicy, registerWebApp } from './platform/http/web-app.ts';
import type { ApiApp, AppDependencies } from './platform/module.ts';

z.config(z.locales.zhCN());

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
/** The product version, from package.json. */
export const productVersion = packageJson.version;

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

/** Largest JSON body accepted; uploads go through multipart routes with their own limits. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds the app: platform plugins, then every module's routes under /api/v1, then the web app.
 * It never listens, so tests drive it with `app.inject`.
 */
export async function buildApp(dependencies: AppDependencies, options: { serveWeb?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      dependencies.config.logLevel === 'silent'
        ? false
        : { level: dependencies.config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    bodyLimit: BODY_LIMIT_BYTES,
    // Long path parameters reach the route and fail its Zod schema with a Chinese 400, instead of a bare 414.
    routerOptions: { maxParamLength: 10_000 },
    // Forwarded headers count only from the proxies in TRUST_PROXY; otherwise the peer address is the client's.
    trustProxy: dependencies.config.trustProxy,
    return503OnClosing: true,
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider() as unknown as ApiApp;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // Before authentication and every route: a NUL character anywhere in the request is a 400.
  registerInputGuard(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '数字政协 API', version: productVersion, description: '数字政协平台接口：提案、微建议、社情民意、履职等。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  const sessions = modules.find((module) => module.sessions)?.sessions;
  if (!sessions) throw new Error('no module resolves login sessions (the auth module is missing)');
  await registerAuthentication(app, dependencies, sessions);
  await registerRateLimits(app, dependencies);
  await registerIdempotency(app, dependencies);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary: '健康检查',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      let healthy = true;
      try {
        await dependencies.database.pool.query('select 1');
      } catch {
        healthy = false;
      }
      reply.status(healthy ? 200 : 503);
      return {
        status: healthy ? ('ok' as const) : ('degraded' as const),
        database: dependencies.database.kind,
        version: productVersion,
      };
    },
  );

  await app.register(
    async (api) => {
      for (const module of modules) await module.routes?.(api as ApiApp, dependencies);
    },
    { prefix: '/api/v1' },
  );

  if (options.serveWeb !== false) await registerWebApp(app);
  return app;
}
