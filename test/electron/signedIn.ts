import type { IpcCaller, IpcRouter } from '../../electron/ipc/router';

/** The manager the node tests create and sign in at first start. */
export const TEST_MANAGER = { name: 'Maria Manager', pin: '246810' } as const;

/** First start through the router: creates the first manager and signs `caller`'s window in as them. */
export async function signInManager(router: Pick<IpcRouter, 'handle'>, caller?: IpcCaller): Promise<void> {
  const reply = await router.handle('createFirstManager', TEST_MANAGER, caller);
  if (!reply.ok) throw new Error(`Could not create the first manager: ${reply.error.message}`);
}
