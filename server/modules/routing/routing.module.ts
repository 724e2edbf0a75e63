import type { AppModule } from '../../platform/module.ts';

/** Category and unit suggestions learned from a tenant's history (imported items and filed proposals). */
export const routingModule: AppModule = {
  name: 'routing',
};
