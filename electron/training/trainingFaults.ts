import { randomInt } from 'node:crypto';
import type { TrainingFaultsPatch } from '../../shared/ipc/contract';
import { openCrm, type OpenSession } from '../sync/crmAccess';
import type { TrainingMode, TrainingSwitches } from './trainingMode';
import { WordedError } from '../wordedError';

/** What a token's identifier becomes when "another counter" changes it: letters and digits, as the demo definition wants. */
const elsewhereIdentifier = () => `ELSEWHERE${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;

/** Plays another counter: changes the token's identifier at the simulated CRM, so the counter's next change to it conflicts. */
async function changeElsewhere(openSession: OpenSession, authenticationCode: string): Promise<void> {
  const access = await openCrm(openSession);
  if (!access.ok) throw new WordedError({ code: 'simulatorUnreached', detail: access.message }, `The simulated CRM cannot be reached to change the token: ${access.message}`);
  await access.session.call((client, token) =>
    client.updateToken(token, { access_token_identifier: { authentication_code: authenticationCode }, identifier: elsewhereIdentifier(), pass_code: '0000' }),
  );
}

/** Applies a trainer's fault switches to the training simulator; the counters add up (two clicks, two lost replies). */
export async function applyTrainingFaults(patch: TrainingFaultsPatch, training: TrainingMode, openSession: OpenSession): Promise<void> {
  if (patch.changeElsewhere) await changeElsewhere(openSession, patch.changeElsewhere.authenticationCode);
  const current = await training.switches();
  const next: Partial<TrainingSwitches> = {};
  if (patch.offline !== undefined) next.refuseConnections = patch.offline;
  if (patch.loseNextReply) next.dropNextReplies = current.dropNextReplies + 1;
  if (patch.failNextCall) next.failNext = current.failNext + 1;
  await training.setSwitches(next);
}
