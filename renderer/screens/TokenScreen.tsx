import { useTranslation } from '../i18n';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Slip } from '../components/issue/Slip';
import { TOKEN_SAVED, usePrintKey, useSlipPrint } from '../components/issue/useSlipPrint';
import { ReprintButton, type SlipOffer } from '../components/token/ReprintSlip';
import { EditIdentifier } from '../components/EditIdentifier';
import { Kbd } from '../components/Kbd';
import { ParticipantTokens } from '../components/ParticipantTokens';
import { CrmConfirmation } from '../components/token/CrmConfirmation';
import { RegenerateCode } from '../components/token/RegenerateCode';
import { StateSwitch } from '../components/token/StateSwitch';
import { VerifyToken } from '../components/token/VerifyToken';
import { TokenFacts } from '../components/token/TokenFacts';
import { TokenHistory } from '../components/token/TokenHistory';
import { RowFix } from '../components/RowFix';
import { useDecisionNotice } from '../components/DecisionNotice';
import { useAppStore, useServices } from '../context';
import { isDuplicateIdentifier, isRefusedParticipant, tokenDetail } from '../outbox';
import type { SentRow, TokenRow } from '../storage/rows';
import { Screen } from '../components/Screen';

export function TokenScreen() {
  const { db } = useServices();
  const localId = useAppStore('ui', (state) => state.selectedTokenLocalId);
  // The token and its stuck change come from one read, so the status and the fix on screen always agree.
  const detail = useLiveQuery(async () => (localId === null ? null : tokenDetail(db, localId)), [db, localId]);
  const { t } = useTranslation();
  if (detail === undefined) return <p className="empty screen">{t('token.loading')}</p>;
  if (detail === null) {
    return (
      <Screen title={t('token.notFound')} aside={<BackButton />}>
        <p>{t('token.notFoundText')}</p>
      </Screen>
    );
  }
  // Another token is another screen: its heading takes the focus again.
  return <TokenDetail key={detail.token.localId} token={detail.token} stuck={detail.stuck} verification={detail.verification} />;
}

function BackButton() {
  const back = useAppStore('ui', (state) => state.back);
  const { t } = useTranslation();
  return (
    <button type="button" aria-keyshortcuts="Escape" onClick={back}>
      {t('token.back')} <Kbd>Esc</Kbd>
    </button>
  );
}

function TokenDetail({ token, stuck, verification }: { token: TokenRow; stuck: SentRow | null; verification: SentRow | null }) {
  const participantNumber = token.participant?.number ?? token.participantNumber;
  const [offer, setOffer] = useState<SlipOffer>('none');
  const [slipShown, setSlipShown] = useState(false);
  const { t } = useTranslation();
  const slip = useSlipPrint(TOKEN_SAVED);
  // The slip is shown and laid out first, so the printed page is its own and the stylesheet prints it alone.
  const print = () => {
    setSlipShown(true);
    setOffer('none');
    requestAnimationFrame(slip.print);
  };
  usePrintKey(print);
  const changed = () => setOffer('changed');
  const { notice, onDecided } = useDecisionNotice();
  // A fixed identifier or participant is on the slip: the new slip is offered.
  const slipFix = stuck !== null && (isDuplicateIdentifier(stuck) || isRefusedParticipant(stuck));
  const decided = (text: string) => {
    onDecided(text);
    if (slipFix) changed();
  };
  return (
    <Screen title={token.number === null ? t('token.titleUnsynced') : t('token.title', { number: token.number })} wide aside={<BackButton />}>
      {slipShown ? <Slip issued={token} /> : null}
      {slip.notice}
      <CrmConfirmation token={token} />
      <div className="token-columns">
        <div>
          <TokenFacts token={token} />
        </div>
        <div className="token-actions">
          {notice}
          {stuck ? <RowFix row={stuck} onDecided={decided} /> : null}
          <StateSwitch token={token} />
          <VerifyToken token={token} queued={verification} />
          <div className="actions wrap">
            <ReprintButton offer={offer} onPrint={print} />
            <EditIdentifier key={token.localId} token={token} onSaved={changed} />
            <RegenerateCode token={token} onRegenerated={changed} />
          </div>
        </div>
      </div>
      {participantNumber === null ? null : <ParticipantTokens participantNumber={participantNumber} />}
      <TokenHistory localId={token.localId} onPrint={print} />
    </Screen>
  );
}
