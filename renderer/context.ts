import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { AppServices } from './services';

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <App services={...}>.');
  return services;
}

type StoreName = 'sync' | 'settings' | 'operators' | 'ui' | 'issue' | 'scans';
type StateOf<N extends StoreName> = AppServices[N] extends StoreApi<infer S> ? S : never;

/** Subscribes a component to one slice of one of the app's stores. */
export function useAppStore<N extends StoreName, T>(name: N, select: (state: StateOf<N>) => T): T {
  const store = useServices()[name] as unknown as StoreApi<StateOf<N>>;
  return useStore<StoreApi<StateOf<N>>, T>(store, select);
}

/** Follows the browser's own idea of being online. */
export function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}
