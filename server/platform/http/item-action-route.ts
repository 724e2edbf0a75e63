import type { z } from 'zod';
import { idParamsSchema } from '../../../contracts/common.ts';
import type { Actor, RequestContext } from '../auth/actor.ts';
import { requireActor } from '../auth/auth-plugin.ts';
import type { ApiApp } from '../module.ts';
import { expectedVersion } from './concurrency.ts';
import { requestContext, setVersionTag } from './request-context.ts';

/** What an action on one versioned item receives from its route. */
export type ItemActionCall<Body> = { actor: Actor; id: string; version: number; body: Body; context: RequestContext };

/** A `POST /<items>/:id/actions/<action>` route: its path, documentation, body and the action it calls. */
export type ItemActionRoute<BodySchema extends z.ZodType | undefined> = {
  path: string;
  tags: string[];
  summary: string;
  /** The body's schema; absent for actions without a body. */
  body?: BodySchema;
  /** The schema of the updated item (200). */
  response: z.ZodType;
  /** Accepts an Idempotency-Key (a retry replays the first answer). */
  idempotent?: boolean;
  run: (call: ItemActionCall<BodySchema extends z.ZodType ? z.output<BodySchema> : undefined>) => Promise<{ version: number }>;
};

/**
 * Registers a workflow action on one item, the shape every such route shares: the `{id}` path, the version the
 * client sent in If-Match, the validated body, the actor and request context in; the updated item out with its
 * version as the ETag.
 */
export function registerItemAction<BodySchema extends z.ZodType | undefined>(
  app: ApiApp,
  route: ItemActionRoute<BodySchema>,
): void {
  app.post(
    route.path,
    {
      ...(route.idempotent ? { config: { idempotent: true } } : {}),
      schema: {
        tags: route.tags,
        summary: route.summary,
        params: idParamsSchema,
        ...(route.body ? { body: route.body } : {}),
        response: { 200: route.response },
      },
    },
    async (request, reply) => {
      const item = await route.run({
        actor: requireActor(request),
        id: (request.params as { id: string }).id,
        version: expectedVersion(request),
        body: request.body as BodySchema extends z.ZodType ? z.output<BodySchema> : undefined,
        context: requestContext(request),
      });
      setVersionTag(reply, item.version);
      return item;
    },
  );
}
