import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * A date picker whose form value is a business date (YYYY-MM-DD) and which greys out the days outside
 * [min, max] (either may be absent), so a contact cannot be dated in the future nor an extension past the cap.
 */
export function BoundedDateField(props: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  min?: string;
  max?: string;
}) {
  const disabledDate = (day: Dayjs) =>
    (props.min !== undefined && day.format('YYYY-MM-DD') < props.min) ||
    (props.max !== undefined && day.format('YYYY-MM-DD') > props.max);
  return (
    <DatePicker
      id={props.id}
      style={{ width: '100%' }}
      value={props.value ? dayjs(props.value) : null}
      disabledDate={disabledDate}
      onChange={(date) => props.onChange?.(date ? date.format('YYYY-MM-DD') : null)}
    />
  );
}
