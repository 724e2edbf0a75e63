import type { AppModule } from '../../platform/module.ts';
import { registerAuthRoutes } from './auth.routes.ts';

/** Login, second factor, password change, logout and the user's own sessions. */
export const authModule: AppModule = {
  name: 'auth',
  routes: registerAuthRoutes,
};
