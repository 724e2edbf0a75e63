/**
 * The built-in renderers of workbench cards, one per display: a count that opens its list, a total split into
 * parts, rates with their counts, and a short list of records. The page picks them through card-registry.tsx.
 */
import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, List, Progress, Statistic, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { WorkbenchCard, WorkbenchItem } from '../../../../contracts/workbench.ts';
import { formatNumber } from '../../lib/format.ts';
import { useText } from '../../lib/i18n.tsx';
import { type ListedItem, percentText, toneColors } from './workbench-rules.ts';
import './workbench.css';

/** The whole card opens its list when it has one. */
function Linked({ card, children }: { card: WorkbenchCard; children: ReactNode }) {
  const t = useText();
  if (!card.link) return <>{children}</>;
  return (
    <Link to={card.link} className="wb-card-link" data-card={card.key} aria-label={`${t(card.label)} ${card.count}`}>
      {children}
    </Link>
  );
}

/** A count: the label, the number in its tone's colour, a hint; the whole card opens the filtered list. */
export function CountCard({ card }: { card: WorkbenchCard }) {
  const t = useText();
  return (
    <Linked card={card}>
      <Card size="small" hoverable={Boolean(card.link)} className={`wb-card wb-tone-${card.tone}`}>
        <Statistic
          title={t(card.label)}
          value={card.count}
          formatter={(value) => formatNumber(Number(value))}
          styles={{ title: { color: 'inherit' }, content: { color: toneColors[card.tone] } }}
          className="wb-statistic"
        />
        {card.hint ? <div className="wb-card-hint">{t(card.hint)}</div> : null}
      </Card>
    </Linked>
  );
}

/** A wide card's title line: the label with the total, and 查看全部 when it has a list. */
function WideTitle({ card, total }: { card: WorkbenchCard; total?: ReactNode }) {
  const t = useText();
  return (
    <Flex justify="space-between" align="center" gap={8} wrap className="wb-wide-title">
      <span>
        {t(card.label)}
        {total !== undefined ? <span className="wb-wide-total">{total}</span> : null}
      </span>
      {card.link ? (
        <Link to={card.link} data-card={card.key} className="wb-more">
          {t('查看全部')} <RightOutlined aria-hidden />
        </Link>
      ) : null}
    </Flex>
  );
}

/** A total split into parts (my proposals by state), each part a tag opening its own list. */
export function PartsCard({ card }: { card: WorkbenchCard }) {
  const t = useText();
  return (
    <Card size="small" className={`wb-card wb-wide wb-tone-${card.tone}`} title={<WideTitle card={card} total={card.count} />}>
      {card.parts.length === 0 ? (
        <Typography.Text className="wb-card-hint">{t(card.hint ?? '暂无')}</Typography.Text>
      ) : (
        <Flex gap={8} wrap>
          {card.parts.map((part) => (
            <Link key={part.key} to={part.link} className="wb-part" aria-label={`${t(part.label)} ${part.count}`}>
              <span>{t(part.label)}</span>
              <strong>{formatNumber(part.count)}</strong>
            </Link>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** Rates with numerator and denominator (the session's key rates), each with its definition on hover. */
export function FiguresCard({ card }: { card: WorkbenchCard }) {
  const t = useText();
  return (
    <Card size="small" className={`wb-card wb-wide wb-tone-${card.tone}`} title={<WideTitle card={card} />}>
      {card.hint ? <div className="wb-card-hint wb-figures-hint">{t(card.hint)}</div> : null}
      <div className="wb-figures">
        {card.figures.map((figure) => (
          <Tooltip key={figure.key} title={t(figure.definition)}>
            <div className="wb-figure">
              <div className="wb-figure-label">{t(figure.label)}</div>
              <div className="wb-figure-value">{percentText(figure.value)}</div>
              <Progress
                percent={figure.value === null ? 0 : Math.round(figure.value * 1000) / 10}
                showInfo={false}
                size="small"
                strokeColor="#1d4ea1"
                aria-hidden
              />
              <div className="wb-figure-counts">
                {formatNumber(figure.numerator)} / {formatNumber(figure.denominator)}
              </div>
            </div>
          </Tooltip>
        ))}
      </div>
    </Card>
  );
}

/** One record in a list: its title, a note in its tone's colour, and where it came from. */
function ItemRow({ item, source }: { item: WorkbenchItem; source?: string }) {
  const t = useText();
  return (
    <List.Item className="wb-item">
      <Link to={item.link} className="wb-item-link">
        <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
          <span className="wb-item-title">{t(item.title)}</span>
          <Flex gap={8} align="center" wrap>
            {source ? (
              <Tag className="wb-item-source" bordered={false}>
                {t(source)}
              </Tag>
            ) : null}
            {item.note ? (
              <span className="wb-item-note" style={{ color: toneColors[item.tone] }}>
                {t(item.note)}
              </span>
            ) : null}
          </Flex>
        </Flex>
        <RightOutlined className="wb-item-arrow" aria-hidden />
      </Link>
    </List.Item>
  );
}

/** A card whose records are its list (no list page filters them): the count, then the records. */
export function ItemsCard({ card }: { card: WorkbenchCard }) {
  const t = useText();
  return (
    <Card
      size="small"
      className={`wb-card wb-wide wb-tone-${card.tone}`}
      title={<WideTitle card={card} total={<span style={{ color: toneColors[card.tone] }}>{card.count}</span>} />}
    >
      {card.hint ? <div className="wb-card-hint">{t(card.hint)}</div> : null}
      {card.items.length > 0 ? (
        <List size="small" dataSource={card.items} renderItem={(item) => <ItemRow item={item} />} />
      ) : null}
      {card.count > card.items.length ? (
        <div className="wb-card-hint">{`${t('另有')} ${card.count - card.items.length} ${t('项未列出')}`}</div>
      ) : null}
    </Card>
  );
}

/** 待办事项: the most urgent records behind the count cards, each opening where it is handled. */
export function WaitingItems({ items }: { items: ListedItem[] }) {
  const t = useText();
  return (
    <Card size="small" className="wb-card wb-wide" title={t('待办事项')}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无需要处理的事项')} />
      ) : (
        <List size="small" dataSource={items} renderItem={(item) => <ItemRow item={item} source={item.cardLabel} />} />
      )}
    </Card>
  );
}
