import { Suspense } from 'react';
import { BackendBadge } from './BackendBadge';
import { ErrorBoundary } from './ErrorBoundary';
import { Home } from './Home';
import { LABS } from './routes';
import { useHashRoute } from './useHashRoute';

export function App() {
  const { path, query } = useHashRoute();
  const lab = LABS.find((l) => l.path === path);
  const known = path === '/' || path === '' || lab !== undefined;
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="#/">
          Engram
        </a>
        <nav aria-label="Labs">
          {LABS.filter((l) => l.page).map((l) => (
            <a key={l.path} href={`#${l.path}`} aria-current={l.path === path ? 'page' : undefined}>
              {l.title}
            </a>
          ))}
        </nav>
        <BackendBadge />
      </header>
      <main className="app-main">
        <ErrorBoundary resetKey={path}>
          {!known && (
            <div className="notice notice-warn" role="alert">
              There is no page at <code>#{path}</code>. Here are the labs.
            </div>
          )}
          {lab?.page ? (
            <Suspense fallback={<p className="loading">Loading the {lab.title} lab…</p>}>
              <lab.page query={query} />
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
