import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { forbidden } from '../../platform/http/problem.ts';
import { canReadCommitteeData } from './orgs.policy.ts';

/** The logged-in actor, who must belong to the committee with at least one role to read its data. */
export function requireReader(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (!canReadCommitteeData(actor)) throw forbidden('您的账户尚未分配角色，请联系管理员');
  return actor;
}
