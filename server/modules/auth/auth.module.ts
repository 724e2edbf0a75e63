import type { AppModule } from '../../platform/module.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { sessionAuthority } from './auth.sessions.ts';
import { purgeEndedSessions } from './login-sessions.ts';
import { purgeLoginCounters } from './login-throttle.ts';

/** Login (with its failure counters), second factor, password change, logout and the user's own sessions; the sessions the platform resolves. */
export const authModule: AppModule = {
  name: 'auth',
  routes: registerAuthRoutes,
  sessions: sessionAuthority,
  purgeExpired: async (dependencies) => {
    await purgeEndedSessions(dependencies.database.orm, dependencies.now());
    await purgeLoginCounters(dependencies.database.orm, dependencies.now());
  },
};
