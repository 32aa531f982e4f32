import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { QRCodeSVG } from 'qrcode.react';
import { LIFE_CYCLE_LABELS } from '../../../shared/token/lifeCycle';
import { useAppStore, useServices } from '../../context';
import { signedIn } from '../../stores/operatorStore';
import { readCounterIdentity } from '../../storage/meta';
import type { TokenRow } from '../../storage/rows';
import { codeGroups, formatTime } from '../../labels';
import { participantText, useKnownParticipant } from '../useKnownParticipant';
import { forDisplayOrNull } from '../../../shared/text/displayText';

/** Whether the configured CRM was seen to replace the codes it is sent (then an offline slip's code is provisional). */
function useServerMakesCodes(): boolean {
  const { api } = useServices();
  const [makes, setMakes] = useState(false);
  useEffect(() => {
    let live = true;
    api
      .getCrmDialect({})
      .then((reply) => live && setMakes(reply.dialect?.generatesCodes ?? false))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  return makes;
}

function syncLine(token: TokenRow): string {
  if (token.syncStatus === 'synced') return 'Confirmed by the CRM';
  if (token.syncStatus === 'pending') return 'Queued — will sync when online';
  return 'Needs attention — see Pending (F4)';
}

/** The code in groups of four that wrap only between groups; the text stays the bare code for copying. */
function GroupedCode({ code }: { code: string }) {
  return (
    <output aria-label="Issued authentication code">
      {codeGroups(code).map((group, index) => (
        <span key={index} className="code-group">
          {group}
        </span>
      ))}
    </output>
  );
}

/** A slip line, shown as plain text, and left off when it has nothing to say. */
function Line({ term, value }: { term: string; value: string | null }) {
  const shown = forDisplayOrNull(value);
  if (shown === null || shown === '') return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{shown}</dd>
    </>
  );
}

/**
 * What the customer takes away: the authentication code as a QR code and as text, and the token's
 * details. The print stylesheet prints this and nothing else. The pass code is never printed.
 */
export function Slip({ issued }: { issued: TokenRow }) {
  const { db, training } = useServices();
  const ownCodes = useServerMakesCodes();
  const token = useLiveQuery(() => db.tokens.get(issued.localId), [db, issued.localId]) ?? issued;
  const counter = useLiveQuery(() => readCounterIdentity(db), [db]);
  const participant = useKnownParticipant(token);
  const operator = useAppStore('operators', signedIn);
  const issuedBy = [operator?.name, counter?.terminalName].filter(Boolean).join(' at ');
  return (
    <article className="slip" aria-labelledby="slip-title">
      {training ? <p className="slip-training">TRAINING — NOT VALID</p> : null}
      <h3 id="slip-title">Your loyalty access token</h3>
      <div className="slip-body">
        <QRCodeSVG
          value={token.authenticationCode}
          size={176}
          marginSize={4}
          level="M"
          role="img"
          aria-label={`QR code of authentication code ${token.authenticationCode}`}
          className="slip-qr"
        />
        <div>
          <p className="slip-code">
            Authentication code: <GroupedCode code={token.authenticationCode} />
          </p>
          {ownCodes && token.syncStatus !== 'synced' ? (
            <p className="slip-provisional">This code is provisional: this CRM makes its own codes, and the final one shows once the token is synced.</p>
          ) : null}
          <dl className="details">
            <Line term="Identifier" value={token.identifier} />
            <Line
              term="Participant"
              value={token.participantNumber === null && participant === null ? null : participantText(token, participant)}
            />
            <Line term="Classification" value={token.classificationName} />
            <dt>State</dt>
            <dd>{LIFE_CYCLE_LABELS[token.lifeCycleState]}</dd>
            <dt>Issued</dt>
            <dd>{`${formatTime(issued.updatedAt)}${issuedBy === '' ? '' : ` · ${issuedBy}`}`}</dd>
          </dl>
        </div>
      </div>
      {token.syncStatus === 'synced' ? null : <p className="slip-unconfirmed">To be confirmed by the CRM</p>}
      <p className="slip-sync no-print">{syncLine(token)}</p>
    </article>
  );
}
