import { CalendarOutlined, FormOutlined, HomeOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { AdminRoute } from '../admin/admin-routes.tsx';
import { DutyPage } from './duty-page.tsx';
import { MyDutyDaysPage } from './my-duty-days-page.tsx';
import { StationsPage } from './stations-page.tsx';
import { VisitsSection } from './visits-section.tsx';

/** The menu group of the liaison stations' screens. */
export const STATION_GROUP = '委员联络站';

/**
 * The screens of liaison stations and member studios: the office keeps the list and sees every station's visits,
 * duty days and counts; station staff record their station's visits (phone first) and its duty days; a member sees
 * their own duty days.
 */
export const stationScreens: AdminRoute[] = [
  {
    path: 'stations',
    label: '联络站与工作室',
    icon: <HomeOutlined />,
    roles: ['proposal_office'],
    element: <StationsPage />,
    description: '委员联络站、委员工作室名录，驻站委员，各站接待统计',
  },
  // /station-visits/new and /station-visits/:id live under this screen (VisitsSection).
  {
    path: 'station-visits',
    label: '来访登记',
    icon: <FormOutlined />,
    roles: ['proposal_office', 'station_staff'],
    element: <VisitsSection />,
    description: '登记群众来访，当场办结或转为微建议',
  },
  {
    path: 'station-duty',
    label: '接待日安排',
    icon: <CalendarOutlined />,
    roles: ['proposal_office', 'station_staff'],
    element: <DutyPage />,
    description: '安排委员到联络站接待群众的日期',
  },
  {
    path: 'my-duty-days',
    label: '我的接待日',
    icon: <ScheduleOutlined />,
    roles: ['member'],
    element: <MyDutyDaysPage />,
    description: '本人在联络站、工作室的接待日',
  },
];
