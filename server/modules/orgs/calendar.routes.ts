import { z } from 'zod';
import {
  calendarComputeQuerySchema,
  calendarComputeResultSchema,
  calendarDayParamsSchema,
  calendarDayPutSchema,
  calendarDaySchema,
  calendarDaysResponseSchema,
  calendarImportResultSchema,
  calendarImportSchema,
  calendarYearQuerySchema,
} from '../../../contracts/orgs.ts';
import { requireActor } from '../../platform/auth/auth-plugin.ts';
import { addMonths } from '../../platform/calendar/business-date.ts';
import { unprocessable } from '../../platform/http/problem.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { ApiApp, AppDependencies } from '../../platform/module.ts';
import { importCalendar } from './actions/import-calendar.ts';
import { removeCalendarDay } from './actions/remove-calendar-day.ts';
import { setCalendarDay } from './actions/set-calendar-day.ts';
import { loadCalendar } from './orgs.calendar.ts';
import { requireReader } from './orgs.http.ts';
import { presentCalendarDay } from './orgs.presenter.ts';
import { listCalendarDays } from './orgs.queries.ts';

const tags = ['节假日与期限'];

/** Routes of the working-day calendar (holidays and make-up workdays) and the deadline helper. */
export function calendarRoutes(app: ApiApp, deps: AppDependencies): void {
  const orm = deps.database.orm;

  app.get(
    '/calendar/days',
    {
      schema: {
        tags,
        summary: '某年的节假日和调休上班日（未列出的日子：周一至周五上班，周末休息）',
        querystring: calendarYearQuerySchema,
        response: { 200: calendarDaysResponseSchema },
      },
    },
    async (request) => {
      const actor = requireReader(request);
      const rows = await listCalendarDays(orm, actor.orgId, request.query.year);
      return { year: request.query.year, items: rows.map(presentCalendarDay) };
    },
  );

  app.put(
    '/calendar/days/:date',
    {
      schema: {
        tags,
        summary: '设置某天为放假或调休上班',
        params: calendarDayParamsSchema,
        body: calendarDayPutSchema,
        response: { 200: calendarDaySchema },
      },
    },
    async (request) => setCalendarDay(deps, requireActor(request), request.params.date, request.body, requestContext(request)),
  );

  app.delete(
    '/calendar/days/:date',
    {
      schema: {
        tags,
        summary: '取消某天的节假日安排（恢复按周一至周五计算）',
        params: calendarDayParamsSchema,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await removeCalendarDay(deps, requireActor(request), request.params.date, requestContext(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/calendar/import',
    {
      schema: {
        tags,
        summary: '导入节假日安排 CSV（表头 date,kind,name；任何一行有误则整份不导入）',
        body: calendarImportSchema,
        response: { 200: calendarImportResultSchema },
      },
    },
    async (request) => importCalendar(deps, requireActor(request), request.body.csv, requestContext(request)),
  );

  app.get(
    '/calendar/compute',
    {
      schema: {
        tags,
        summary: '计算期限：起始日加若干月和/或工作日，落在休息日顺延至下一个工作日',
        querystring: calendarComputeQuerySchema,
        response: { 200: calendarComputeResultSchema },
      },
    },
    async (request) => {
      const actor = requireReader(request);
      const { from } = request.query;
      const months = request.query.months ?? 0;
      const workingDays = request.query.workingDays ?? 0;
      const calendar = await loadCalendar(orm, actor.orgId);
      try {
        const plain = calendar.addWorkingDays(addMonths(from, months), workingDays);
        const dueDate = calendar.dueDate(from, { months, workingDays });
        return { from, months, workingDays, dueDate, movedFrom: dueDate === plain ? null : plain };
      } catch (error) {
        // A calendar with no working day for ten years (every day marked holiday) cannot give a deadline.
        if (error instanceof RangeError)
          throw unprocessable('按本会节假日安排无法算出期限，请检查节假日设置', undefined, 'no_working_day');
        throw error;
      }
    },
  );
}
