import { CHANNELS, crmReachSchema, type Channel, type CrmReach } from '../../shared/ipc/contract';
import type { TokenDeskApi } from '../../shared/ipc/tokenDeskApi';

/** Test connection tries the values on screen, not the saved CRM: its answer says nothing of the counter's reach. */
const NOT_THE_COUNTERS_CRM: ReadonlySet<Channel> = new Set(['testConnection']);

function reachOf(reply: unknown): CrmReach | null {
  if (typeof reply !== 'object' || reply === null || !('crm' in reply)) return null;
  const parsed = crmReachSchema.safeParse(reply.crm);
  return parsed.success ? parsed.data : null;
}

/** The same api (events too), telling `note` what every CRM answer learned about reach, as soon as it arrives. */
export function reportingReach(api: TokenDeskApi, note: (crm: CrmReach) => void): TokenDeskApi {
  const wrapped: Partial<Record<Channel, (request: never) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const call = api[channel] as (request: never) => Promise<unknown>;
    wrapped[channel] = NOT_THE_COUNTERS_CRM.has(channel)
      ? call
      : async (request: never) => {
          const reply = await call(request);
          const crm = reachOf(reply);
          if (crm !== null) note(crm);
          return reply;
        };
  }
  return Object.freeze({ ...api, ...wrapped }) as TokenDeskApi;
}
