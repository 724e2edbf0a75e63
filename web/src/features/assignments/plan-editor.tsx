/** The editor of one proposal's assignment plan: mode, units, and the suggested units to pick from. */
import { PlusOutlined } from '@ant-design/icons';
import { Flex, Form, Radio, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import { type AssignmentPlan, assignmentModeNames, assignmentModes } from '../../../../contracts/proposals.ts';
import { useT } from '../../pages/admin/shared/admin-text.ts';
import {
  addUnit,
  planFromSuggestions,
  planProblems,
  rankedSuggestions,
  suggestionSourceNames,
  type UnitSuggestion,
  withMode,
} from './assignment-plan.ts';
import { useUnitSuggestions } from './assignments-api.ts';
import { UnitsSelect } from './unit-options.tsx';

/** The suggested units as tags: name, score and source; a click adds the unit where the mode wants it. */
function SuggestionTags(props: { items: UnitSuggestion[]; plan: AssignmentPlan; onPick: (unitId: string) => void }) {
  const t = useT();
  if (props.items.length === 0) return <Typography.Text type="secondary">{t('暂无建议的承办单位')}</Typography.Text>;
  const chosen = new Set([...props.plan.unitIds, ...props.plan.coUnitIds]);
  return (
    <Flex wrap gap={6}>
      {rankedSuggestions(props.items).map((item) => {
        const sources = item.sources.map((source) => t(suggestionSourceNames[source])).join('、');
        const picked = chosen.has(item.unitId);
        return (
          <Tooltip key={item.unitId} title={picked ? t('已选') : t('点击加入')}>
            <Tag
              color={picked ? 'blue' : item.sources.includes('category') ? 'gold' : 'default'}
              style={{ cursor: picked ? 'default' : 'pointer', marginInlineEnd: 0, paddingBlock: 2 }}
              onClick={() => !picked && props.onPick(item.unitId)}
              icon={picked ? undefined : <PlusOutlined />}
            >
              {t(item.unitName)} · {Math.round(item.score * 100)}% · {sources}
            </Tag>
          </Tooltip>
        );
      })}
    </Flex>
  );
}

/**
 * Edits a plan. Until the user changes anything (`filled` false), the plan is pre-filled from the suggestions
 * once they arrive; every change reports the whole new plan.
 */
export function PlanEditor(props: {
  proposalId: string;
  value: AssignmentPlan;
  filled: boolean;
  onChange: (plan: AssignmentPlan) => void;
  showProblems?: boolean;
}) {
  const t = useT();
  const { value: plan, onChange, filled } = props;
  const suggestions = useUnitSuggestions(props.proposalId);

  useEffect(() => {
    if (!filled && suggestions.data) onChange(planFromSuggestions(suggestions.data));
  }, [filled, suggestions.data, onChange]);

  const problems = planProblems(plan);
  const showProblems = props.showProblems ?? true;
  return (
    <Form layout="vertical" component="div">
      <Form.Item label={t('交办方式')} style={{ marginBottom: 12 }}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={plan.mode}
          onChange={(event) => onChange(withMode(plan, event.target.value))}
          options={assignmentModes.map((mode) => ({ value: mode, label: t(assignmentModeNames[mode]) }))}
        />
      </Form.Item>
      {plan.mode === 'lead' ? (
        <>
          <Form.Item label={t('主办单位')} required style={{ marginBottom: 12 }}>
            <UnitsSelect
              aria-label={t('主办单位')}
              value={plan.unitIds}
              exclude={plan.coUnitIds}
              onChange={(unitIds) => onChange({ ...plan, unitIds: unitIds.slice(0, 1) })}
            />
          </Form.Item>
          <Form.Item label={t('会办单位')} required style={{ marginBottom: 12 }}>
            <UnitsSelect
              multiple
              aria-label={t('会办单位')}
              value={plan.coUnitIds}
              exclude={plan.unitIds}
              onChange={(coUnitIds) => onChange({ ...plan, coUnitIds })}
            />
          </Form.Item>
        </>
      ) : (
        <Form.Item label={t('承办单位')} required style={{ marginBottom: 12 }}>
          <UnitsSelect
            aria-label={t('承办单位')}
            multiple={plan.mode === 'parallel'}
            value={plan.unitIds}
            onChange={(unitIds) => onChange({ ...plan, unitIds, coUnitIds: [] })}
          />
        </Form.Item>
      )}
      <Form.Item label={t('建议承办单位')} style={{ marginBottom: showProblems && problems.length ? 8 : 0 }}>
        {suggestions.isLoading ? (
          <Skeleton active paragraph={false} />
        ) : (
          <SuggestionTags items={suggestions.data ?? []} plan={plan} onPick={(unitId) => onChange(addUnit(plan, unitId))} />
        )}
      </Form.Item>
      {showProblems && problems.length > 0 ? (
        <Typography.Text type="danger" role="alert">
          {problems.map((problem) => t(problem)).join('；')}
        </Typography.Text>
      ) : null}
    </Form>
  );
}
