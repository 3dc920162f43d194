import { Suspense, useEffect, useState } from 'react';
import { bootBackend } from '../engine/backendStore';
import { locationNote } from '../engine/safeLocation';
import { Notice } from '../ui/Notice';
import { BackendBadge } from './BackendBadge';
import { ErrorBoundary } from './ErrorBoundary';
import { Home } from './Home';
import { lastLink, rememberCurrent } from './lastLinks';
import { forgetLabPage, labPage } from './labPages';
import { hashWithPresent, presentingIn, usePresenterMode } from './presenter';
import { LABS } from './routes';
import { UpdateBanner } from './UpdateBanner';
import { useHashRoute } from './useHashRoute';

export function App() {
  const { path, query } = useHashRoute();
  const lab = LABS.find((l) => l.path === path);
  const known = path === '/' || path === '' || lab !== undefined;
  // The backend (and TensorFlow.js with it) loads when the first lab opens, not on the home page.
  const [, setAttempt] = useState(0);
  const [note, setNote] = useState(locationNote);
  const Page = lab ? labPage(lab) : null;
  const opensLab = Page !== null;
  const present = presentingIn(query);
  usePresenterMode(present);
  useEffect(() => {
    if (opensLab) void bootBackend();
  }, [opensLab]);
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href={hashWithPresent('#/', present)}>
          Engram
        </a>
        <nav aria-label="Labs">
          {LABS.filter((l) => l.load).map((l) => (
            <a
              key={l.path}
              href={hashWithPresent(l.path === path ? `#${l.path}` : lastLink(l.path), present)}
              onClick={rememberCurrent}
              aria-current={l.path === path ? 'page' : undefined}
            >
              {l.title}
            </a>
          ))}
        </nav>
        <BackendBadge />
        <button
          type="button"
          className="present-toggle"
          aria-pressed={present}
          title={
            present
              ? 'Leave presenter mode (the link loses present=1)'
              : 'Presenter mode: large text and pictures for a projector (adds present=1 to the link)'
          }
          onClick={() => {
            // The address, not the render's query: a lab rewrites its link without a hashchange.
            window.location.hash = hashWithPresent(window.location.hash || '#/', !present);
          }}
        >
          {present ? 'Leave presenter mode' : 'Present'}
        </button>
      </header>
      <main className="app-main">
        <UpdateBanner />
        {note && (
          <Notice kind="warn" onDismiss={() => setNote(null)}>
            {note}
          </Notice>
        )}
        <ErrorBoundary
          resetKey={path}
          keeps={lab?.keeps}
          onRetry={() => {
            if (lab) forgetLabPage(lab.path);
            setAttempt((a) => a + 1);
          }}
        >
          {!known && (
            <div className="notice notice-warn" role="alert">
              There is no page at <code>#{path}</code>. Here are the labs.
            </div>
          )}
          {lab && Page ? (
            <Suspense fallback={<p className="loading">Loading the {lab.title} lab…</p>}>
              {/* labPage caches one lazy component per lab; a new one only after a failed load */}
              {/* eslint-disable-next-line react-hooks/static-components */}
              <Page query={query} />
            </Suspense>
          ) : lab ? (
            <div className="notice notice-info" role="status">
              The {lab.title} lab is coming. <a href="#/">See the labs that are ready.</a>
            </div>
          ) : (
            <Home />
          )}
        </ErrorBoundary>
      </main>
      <footer className="app-footer">
        Engram runs every model in your browser with TensorFlow.js. Nothing you draw leaves this
        device.
      </footer>
    </div>
  );
}
