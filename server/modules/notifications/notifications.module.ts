import type { AppModule } from '../../platform/module.ts';
import { phoneSmsJobs } from '../../platform/notify/phone-sms.ts';
import { notificationJobs } from './notifications.jobs.ts';
import { notificationRoutes } from './notifications.routes.ts';

/** The notification centre: in-app notices written by other modules' actions, SMS/e-mail copies sent as jobs. */
export const notificationsModule: AppModule = {
  name: 'notifications',
  routes: notificationRoutes,
  jobs: { ...notificationJobs, ...phoneSmsJobs },
};
