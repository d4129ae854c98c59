// The browser's online/offline signal behind a seam, so tests drive it without a DOM.

export interface NetworkWatcher {
  /** navigator.onLine (true when unknown). */
  isOnline(): boolean;
  /** Calls `onChange` on every online/offline event; returns the unsubscribe function. */
  subscribe(onChange: (online: boolean) => void): () => void;
}

interface BrowserLike {
  addEventListener?(type: string, fn: () => void): void;
  removeEventListener?(type: string, fn: () => void): void;
  navigator?: { onLine?: boolean };
}

/** The page's `window` events, or null outside a browser (Node, PuerTS native backends). */
export function browserNetworkWatcher(): NetworkWatcher | null {
  const g = globalThis as unknown as BrowserLike;
  if (typeof g.addEventListener !== 'function' || typeof g.removeEventListener !== 'function') return null;
  return {
    isOnline: () => g.navigator?.onLine !== false,
    subscribe: (onChange) => {
      const on = () => onChange(true);
      const off = () => onChange(false);
      g.addEventListener!('online', on);
      g.addEventListener!('offline', off);
      return () => {
        g.removeEventListener!('online', on);
        g.removeEventListener!('offline', off);
      };
    },
  };
}
