/** 领导批示 of any proposal: pick a filed proposal, read its leaders' instructions and (office, leaders) record one. */
import { Drawer, Empty, Flex, Form } from 'antd';
import { useState } from 'react';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import { useDrawerSize } from '../../pages/admin/shared/admin-ui.tsx';
import { InstructionsPanel } from './instructions-panel.tsx';
import { instructableProposalStates } from './key-proposal-rules.ts';
import { ProposalSelect } from './proposal-select.tsx';

/** The drawer; `sessionId` narrows the proposals offered to the session on screen. */
export function InstructionsDrawer(props: {
  open: boolean;
  sessionId?: string;
  canRecord: boolean;
  onClose: () => void;
  onMessage: (message: string) => void;
}) {
  const t = useT();
  const size = useDrawerSize(640);
  const [proposalId, setProposalId] = useState<string | null>(null);
  return (
    <Drawer open={props.open} onClose={props.onClose} size={size} title={t('领导批示')} destroyOnHidden>
      <Flex vertical gap={16}>
        <Form layout="vertical">
          <Form.Item label={t('提案')} style={{ marginBottom: 0 }}>
            <ProposalSelect
              value={proposalId}
              onChange={setProposalId}
              sessionId={props.sessionId}
              states={instructableProposalStates}
            />
          </Form.Item>
        </Form>
        {proposalId ? (
          <InstructionsPanel key={proposalId} proposalId={proposalId} canRecord={props.canRecord} onDone={props.onMessage} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('选择一件已立案的提案，查看或记录领导批示')} />
        )}
      </Flex>
    </Drawer>
  );
}
