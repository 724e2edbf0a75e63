import { DownOutlined, ReloadOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Card, Form, type FormInstance } from 'antd';
import { type ReactNode, useState } from 'react';
import { useT } from './admin-text.ts';
import { useIsPhone } from './admin-ui.tsx';

/**
 * The search bar above a list: fields in a wrapping row with 查询 and 重置. On a phone the fields stack in one
 * column and the `more` filters fold away behind 更多筛选, so the list stays in view.
 */
export function FilterBar<Values extends object>(props: {
  form: FormInstance<Values>;
  onSearch: (values: Values) => void;
  children: ReactNode;
  /** Filters folded away on a phone. */
  more?: ReactNode;
  initialValues?: Partial<Values>;
}) {
  const t = useT();
  const phone = useIsPhone();
  const [expanded, setExpanded] = useState(false);
  const showMore = !phone || expanded;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form
        form={props.form}
        layout={phone ? 'vertical' : 'inline'}
        initialValues={props.initialValues}
        onFinish={props.onSearch}
        style={{ rowGap: 12 }}
      >
        {props.children}
        {/* Folded filters stay mounted (hidden) so their values still count. */}
        <div style={{ display: showMore ? 'contents' : 'none' }}>{props.more}</div>
        <Form.Item style={phone ? { marginBottom: 0 } : undefined}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('查询')}
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                props.form.resetFields();
                props.onSearch(props.form.getFieldsValue());
              }}
            >
              {t('重置')}
            </Button>
            {phone && props.more ? (
              <Button type="link" onClick={() => setExpanded(!expanded)} style={{ paddingInline: 4 }}>
                {expanded ? t('收起筛选') : t('更多筛选')} {expanded ? <UpOutlined /> : <DownOutlined />}
              </Button>
            ) : null}
          </div>
        </Form.Item>
      </Form>
    </Card>
  );
}
