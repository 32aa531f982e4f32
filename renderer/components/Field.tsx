import { useId, type HTMLAttributes, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'url';
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  error?: string | undefined;
  hint?: ReactNode;
  placeholder?: string | undefined;
  autoComplete?: string;
  autoFocus?: boolean;
  /** Buttons shown beside the input, e.g. "Generate …". */
  children?: ReactNode;
}

/** A labelled input with its hint and error tied to it by aria-describedby. */
export function Field({ label, value, onChange, type = 'text', inputMode, error, hint, placeholder, autoComplete = 'off', autoFocus, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field-row">
        <input
          id={id}
          type={type}
          inputMode={inputMode}
          value={value}
          placeholder={placeholder}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
        {children}
      </div>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
