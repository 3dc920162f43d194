import { useState } from 'react';
import { useStore } from 'zustand';
import { backendStore } from '../engine/backendStore';

const LABEL: Record<string, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU (plain JS)',
};

/** Shows the tfjs backend in use and the GPU adapter, with fallback notes. */
export function BackendBadge() {
  const { status, info, error, notes } = useStore(backendStore);
  const [open, setOpen] = useState(false);
  const text =
    status === 'idle'
      ? 'chosen when a lab opens'
      : status === 'starting'
        ? 'Starting backend…'
        : status === 'failed'
          ? 'No backend'
          : `${LABEL[info?.name ?? ''] ?? info?.name}${info?.adapter ? ` · ${info.adapter}` : ''}`;
  return (
    <div className="backend-badge" data-testid="backend-badge" data-backend={info?.name ?? ''}>
      <button
        type="button"
        className={`badge badge-${status}`}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        title="The TensorFlow.js backend running the models. Force one with ?backend=webgpu|webgl|wasm|cpu"
      >
        <span className="badge-dot" aria-hidden="true" />
        Backend: {text}
        {notes.length > 0 && <span className="badge-count">{notes.length}</span>}
      </button>
      {open && (
        <div className="badge-panel" role="dialog" aria-label="Backend details">
          {error && <p className="error">{error}</p>}
          {info?.software && <p>This backend is a software renderer: correct, but slow.</p>}
          {notes.length ? (
            <ul>
              {notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : (
            <p>Started without fallbacks.</p>
          )}
          <p className="muted">
            Force a backend by adding <code>?backend=wasm</code> (or webgpu, webgl, cpu) to the
            address.
          </p>
        </div>
      )}
    </div>
  );
}
