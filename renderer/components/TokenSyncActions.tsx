import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useServices } from '../context';
import { readDefinition } from '../db/meta';
import { applyMine, fixParkedIdentifier, isDuplicateIdentifier, keepCrmValue, retryParked } from '../db/operatorActions';
import type { SentRow } from '../db/parking';
import { fieldLabel, rowsOf, showValue } from '../db/tokenState';
import { Field } from './Field';
import { ActionError, useAction } from './useAction';

/** What the operator can do about this token's changes that the CRM did not take. */
export function TokenSyncActions({ localId }: { localId: string }) {
  const { db } = useServices();
  const rows = useLiveQuery(() => rowsOf(db, localId), [db, localId]);
  const stuck = rows?.find((row) => row.status !== 'pending');
  if (!stuck) return null;
  if (stuck.status === 'conflict') return <ConflictChoice row={stuck} />;
  if (isDuplicateIdentifier(stuck)) return <FixIdentifier key={stuck.seq} row={stuck} />;
  return <RetryParked row={stuck} />;
}

function ConflictChoice({ row }: { row: SentRow }) {
  const { db, now } = useServices();
  const action = useAction();
  return (
    <section aria-label="Conflict" className="sync-actions">
      <h3>Changed in the CRM meanwhile</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">CRM value</th>
            <th scope="col">Mine</th>
          </tr>
        </thead>
        <tbody>
          {(row.conflicts ?? []).map((conflict) => (
            <tr key={conflict.field}>
              <th scope="row">{fieldLabel(conflict)}</th>
              <td>{showValue(conflict, 'crm')}</td>
              <td>{showValue(conflict, 'mine')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" disabled={action.busy} onClick={() => void action.run(() => keepCrmValue(db, row.seq, now()))}>
          Keep CRM value
        </button>
        <button type="button" disabled={action.busy} onClick={() => void action.run(() => applyMine(db, row.seq, now()))}>
          Apply mine
        </button>
      </div>
      <ActionError error={action.error} />
    </section>
  );
}

function FixIdentifier({ row }: { row: SentRow }) {
  const { db, now } = useServices();
  const action = useAction();
  const [identifier, setIdentifier] = useState(row.op.kind === 'create' ? (row.op.identifier ?? '') : '');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => fixParkedIdentifier(db, row.seq, identifier.trim(), await readDefinition(db), now()));
  };
  return (
    <form aria-label="Fix identifier" className="sync-actions" noValidate onSubmit={onSubmit}>
      <p>Another counter already uses this identifier in the CRM. Choose another; the token keeps its authentication code.</p>
      <Field label="Identifier" value={identifier} error={action.error ?? undefined} onChange={setIdentifier} />
      <button type="submit" className="primary" disabled={action.busy}>
        Save and retry
      </button>
    </form>
  );
}

function RetryParked({ row }: { row: SentRow }) {
  const { db, now } = useServices();
  const action = useAction();
  return (
    <div className="sync-actions">
      <button type="button" disabled={action.busy} onClick={() => void action.run(() => retryParked(db, row.seq, now()))}>
        Retry
      </button>
      <ActionError error={action.error} />
    </div>
  );
}
