import { useEffect, useState } from 'react';
import type { HostInfo, ThemeName } from '../platform/host';
import { detectHost } from '../platform/host';
import { navigate, parseHash } from './router';

export interface HostState {
  readonly host: HostInfo | null;
  readonly theme: ThemeName;
  /** Bumped on each deep link, so following the same link again reloads the ticket. */
  readonly deepLinkSeq: number;
}

type Listener = (update: Partial<HostState> | ((s: HostState) => Partial<HostState>)) => void;
let listener: Listener | null = null;
let started: Promise<HostInfo> | null = null;

function openTicket(number: string, replace: boolean): void {
  const current = parseHash(window.location.hash);
  navigate({ name: 'ticket', number }, { replace: replace || (current.name === 'ticket' && current.number === number) });
}

/** Starts the host once per page load (StrictMode mounts twice) and follows its theme and deep links. */
function startOnce(): Promise<HostInfo> {
  started ??= detectHost({
    onTheme: (theme) => listener?.({ theme }),
    onDeepLink: (number) => {
      openTicket(number, false);
      listener?.((s) => ({ deepLinkSeq: s.deepLinkSeq + 1 }));
    },
  }).then((host) => {
    if (host.subPageId) openTicket(host.subPageId, true);
    return host;
  });
  return started;
}

export function useHost(): HostState {
  const [state, setState] = useState<HostState>({ host: null, theme: 'default', deepLinkSeq: 0 });
  useEffect(() => {
    let live = true;
    listener = (update) => setState((s) => ({ ...s, ...(typeof update === 'function' ? update(s) : update) }));
    void startOnce().then((host) => {
      if (live) setState((s) => ({ ...s, host, theme: host.theme }));
    });
    return () => {
      live = false;
      listener = null;
    };
  }, []);
  return state;
}
