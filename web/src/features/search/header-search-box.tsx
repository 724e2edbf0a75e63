/** The search box of the app header: Enter opens 全文检索 with the words; where room is short, a button opens the screen. */
import { SearchOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useText } from '../../lib/i18n.tsx';
import { SEARCH_QUERY_MAX, searchLink } from './search-query.ts';

/** The header's box; `compact` (a phone, the elder mode) shows only the button. */
export function HeaderSearchBox({ compact }: { compact: boolean }) {
  const t = useText();
  const navigate = useNavigate();
  const location = useLocation();
  const [text, setText] = useState('');
  // On the search screen itself the page's own box holds the words; leave the header's empty after a search.
  useEffect(() => {
    if (location.pathname === '/search') setText('');
  }, [location.pathname]);

  if (compact) {
    return <Button type="text" icon={<SearchOutlined />} onClick={() => navigate('/search')} aria-label={t('全文检索')} />;
  }
  return (
    <Input
      allowClear
      value={text}
      onChange={(event) => setText(event.target.value)}
      onPressEnter={() => {
        if (text.trim()) navigate(searchLink(text));
      }}
      prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />}
      placeholder={t('全文检索，回车搜索')}
      aria-label={t('全文检索')}
      maxLength={SEARCH_QUERY_MAX}
      style={{ width: 220 }}
    />
  );
}
