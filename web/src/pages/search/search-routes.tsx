import { SearchOutlined } from '@ant-design/icons';
import { searchRoles } from '../../features/search/search-roles.ts';
import type { AdminRoute } from '../admin/admin-routes.tsx';
import { SearchPage } from './search-page.tsx';

/** 全文检索: the staff's search over proposals and imported history. */
export const searchScreen: AdminRoute = {
  path: 'search',
  label: '全文检索',
  icon: <SearchOutlined />,
  roles: searchRoles,
  element: <SearchPage />,
  description: '在全部提案和历史数据中检索，命中词高亮',
};
