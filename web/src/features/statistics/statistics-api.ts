/** 统计: the figures of a session by group (GET /statistics), their Excel export and the Word report tables. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Statistics, StatisticsGrouping } from '../../../../contracts/statistics.ts';
import { api, downloadFile } from '../../lib/api.ts';

/** Every statistics query starts with this key. */
export const statisticsKey = ['statistics'] as const;

/** The statistics of a session broken down by `groupBy`; waits until a session is chosen. */
export function useStatistics(sessionId: string | undefined, groupBy: StatisticsGrouping) {
  return useQuery({
    queryKey: [...statisticsKey, sessionId, groupBy],
    queryFn: ({ signal }) => api.get<Statistics>('/statistics', { sessionId, groupBy }, { signal }),
    enabled: Boolean(sessionId),
    placeholderData: keepPreviousData,
  });
}

/** Downloads the statistics table (Excel) of a session and grouping. */
export function downloadStatisticsExcel(sessionId: string, groupBy: StatisticsGrouping): Promise<void> {
  return downloadFile('/statistics/export.xlsx', { sessionId, groupBy }, '提案办理统计.xlsx');
}

/** Downloads the report's statistics tables (Word) of a session. */
export function downloadStatisticsReport(sessionId: string): Promise<void> {
  return downloadFile('/statistics/report.docx', { sessionId }, '提案办理统计表.docx');
}
