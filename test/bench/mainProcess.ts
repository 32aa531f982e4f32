import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IpcEnvelope } from '../../shared/ipc/contract';
import { createTokenDeskApi, type TokenDeskApi } from '../../shared/ipc/tokenDeskApi';

export type ToMain = { kind: 'call'; id: number; channel: string; payload: unknown } | { kind: 'cpu'; id: number };
export type FromMain =
  | { kind: 'ready' }
  | { kind: 'reply'; id: number; envelope: IpcEnvelope }
  | { kind: 'event'; event: string; payload: unknown }
  | { kind: 'cpu'; id: number; usage: NodeJS.CpuUsage };

export interface MainProcess {
  api: TokenDeskApi;
  /** CPU time main's process has used so far. */
  cpuUsage: () => Promise<NodeJS.CpuUsage>;
  close: () => Promise<void>;
}

/** Starts main (`mainChild.ts`) in its own process, signed in as the first manager, and bridges the api to it. */
export async function startMainProcess(): Promise<MainProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-main-'));
  const child = fork(resolve(import.meta.dirname, 'mainChild.ts'), [dataDir], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(child, 'exit');
  const waiting = new Map<number, (message: FromMain) => void>();
  const listeners = new Set<(event: unknown, payload: unknown) => void>();
  let ready: () => void = () => undefined;
  const started = new Promise<void>((done, reject) => {
    ready = done;
    void exited.then(() => reject(new Error('main stopped before it was ready')));
  });
  child.on('message', (message: FromMain) => {
    if (message.kind === 'ready') ready();
    else if (message.kind === 'event') for (const listener of listeners) listener(message.event, message.payload);
    else waiting.get(message.id)?.(message);
  });
  let next = 0;
  const ask = (message: ToMain) => new Promise<FromMain>((done) => {
    waiting.set(message.id, (answer) => {
      waiting.delete(message.id);
      done(answer);
    });
    child.send(message);
  });
  await started;
  const invoke = async (channel: string, payload: unknown) => {
    const answer = await ask({ kind: 'call', id: (next += 1), channel, payload });
    return answer.kind === 'reply' ? answer.envelope : null;
  };
  return {
    api: createTokenDeskApi(invoke, (deliver) => listeners.add(deliver)),
    cpuUsage: async () => {
      const answer = await ask({ kind: 'cpu', id: (next += 1) });
      if (answer.kind !== 'cpu') throw new Error('main did not tell its CPU time');
      return answer.usage;
    },
    close: async () => {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}
