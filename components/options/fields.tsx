/** Small labelled form controls with their problems tied to them (aria-invalid, aria-describedby). */
import type { ComponentChildren } from 'preact';

export interface FieldProps {
  id: string;
  label: ComponentChildren;
  value: string;
  onValue(v: string): void;
  problems?: readonly string[];
  hint?: ComponentChildren;
  multiline?: boolean;
  type?: 'text' | 'number' | 'url';
  disabled?: boolean;
  required?: boolean;
  rows?: number;
}

export function Problems({ id, problems }: { id: string; problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <ul class="field-problems" id={id}>
      {problems.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}

export function Field({ id, label, value, onValue, problems = [], hint, multiline, type = 'text', disabled, required, rows }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = problems.length ? `${id}-problems` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    disabled,
    required,
    'aria-invalid': problems.length > 0 ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <span class="hint" id={hintId}>
          {hint}
        </span>
      )}
      {multiline ? (
        <textarea {...common} rows={rows ?? 3} onInput={(e) => onValue((e.target as HTMLTextAreaElement).value)} />
      ) : (
        <input {...common} type={type as 'text'} onInput={(e) => onValue((e.target as HTMLInputElement).value)} />
      )}
      <Problems id={`${id}-problems`} problems={problems} />
    </div>
  );
}

export interface SelectFieldProps {
  id: string;
  label: ComponentChildren;
  value: string;
  onValue(v: string): void;
  options: { value: string; label: string }[];
  problems?: readonly string[];
  hint?: ComponentChildren;
}

export function SelectField({ id, label, value, onValue, options, problems = [], hint }: SelectFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = problems.length ? `${id}-problems` : undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <span class="hint" id={hintId}>
          {hint}
        </span>
      )}
      <select
        id={id}
        value={value}
        aria-invalid={problems.length > 0 ? 'true' : undefined}
        aria-describedby={[hintId, errId].filter(Boolean).join(' ') || undefined}
        onChange={(e) => onValue((e.target as HTMLSelectElement).value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Problems id={`${id}-problems`} problems={problems} />
    </div>
  );
}
