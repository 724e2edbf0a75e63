/** What a similar item shows beside its title: its session, 相似度 and the key words both texts share. */
import { Flex, Tag, Typography } from 'antd';
import type { SearchItemType } from '../../../../contracts/search.ts';
import { useText } from '../../lib/i18n.tsx';
import { useSessions } from '../orgs/orgs-api.ts';
import { percentOf, searchTypeNames } from './search-query.ts';

/** How many shared words a row shows. */
const SHARED_TERMS_SHOWN = 6;

/** The colour of a similarity: red when nearly the same text, orange when close, blue otherwise. */
export function similarityColor(score: number): string {
  return score >= 0.6 ? 'red' : score >= 0.3 ? 'orange' : 'blue';
}

/** 相似度 as a tag. */
export function SimilarityTag({ score }: { score: number }) {
  const t = useText();
  return (
    <Tag color={similarityColor(score)} style={{ marginInlineEnd: 0 }}>
      {t('相似度')} {percentOf(score)}%
    </Tag>
  );
}

/** 历史数据 for imported history items; nothing for proposals. */
export function HistoryTypeTag({ type }: { type: SearchItemType | undefined }) {
  const t = useText();
  if (type !== 'history') return null;
  return (
    <Tag color="purple" style={{ marginInlineEnd: 0 }}>
      {t(searchTypeNames.history)}
    </Tag>
  );
}

/** The shared key words, most telling first, as small tags ("共同词" before them). */
export function SharedTerms({ terms }: { terms: readonly string[] | undefined }) {
  const t = useText();
  const shown = (terms ?? []).slice(0, SHARED_TERMS_SHOWN);
  if (shown.length === 0) return null;
  return (
    <Flex align="center" gap={4} wrap>
      <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
        {t('共同词')}
      </Typography.Text>
      {shown.map((term) => (
        <Tag key={term} bordered={false} color="geekblue" style={{ marginInlineEnd: 0 }}>
          {t(term)}
        </Tag>
      ))}
    </Flex>
  );
}

/**
 * The session of an item (十届四次会议): the similar lists span this session and the last, whose numbers restart,
 * so two 第0001号 are told apart by it. Nothing while the sessions load or for history without a session.
 */
export function SessionName({ sessionId }: { sessionId: string | null | undefined }) {
  const t = useText();
  const sessions = useSessions();
  const session = sessionId ? sessions.data?.find((item) => item.id === sessionId) : undefined;
  if (!session) return null;
  return <Typography.Text type="secondary">{t(session.name)}</Typography.Text>;
}
