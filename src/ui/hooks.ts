/**
 * Small DOM hooks shared by the canvas and chart components.
 */
import { useEffect, useState } from 'react';

/** window.devicePixelRatio, updated when it changes (zoom, or the window moves to a projector). */
export function useDevicePixelRatio(): number {
  const [dpr, setDpr] = useState(() =>
    typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1,
  );
  useEffect(() => {
    if (typeof window === 'undefined' || !window.matchMedia) return;
    let query: MediaQueryList | null = null;
    const onChange = () => {
      setDpr(window.devicePixelRatio || 1);
      listen();
    };
    // A resolution query matches one ratio only, so re-arm it after each change.
    const listen = () => {
      query?.removeEventListener('change', onChange);
      query = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      query.addEventListener('change', onChange);
    };
    listen();
    return () => query?.removeEventListener('change', onChange);
  }, []);
  return dpr;
}

export interface BoxSize {
  readonly width: number;
  readonly height: number;
}

/**
 * The content-box size of an element in CSS px, tracked with ResizeObserver;
 * null until first measured. Pass the element itself (from a callback ref
 * kept in state) so the observer follows it when it changes.
 */
export function useElementSize(el: Element | null): BoxSize | null {
  const [size, setSize] = useState<BoxSize | null>(null);
  useEffect(() => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      setSize((old) =>
        old && old.width === box.width && old.height === box.height
          ? old
          : { width: box.width, height: box.height },
      );
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return size;
}

/**
 * A number that changes when the theme may have changed: the system colour
 * scheme flips, or the app changes a class, style or data-theme on <html> or
 * <body>. Canvas components add it to their redraw dependencies, because a
 * canvas does not repaint itself when CSS variables change.
 */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (typeof window === 'undefined') return;
    const bump = () => setVersion((v) => v + 1);
    const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    scheme?.addEventListener('change', bump);
    const mo = typeof MutationObserver === 'undefined' ? null : new MutationObserver(bump);
    for (const el of [document.documentElement, document.body]) {
      if (el)
        mo?.observe(el, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
    }
    return () => {
      scheme?.removeEventListener('change', bump);
      mo?.disconnect();
    };
  }, []);
  return version;
}
