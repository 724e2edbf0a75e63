import { idParamsSchema } from '../../../contracts/common.ts';
import {
  boardPageSchema,
  boardQuerySchema,
  reminderCreateSchema,
  reminderListSchema,
  reminderSchema,
} from '../../../contracts/supervision.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { sendReminder } from './actions/send-reminder.ts';
import { getBoard } from './supervision.board.ts';
import { listReminders } from './supervision.queries.ts';

const tags = ['督办'];

/** Routes of supervision: the board with its lights, reminders. */
export function supervisionRoutes(app: ApiApp, deps: AppDependencies): void {
  app.get(
    '/supervision/board',
    {
      schema: {
        tags,
        summary: '督办台账：每个承办单位的交办件及红黄绿灯，最紧急的在前（提案委、督办领导、党政领导）',
        querystring: boardQuerySchema,
        response: { 200: boardPageSchema },
      },
    },
    async (request) => getBoard(deps, requireActor(request), request.query),
  );

  app.post(
    '/assignments/:id/reminders',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: '催办：提醒承办单位抓紧办理（提案委、督办领导）',
        params: idParamsSchema,
        body: reminderCreateSchema,
        response: { 201: reminderSchema },
      },
    },
    async (request, reply) => {
      const reminder = await sendReminder(
        deps,
        requireActor(request),
        request.params.id,
        request.body.message,
        requestContext(request),
      );
      return reply.code(201).send(reminder);
    },
  );

  app.get(
    '/assignments/:id/reminders',
    { schema: { tags, summary: '交办件的催办记录', params: idParamsSchema, response: { 200: reminderListSchema } } },
    async (request) => listReminders(deps, requireActor(request), request.params.id),
  );
}
