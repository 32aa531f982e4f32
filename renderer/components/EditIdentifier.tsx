import { useTranslation } from '../i18n';
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
  const { t } = useTranslation();
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('token.edit.button')}
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
  const { t } = useTranslation();

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
    <form aria-label={t('token.edit.form')} className="edit-identifier" noValidate onSubmit={(event) => void onSubmit(event)}>
      <Field label={t('token.edit.identifier')} value={identifier} autoFocus hint={t('token.edit.identifierHint')} onChange={setIdentifier} />
      <PassCodeHintField value={passCode} onChange={setPassCode} />
      <ActionError error={action.error} />
      <SubmitOrCancel label={t('token.edit.save')} busy={action.busy} onCancel={onDone} />
    </form>
  );
}

function PassCodeHintField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const definition = useDefinition();
  const { t } = useTranslation();
  const hint = definition ? t('token.edit.passCodeHint', { rule: describeRule(definition.passCode) }) : undefined;
  return <Field label={t('token.edit.passCode')} type="password" autoComplete="new-password" value={value} hint={hint} onChange={onChange} />;
}
