import type { AdminRoute } from '../admin/admin-routes.tsx';

/** The proposal office's and the units' screens: review queue, assignment, adjustments, unit inbox. (Being written.) */
export const officeScreens: AdminRoute[] = [];
