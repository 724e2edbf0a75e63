import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from '../auth/actor.ts';

/** Where a change came from, for the event log. */
export function requestContext(request: FastifyRequest): RequestContext {
  return { ip: request.ip ?? null, requestId: request.id ?? null };
}

/** Tells the client the record's version (ETag), to send back in If-Match. */
export function setVersionTag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}
