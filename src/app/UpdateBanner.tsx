/**
 * Offline support and updates: registers the service worker that
 * vite-plugin-pwa builds (precaching every lab), says when Engram is ready
 * to work offline, and when a new version has been published offers a
 * reload, which happens only when the visitor clicks it, never in the
 * middle of a run. Both notices float in a corner (app.css .app-toast), so
 * they never move what the visitor is about to click; the "saved on this
 * device" one also leaves by itself after OFFLINE_NOTICE_MS, since it asks
 * for nothing (the new-version one stays until answered).
 */
import { useEffect, useState } from 'react';
import { Notice } from '../ui/Notice';

type Update = (reload?: boolean) => Promise<void>;

/** How long the "works offline now" notice stays before it hides itself. */
export const OFFLINE_NOTICE_MS = 10_000;

export function UpdateBanner() {
  const [update, setUpdate] = useState<Update | null>(null);
  const [offlineReady, setOfflineReady] = useState(false);
  useEffect(() => {
    if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
    let live = true;
    void import('virtual:pwa-register').then(({ registerSW }) => {
      const apply = registerSW({
        onNeedRefresh: () => live && setUpdate(() => apply),
        onOfflineReady: () => live && setOfflineReady(true),
      });
    });
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [offlineReady]);
  if (update) {
    return (
      <div className="app-toast">
        <Notice kind="info" onDismiss={() => setUpdate(null)}>
          <span data-testid="update-ready">A new version of Engram is ready. </span>
          <button type="button" onClick={() => void update(true)}>
            Reload
          </button>{' '}
          (your saved work stays in this browser; a run in progress stops).
        </Notice>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div className="app-toast">
        <Notice kind="info" onDismiss={() => setOfflineReady(false)}>
          <span data-testid="offline-ready">
            Engram is saved on this device: every lab now opens offline.
          </span>
        </Notice>
      </div>
    );
  }
  return null;
}
