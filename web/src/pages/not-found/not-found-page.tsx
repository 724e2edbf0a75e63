import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

/** 404: the address names no screen. */
export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除，请检查网址。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}

/** 403: the screen exists but the user's roles do not include it. */
export function ForbiddenPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="没有权限"
      subTitle="您的角色无权访问此页面。如需使用，请联系管理员分配角色。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}
