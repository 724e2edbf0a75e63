/**
 * Archive (归档): the archives with their packages, the preview of a session before archiving, the archiving itself
 * (If-Match: the session's version) and the package download. While a package is being built the list polls.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArchivePreview, SessionArchive } from '../../../../contracts/archive.ts';
import { api, downloadFile } from '../../lib/api.ts';
import { orgsKeys } from '../orgs/orgs-api.ts';

export const archivesKey = ['archives'] as const;

/** The archives, newest first; polls every 3 s while a package is being built. */
export function useArchives() {
  return useQuery({
    queryKey: archivesKey,
    queryFn: async () => (await api.get<{ items: SessionArchive[] }>('/archives')).items,
    refetchInterval: (query) => (query.state.data?.some((item) => item.state === 'building') ? 3000 : false),
  });
}

/** What archiving the session would freeze. */
export function useArchivePreview(sessionId: string | null) {
  return useQuery({
    queryKey: [...archivesKey, 'preview', sessionId],
    queryFn: () => api.get<ArchivePreview>(`/sessions/${sessionId}/archive-preview`),
    enabled: Boolean(sessionId),
  });
}

/** Archives a session; refreshes the archives, the sessions and every proposal (they become read-only). */
export function useArchiveSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { sessionId: string; version: number }) =>
      api.post<SessionArchive>(`/sessions/${input.sessionId}/actions/archive`, {}, { version: input.version }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: archivesKey });
      void client.invalidateQueries({ queryKey: orgsKeys.sessions });
      void client.invalidateQueries({ queryKey: ['proposals'] });
    },
  });
}

/** Downloads an archive's ZIP package. */
export function downloadArchivePackage(archive: Pick<SessionArchive, 'id' | 'sessionName'>): Promise<void> {
  return downloadFile(`/archives/${archive.id}/package.zip`, undefined, `归档包-${archive.sessionName}.zip`);
}
