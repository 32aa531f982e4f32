import { useLiveQuery } from 'dexie-react-hooks';
import type { AccessTokenDefinition } from '../../shared/token/definition';
import { useServices } from '../context';
import { readDefinition } from '../storage/meta';

/** The active access token definition, live (an import shows at once); undefined while it loads. */
export function useDefinition(): AccessTokenDefinition | undefined {
  const { db } = useServices();
  return useLiveQuery(() => readDefinition(db), [db]);
}
