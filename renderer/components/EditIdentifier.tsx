import { useState, type FormEvent } from 'react';
import { useServices } from '../context';
import { describeRule } from '../definitionText';
import { editIdentifier } from '../commands';
import type { TokenRow } from '../storage/rows';
import { Field } from './Field';
import { ActionError, useAction } from './useAction';
import { useDefinition } from './useDefinition';
import { SubmitOrCancel } from './SubmitOrCancel';

/** "Edit identifier": a new identifier with its pass code, or a new pass code for the same identifier, queued as an update. */
export function EditIdentifier({ token, onSaved }: { token: TokenRow; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Edit identifier
      </button>
    );
  }
  return <EditIdentifierForm token={token} onDone={() => setOpen(false)} onSaved={onSaved} />;
}

function EditIdentifierForm({ token, onDone, onSaved }: { token: TokenRow; onDone: () => void; onSaved: () => void }) {
  const services = useServices();
  const action = useAction();
  const [identifier, setIdentifier] = useState(token.identifier ?? '');
  const [passCode, setPassCode] = useState('');

  const save = async () => {
    const saved = await editIdentifier(services, token, identifier, passCode);
    // A new identifier is on the slip; a new pass code is never printed.
    if (saved.identifier !== token.identifier) onSaved();
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(save)) onDone();
  };

  return (
    <form aria-label="Edit identifier" className="edit-identifier" noValidate onSubmit={(event) => void onSubmit(event)}>
      <Field label="New identifier" value={identifier} autoFocus hint="Keep it as it is to change only the pass code." onChange={setIdentifier} />
      <PassCodeHintField value={passCode} onChange={setPassCode} />
      <ActionError error={action.error} />
      <SubmitOrCancel label="Save identifier" busy={action.busy} onCancel={onDone} />
    </form>
  );
}

function PassCodeHintField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const definition = useDefinition();
  const hint = definition ? `Required · ${describeRule(definition.passCode)}` : undefined;
  return <Field label="New pass code" type="password" autoComplete="new-password" value={value} hint={hint} onChange={onChange} />;
}
