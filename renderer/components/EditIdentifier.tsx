import { useState, type FormEvent } from 'react';
import { checkField } from '../../shared/token/definition';
import { useServices } from '../context';
import { editToken, LocalChangeError } from '../db/localChanges';
import { readDefinition } from '../db/meta';
import type { TokenRow } from '../db/rows';
import { Field } from './Field';
import { ActionError, useAction } from './useAction';

/** "Edit identifier": a new identifier with its pass code, queued as an update. */
export function EditIdentifier({ token }: { token: TokenRow }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div className="edit-identifier">
        <button type="button" onClick={() => setOpen(true)}>
          Edit identifier
        </button>
      </div>
    );
  }
  return <EditIdentifierForm token={token} onDone={() => setOpen(false)} />;
}

function EditIdentifierForm({ token, onDone }: { token: TokenRow; onDone: () => void }) {
  const { db, api, now } = useServices();
  const action = useAction();
  const [identifier, setIdentifier] = useState(token.identifier ?? '');
  const [passCode, setPassCode] = useState('');

  const save = async () => {
    const definition = await readDefinition(db);
    const problem = checkField(definition.passCode, 'Pass code', passCode);
    if (problem) throw new LocalChangeError(problem);
    const { sealed } = await api.sealSecret({ plaintext: passCode });
    await editToken(db, token.localId, { identifier: identifier.trim(), sealedPassCode: sealed }, now());
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(save)) onDone();
  };

  return (
    <form aria-label="Edit identifier" className="edit-identifier" noValidate onSubmit={(event) => void onSubmit(event)}>
      <Field label="New identifier" value={identifier} onChange={setIdentifier} />
      <Field label="New pass code" type="password" autoComplete="new-password" value={passCode} onChange={setPassCode} />
      <ActionError error={action.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          Save identifier
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
