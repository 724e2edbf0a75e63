import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useNavigate } from 'react-router';
import { useMe } from '../../features/auth/auth-api.ts';
import { useStation } from '../../features/stations/stations-api.ts';
import { VisitForm } from '../../features/stations/visit-form.tsx';
import { useT } from '../admin/shared/admin-text.ts';
import { PageTitle, useFeedback } from '../admin/shared/admin-ui.tsx';

/** 登记来访: the phone form; station staff record at their station, the office picks one. Then the visit opens. */
export function VisitNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const me = useMe().data;
  const office = me?.roles.includes('proposal_office') ?? false;
  const stationId = office ? null : (me?.stationId ?? null);
  const station = useStation(stationId);
  return (
    <div style={{ maxWidth: 640 }}>
      {feedback.holder}
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate('/station-visits')}>
        {t('返回来访登记')}
      </Button>
      <PageTitle title={station.data ? `登记来访 · ${station.data.name}` : '登记来访'} />
      <Card>
        <VisitForm
          stationId={stationId}
          onSaved={(visit) => navigate(`/station-visits/${visit.id}`, { state: { saved: true } })}
        />
      </Card>
    </div>
  );
}
