import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { liveTensors } from './engine/backendStore';
import { repairLocation } from './engine/safeLocation';
import { simdLiveBlocks } from './kernels/simd';
import './app/app.css';

// Before anything reads location.search (TensorFlow.js does when it loads).
repairLocation();

// For the end-to-end tests (and the curious): live tensor count, to check
// that recall, reset and leaving a lab free every tensor they made, and the
// blocks alive in the WebAssembly SIMD kernels' memory.
(window as unknown as { engram: object }).engram = {
  numTensors: liveTensors,
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
