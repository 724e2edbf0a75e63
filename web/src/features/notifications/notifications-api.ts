/**
 * The notification centre's API: the latest notices with the unread count (polled every minute while the user is
 * active), marking one or all read.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification, NotificationPage } from '../../../../contracts/notifications.ts';
import { api } from '../../lib/api.ts';
import { isUserActive, POLL_INTERVAL_MS } from './notification-rules.ts';
import { useUserActivity } from './use-user-activity.ts';

export type { Notification, NotificationPage };

/** The root of the notification query keys. */
export const notificationsKey = ['notifications'] as const;

/** How many notices the bell's list shows. */
const LIST_SIZE = 20;

/**
 * The latest notices and the unread count. It polls every 60 s, but only while the user has recently used the
 * page: a poll is a request, and requests renew the session, so an unattended screen must still time out (等保).
 */
export function useNotifications() {
  const lastActivity = useUserActivity();
  return useQuery({
    queryKey: [...notificationsKey, 'latest'],
    queryFn: () => api.get<NotificationPage>('/notifications', { limit: LIST_SIZE }),
    refetchInterval: () => (isUserActive(lastActivity(), Date.now()) ? POLL_INTERVAL_MS : false),
    staleTime: 20_000,
  });
}

/** Marks one notice read. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<unknown>(`/notifications/${id}/read`),
    onSuccess: () => void client.invalidateQueries({ queryKey: notificationsKey }),
  });
}

/** Marks every notice read. */
export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/notifications/read-all'),
    onSuccess: () => void client.invalidateQueries({ queryKey: notificationsKey }),
  });
}
