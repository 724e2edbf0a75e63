import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** A date picker whose form value is a business date string (YYYY-MM-DD) rather than a dayjs object. */
export function DateField(props: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
}) {
  return (
    <DatePicker
      id={props.id}
      style={{ width: '100%' }}
      allowClear={props.allowClear ?? true}
      placeholder={props.placeholder}
      value={props.value ? dayjs(props.value) : null}
      onChange={(date) => props.onChange?.(date ? date.format('YYYY-MM-DD') : null)}
    />
  );
}
