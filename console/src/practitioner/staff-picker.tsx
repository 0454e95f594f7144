import type { JSX } from 'preact';

export interface StaffPickerProps {
  readonly id: string;
  readonly value: string | undefined;
  readonly onChange: (value: string | undefined) => void;
  /** aria-describedby, aria-invalid, aria-required, name: what every control of the form carries. */
  readonly attributes: JSX.HTMLAttributes<HTMLInputElement>;
}

/**
 * Where a form asks for a staff member (a field the API marks `x-mend-staff`): their login, typed.
 * The one place a staff directory's pick replaces the text box, for every form at once.
 */
export function StaffPicker({ id, value, onChange, attributes }: StaffPickerProps) {
  return (
    <input
      type="text"
      {...attributes}
      id={id}
      autoComplete="off"
      spellcheck={false}
      value={value ?? ''}
      onInput={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
    />
  );
}
