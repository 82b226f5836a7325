import type { ComponentType } from 'react';
import { createElement, lazy } from 'react';

/**
 * A page loaded on demand that can be fetched ahead (preload). Once its module is in, it renders directly: React's
 * lazy would still suspend once and hold the reveal for its fallback throttle (about 300 ms).
 */
export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  const preload = () => {
    pending ??= load().then((m) => {
      loaded = m.default;
      return m;
    });
    pending.catch(() => (pending = null));
    return pending;
  };
  const Lazy = lazy(preload);
  function Page(props: P) {
    return loaded ? createElement(loaded, props) : createElement(Lazy as unknown as ComponentType<P>, props);
  }
  return { Page, preload };
}
