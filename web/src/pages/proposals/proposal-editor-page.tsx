/**
 * 写提案 / 修改提案: the editor of a draft (or a returned proposal). Autosaves as the member writes, counts the
 * body against the committee's limit, shows similar proposals, invites co-signers, and submits.
 * 录入集体提案: the office enters a collective proposal in the same editor, with 提案单位 (a party, sector, group or
 * committee, or a named organisation) before 案由; its first save sends that as `collectiveAuthor`.
 */
import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Radio, Result, Row, Select, Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { proposalFieldLabels } from '../../../../contracts/proposals.ts';
import { usePhone } from '../../app/use-phone.ts';
import { useMe } from '../../features/auth/auth-api.ts';
import { DictionarySelect } from '../../features/orgs/dictionary-select.tsx';
import { AttachmentsPanel } from '../../features/proposals/attachments-panel.tsx';
import { AutosaveStatus } from '../../features/proposals/autosave-status.tsx';
import { bodyCounter } from '../../features/proposals/body-counter.ts';
import { BodyCounterLine } from '../../features/proposals/body-counter-line.tsx';
import { CoSignersPanel } from '../../features/proposals/co-signers-panel.tsx';
import {
  CollectiveAuthorField,
  collectiveAuthorRule,
  emptyCollectiveAuthor,
} from '../../features/proposals/collective-author-field.tsx';
import { type DraftValues, emptyDraft } from '../../features/proposals/draft-fields.ts';
import { hasAction, proposalNumberText } from '../../features/proposals/proposal-labels.ts';
import { ProposalStateTag } from '../../features/proposals/proposal-state-tag.tsx';
import { useProposal } from '../../features/proposals/proposals-api.ts';
import { SimilarPanel } from '../../features/proposals/similar-panel.tsx';
import { useSubmitFlow } from '../../features/proposals/submit-flow.ts';
import { useCollectiveFirstSave } from '../../features/proposals/use-collective-first-save.ts';
import { useDraftAutosave } from '../../features/proposals/use-draft-autosave.ts';
import { errorMessage } from '../../lib/api.ts';
import { useText } from '../../lib/i18n.tsx';
import { PageTitle, useFeedback } from '../admin/shared/admin-ui.tsx';

/** The body limit shown before the draft exists (the committee's own limit comes with the saved draft). */
const DEFAULT_BODY_MAX = 1500;

/** The editor screen: /proposals/new and /proposals/:id/edit. */
export function ProposalEditorPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const me = useMe();
  const loaded = useProposal(id);
  if (id && loaded.isPending) return <Card loading />;
  if (id && loaded.isError) {
    return <Result status="warning" title={errorMessage(loaded.error)} extra={<BackButton />} />;
  }
  if (!id && me.isPending) return <Card loading />;
  // A new proposal by the office is a collective one: always for staff who are not members, on ?collective=1
  // (录入集体提案) for those who are. Members keep their own editor.
  const office = Boolean(me.data?.roles.includes('proposal_office'));
  const member = Boolean(me.data?.roles.includes('member') && me.data.memberId);
  const collective = !id && office && (!member || search.get('collective') === '1');
  // One element in every case, so the first save's move to /:id/edit keeps the editor (and the focus) in place.
  return <ProposalEditor initial={loaded.data} collective={collective} />;
}

function BackButton() {
  const t = useText();
  const navigate = useNavigate();
  return (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/proposals')}>
      {t('返回我的提案')}
    </Button>
  );
}

