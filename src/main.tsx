import { StrictMode } from 'react';
import { memory } from '@tensorflow/tfjs-core';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bootBackend } from './engine/backendStore';
import { simdLiveBlocks } from './kernels/simd';
import './app/app.css';

void bootBackend();

// For the end-to-end tests (and the curious): live tensor count, to check
// that recall, reset and leaving a lab free every tensor they made, and the
// blocks alive in the WebAssembly SIMD kernels' memory.
(window as unknown as { engram: object }).engram = {
  numTensors: () => memory().numTensors,
  simdBlocks: simdLiveBlocks,
};

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
