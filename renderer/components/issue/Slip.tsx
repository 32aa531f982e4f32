import { t, useTranslation } from '../../i18n';
import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { QRCodeSVG } from 'qrcode.react';
import { useAppStore, useServices } from '../../context';
import { signedIn } from '../../stores/operatorStore';
import { readCounterIdentity, readPrintSettings } from '../../storage/meta';
import type { TokenRow } from '../../storage/rows';
import { codeGroups, formatTime, lifeCycleLabel } from '../../labels';
import { participantText, useKnownParticipant } from '../useKnownParticipant';
import { forDisplay, forDisplayOrNull } from '../../../shared/text/displayText';
import { useSlipPage } from '../../printing/useSlipPage';
import { CodeBarcode } from './CodeBarcode';

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
  if (token.syncStatus === 'synced') return t('print.slip.synced');
  if (token.syncStatus === 'pending') return t('print.slip.queued');
  return t('print.slip.attention');
}

/** Em widths of a monospace character (with the slip's letter spacing) and of the gap after a group. */
const CHAR_EM = 0.66;
const GAP_EM = 0.4;

/**
 * The code in groups of four, on one line: its size shrinks to fit the slip's width (`--code-em`, the
 * line's length in ems). The text stays the bare code for copying.
 */
function GroupedCode({ code }: { code: string }) {
  const groups = codeGroups(code);
  const lineEm = code.length * CHAR_EM + groups.length * GAP_EM;
  return (
    <output aria-label={t('print.slip.codeLabel')} style={{ ['--code-em' as string]: lineEm.toFixed(2) }}>
      {groups.map((group, index) => (
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
 * What the customer takes away: the shop's name, the authentication code as a QR code, a Code 128
 * barcode and text, the token's details and the shop's instructions, laid out for the paper chosen in
 * Settings. The print stylesheet prints this and nothing else. The pass code is never printed.
 * `test`: Settings' test print, with a sample token.
 */
export function Slip({ issued, test = false }: { issued: TokenRow; test?: boolean }) {
  const { db, training } = useServices();
  const ref = useRef<HTMLElement>(null);
  const printing = useLiveQuery(() => readPrintSettings(db), [db]);
  useSlipPage(ref, printing);
  const ownCodes = useServerMakesCodes();
  const token = useLiveQuery(() => db.tokens.get(issued.localId), [db, issued.localId]) ?? issued;
  const counter = useLiveQuery(() => readCounterIdentity(db), [db]);
  const participant = useKnownParticipant(token);
  const operator = useAppStore('operators', signedIn);
  useTranslation();
  const issuedBy =
    operator?.name && counter?.terminalName
      ? t('print.slip.at', { operator: operator.name, terminal: counter.terminalName })
      : (operator?.name ?? counter?.terminalName ?? '');
  // Laid out only for the paper and with the words Settings hold, so nothing prints a draft of it.
  if (!printing) return null;
  return (
    <article ref={ref} className={`slip print-page paper-${printing.paper}`} aria-labelledby="slip-title">
      {training ? <p className="slip-training">{t('print.slip.training')}</p> : null}
      {test ? <p className="slip-training">{t('print.slip.test')}</p> : null}
      {printing.shopName === '' ? null : <p className="slip-shop">{forDisplay(printing.shopName)}</p>}
      <h3 id="slip-title">{t('print.slip.title')}</h3>
      <div className="slip-body">
        <div className="slip-codes">
          <QRCodeSVG
            value={token.authenticationCode}
            size={176}
            marginSize={4}
            level="M"
            role="img"
            aria-label={t('print.slip.qr', { code: token.authenticationCode })}
            className="slip-qr"
          />
          <CodeBarcode code={token.authenticationCode} />
        </div>
        <div className="slip-details">
          <p className="slip-code">
            {t('print.slip.code')} <GroupedCode code={token.authenticationCode} />
          </p>
          {ownCodes && token.syncStatus !== 'synced' ? <p className="slip-provisional">{t('print.slip.provisional')}</p> : null}
          <dl className="details">
            <Line term={t('print.slip.identifier')} value={token.identifier} />
            <Line
              term={t('print.slip.participant')}
              value={token.participantNumber === null && participant === null ? null : participantText(token, participant)}
            />
            <Line term={t('print.slip.classification')} value={token.classificationName} />
            <dt>{t('print.slip.state')}</dt>
            <dd>{lifeCycleLabel(token.lifeCycleState)}</dd>
            <dt>{t('print.slip.issued')}</dt>
            <dd>{issuedBy === '' ? formatTime(issued.updatedAt) : t('print.slip.issuedBy', { when: formatTime(issued.updatedAt), who: issuedBy })}</dd>
          </dl>
        </div>
      </div>
      {printing.instructions === '' ? null : <p className="slip-instructions">{forDisplay(printing.instructions)}</p>}
      {token.syncStatus === 'synced' ? null : <p className="slip-unconfirmed">{t('print.slip.unconfirmed')}</p>}
      <p className="slip-sync no-print">{syncLine(token)}</p>
    </article>
  );
}