function ProposalEditor({ initial, collective }: { initial: ReturnType<typeof useProposal>['data']; collective: boolean }) {
  const t = useText();
  const phone = usePhone();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const [form] = Form.useForm<DraftValues>();
  const autosave = useDraftAutosave({
    form,
    initial,
    onCreated: (created) => navigate(`/proposals/${created.id}/edit`, { replace: true }),
    bodyMax: initial?.bodyMaxCharacters ?? DEFAULT_BODY_MAX,
  });
  const proposal = useProposal(autosave.proposalId).data ?? initial;
  // Before its first save, a collective proposal is created by its own save (with 提案单位), then autosaved as usual.
  const collectiveNew = collective && !autosave.proposalId;
  const first = useCollectiveFirstSave({
    form,
    bodyMax: DEFAULT_BODY_MAX,
    onCreated: (created) => {
      autosave.adopt(created);
      navigate(`/proposals/${created.id}/edit`, { replace: true });
    },
  });
  const isCollective = collectiveNew || proposal?.authorType === 'collective';
  const { modal } = App.useApp();
  const conflict = autosave.state.status === 'conflict';
  const reload = autosave.reload;
  // A conflict may happen while the member is far down the page: say it where it cannot be missed.
  useEffect(() => {
    if (!conflict) return;
    const dialog = modal.confirm({
      title: t('这份提案已在别处被修改'),
      content: t('为避免互相覆盖，自动保存已暂停。重新加载将显示最新内容，本页未保存的修改会丢失，如需保留请先复制。'),
      okText: t('重新加载'),
      cancelText: t('先复制内容'),
      onOk: () => reload().catch(feedback.fail),
    });
    return () => dialog.destroy();
  }, [conflict, modal, t, reload, feedback.fail]);
  const title = Form.useWatch('title', form) ?? '';
  const background = Form.useWatch('background', form) ?? '';
  const suggestions = Form.useWatch('suggestions', form) ?? '';
  const keywords = Form.useWatch('keywords', form) ?? [];
  const agrees = Form.useWatch('agreesToPublish', form) ?? true;
  const max = proposal?.bodyMaxCharacters ?? DEFAULT_BODY_MAX;
  const over = bodyCounter({ background, suggestions }, max).over;
  const submit = useSubmitFlow({
    proposal,
    prepare: autosave.saveNow,
    onSubmitted: (submitted) => {
      feedback.ok('提案已提交');
      navigate(`/proposals/${submitted.id}`, { replace: true });
    },
    onError: feedback.fail,
  });

  // Past writing (co-signing, submitted…): the detail page shows the proposal and what may still be done.
  if (proposal && !hasAction(proposal, 'edit')) return <Navigate to={`/proposals/${proposal.id}`} replace />;

  const canSubmit = hasAction(proposal, 'submit');
  const submitButton = canSubmit ? (
    <Tooltip title={over ? t('正文超过字数上限，请删减后再提交') : undefined}>
      <Button
        type="primary"
        icon={<SendOutlined />}
        disabled={over || autosave.state.status === 'conflict'}
        loading={submit.submitting}
        onClick={submit.start}
      >
        {t('提交提案')}
      </Button>
    </Tooltip>
  ) : null;

  return (
    <div>
      {feedback.holder}
      <PageTitle
        title={proposal ? (isCollective ? '修改集体提案' : '修改提案') : collectiveNew ? '录入集体提案' : '写提案'}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(proposal ? `/proposals/${proposal.id}` : '/proposals')}>
              {t(proposal ? '查看详情' : '返回')}
            </Button>
            {submitButton}
          </>
        }
      />
      {proposal?.state === 'returned' && proposal.decision?.reason ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('提案委退回修改的意见')}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{proposal.decision.reason}</span>}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small">
            <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
              <Flex align="center" gap={8} wrap>
                {proposal ? <ProposalStateTag state={proposal.state} name={proposal.stateName} /> : null}
                {proposal?.number ? (
                  <Typography.Text type="secondary">{proposalNumberText(proposal.number)}</Typography.Text>
                ) : null}
                {collectiveNew && (first.state.status === 'idle' || first.state.status === 'dirty') ? (
                  <Typography.Text type="secondary">{t('选定提案单位并填写案由后将自动保存为草稿')}</Typography.Text>
                ) : (
                  <AutosaveStatus
                    state={
                      collectiveNew || (autosave.state.status === 'idle' && first.state.savedAt) ? first.state : autosave.state
                    }
                    created={Boolean(proposal)}
                    onRetry={() => void (collectiveNew ? first.saveNow() : autosave.saveNow())}
                    onReload={() => void autosave.reload().catch(feedback.fail)}
                  />
                )}
              </Flex>
            </Flex>
            <Form<DraftValues>
              form={form}
              layout="vertical"
              initialValues={emptyDraft()}
              onValuesChange={collectiveNew ? first.changed : autosave.changed}
              onBlur={() => void (collectiveNew ? first.saveNow() : autosave.saveNow())}
            >
              {collectiveNew ? (
                <Form.Item
                  name="collectiveAuthor"
                  label={t('提案单位')}
                  required
                  rules={[collectiveAuthorRule]}
                  initialValue={emptyCollectiveAuthor()}
                  extra={t('以党派、界别、小组、专委会或人民团体名义提出的集体提案，由提案委代为录入')}
                >
                  <CollectiveAuthorField />
                </Form.Item>
              ) : isCollective && proposal ? (
                <Form.Item label={t('提案单位')}>
                  <Typography.Text strong>{t(proposal.authorName)}</Typography.Text>
                  <Typography.Text type="secondary">（{t('集体提案')}）</Typography.Text>
                </Form.Item>
              ) : null}
              <Form.Item
                name="title"
                label={t('案由')}
                rules={[{ required: true, whitespace: true, message: t('请填写案由') }]}
                extra={t('一事一案，写明提案所要解决的问题，如“关于加强社区居家养老服务的建议”')}
              >
                <Input maxLength={200} showCount placeholder={t('关于……的建议')} />
              </Form.Item>
              <Form.Item name="background" label={t(proposalFieldLabels.background)} extra={t('现状、存在的问题及原因分析')}>
                <Input.TextArea autoSize={{ minRows: phone ? 6 : 8, maxRows: 30 }} />
              </Form.Item>
              <Form.Item
                name="suggestions"
                label={t(proposalFieldLabels.suggestions)}
                extra={t('具体、可行的办法和措施，可分条列出')}
              >
                <Input.TextArea autoSize={{ minRows: phone ? 6 : 8, maxRows: 30 }} />
              </Form.Item>
              <div style={{ marginTop: -8, marginBottom: 16 }}>
                <BodyCounterLine background={background} suggestions={suggestions} max={max} />
              </div>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="categoryId" label={t('类别')}>
                    <DictionarySelect kind="proposal_category" placeholder="请选择提案类别" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="keywords" label={t('关键词')} extra={t('最多 10 个，输入后按回车')}>
                    <Select
                      mode="tags"
                      maxCount={10}
                      tokenSeparators={[',', '，', '、', ' ']}
                      open={false}
                      suffixIcon={null}
                      placeholder={t('如：养老 社区')}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="agreesToPublish" label={t('是否同意公开')}>
                <Radio.Group
                  options={[
                    { value: true, label: t('同意公开') },
                    { value: false, label: t('不同意公开') },
                  ]}
                />
              </Form.Item>
              {agrees === false ? (
                <Form.Item
                  name="publicationRefusalReason"
                  label={t('不同意公开的理由')}
                  rules={[{ required: true, whitespace: true, message: t('请填写不同意公开的理由') }]}
                >
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
                </Form.Item>
              ) : null}
            </Form>
            {phone && submitButton ? <div style={{ marginTop: 8 }}>{submitButton}</div> : null}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <SimilarPanel title={title} keywords={keywords} excludeId={proposal?.id} />
            {proposal ? <AttachmentsPanel proposalId={proposal.id} editable /> : null}
            {isCollective ? null : proposal ? (
              <CoSignersPanel
                proposal={proposal}
                prepare={autosave.saveNow}
                onChanged={autosave.adopt}
                ok={feedback.ok}
                fail={feedback.fail}
              />
            ) : (
              <Card size="small" title={t('联名委员')}>
                <Typography.Text type="secondary">{t('草稿保存后即可邀请其他委员联名。')}</Typography.Text>
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
