/**
 * The stepper a teacher can project: one button per step, Previous and
 * Next, and the keys 1 to 6, n and p (or the arrow keys). The current step's
 * panel is outlined and scrolled to; the step lives in the link (`step=`).
 */
import { useEffect } from 'react';
import { bindShortcuts } from '../../engine/labLink';
import { STEPS, type StepNumber } from './params';
import type { ConsolidationStore } from './store';
import { useLab, useLabContext } from './useLab';

/** Moves the stepper to `step` (clamped to 1..6). */
export function goToStep(store: ConsolidationStore, step: number): void {
  const n = Math.min(STEPS.length, Math.max(1, Math.round(step))) as StepNumber;
  if (n !== store.getState().step) store.setState({ step: n });
}

/** The stepper's keys: 1-6 go to a step, n / → the next, p / ← the previous. */
export function stepperKey(store: ConsolidationStore, key: string): boolean {
  const step = store.getState().step;
  if (/^[1-6]$/.test(key)) goToStep(store, Number(key));
  else if (key === 'n' || key === 'ArrowRight') goToStep(store, step + 1);
  else if (key === 'p' || key === 'ArrowLeft') goToStep(store, step - 1);
  else return false;
  return true;
}

/** Outlines the panel of `step` and, if `scroll`, scrolls it into view. */
function showStep(step: StepNumber, scroll: ScrollBehavior | null): void {
  for (const s of STEPS) {
    const el = document.querySelector<HTMLElement>(`[data-testid="${s.testId}"]`);
    if (!el) continue;
    if (s.n !== step) {
      el.removeAttribute('data-current');
      continue;
    }
    el.setAttribute('data-current', '');
    if (scroll) el.scrollIntoView?.({ behavior: scroll, block: 'start' });
  }
}

export function Stepper() {
  const { store } = useLabContext();
  const step = useLab((s) => s.step);
  useEffect(() => bindShortcuts((key) => stepperKey(store, key)), [store]);
  useEffect(() => {
    // A link's step: straight there (step 1 keeps the introduction in view).
    const start = store.getState().step;
    showStep(start, start > 1 ? 'auto' : null);
    return store.subscribe((s, prev) => {
      if (s.step !== prev.step) showStep(s.step, 'smooth');
    });
  }, [store]);
  const current = STEPS[step - 1];
  return (
    <nav className="cl-stepper" aria-label="Steps" data-testid="stepper">
      <button
        type="button"
        className="ui-button"
        onClick={() => goToStep(store, step - 1)}
        disabled={step === 1}
        data-testid="step-prev"
      >
        ← Previous
      </button>
      <ol>
        {STEPS.map((s) => (
          <li key={s.n}>
            <button
              type="button"
              className="cl-stepper-step"
              aria-current={s.n === step ? 'step' : undefined}
              onClick={() => goToStep(store, s.n)}
              title={`Step ${s.n}: ${s.name} (key ${s.n})`}
              data-testid={`goto-step-${s.n}`}
            >
              <span className="cl-stepper-n">{s.n}</span> {s.name}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="ui-button"
        onClick={() => goToStep(store, step + 1)}
        disabled={step === STEPS.length}
        data-testid="step-next"
      >
        Next →
      </button>
      <span className="small muted cl-stepper-now" data-testid="step-now">
        Step {step} of {STEPS.length}: {current.name} · keys 1–6, n, p
      </span>
    </nav>
  );
}
