import type { AppModule } from '../../platform/module.ts';
import { stationRoutes } from './stations.routes.ts';

/**
 * Liaison stations and member studios (委员联络站 / 委员工作室): the office's list, station staff's visit register
 * (closed on the spot or turned into micro-suggestions), members' duty days, counts, and the portal's page.
 */
export const stationsModule: AppModule = {
  name: 'stations',
  routes: async (app, deps) => stationRoutes(app, deps),
};
