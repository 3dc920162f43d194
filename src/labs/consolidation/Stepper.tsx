/**
 * The stepper a teacher can project: one button per step, Previous and
 * Next, and the keys 1 to 6, n and p (or the arrow keys), all commands
 * (./commands). The current step's panel is outlined and scrolled to; the
 * step lives in the link (`step=`).
 */
import { useEffect, type ReactNode } from 'react';
import { runCommand } from '../../engine/commands';
import { LESSON_EVENT } from '../../engine/lessons';
import { COMMANDS } from './commands';
import { LabButton } from './LabControls';
import { STEPS } from './params';
import { useLab, useLabContext } from './useLab';

/**
 * Step n's panel: outlined and scrolled to when it is the current step,
 * headed "n · title"; `data-panel` is its id for a lesson (encode, replay,
 * train, map, generative, extended).
 */
export function StepSection(props: {
  n: number;
  title: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <section
      className={`panel ${props.className}`}
      data-testid={STEPS[props.n - 1].testId}
      data-panel={STEPS[props.n - 1].testId.replace(/^step-/, '')}
    >
      <h2>
        {props.n} · {props.title}
      </h2>
      {props.children}
    </section>
  );
}

/** Outlines the panel of `step` and, if `scroll`, scrolls it into view. */
function showStep(step: number, scroll: ScrollBehavior | null): void {
  for (const s of STEPS) {
    const el = document.querySelector<HTMLElement>(`[data-testid="${s.testId}"]`);
    if (!el) continue;
    if (s.n !== step) {
      el.removeAttribute('data-current');
      continue;
    }
    el.setAttribute('data-current', '');
    // In a lesson its text stays on screen: the lesson panel goes to the top, the step below it.
    const lesson = document.querySelector<HTMLElement>('[data-testid="lesson"]');
    if (scroll) (lesson ?? el).scrollIntoView?.({ behavior: scroll, block: 'start' });
  }
}

export function Stepper() {
  const ctx = useLabContext();
  const { store } = ctx;
  const step = useLab((s) => s.step);
  useEffect(() => {
    // A link's step: straight there (step 1 keeps the introduction in view).
    const start = store.getState().step;
    showStep(start, start > 1 ? 'auto' : null);
    const off = store.subscribe((s, prev) => {
      if (s.step !== prev.step) showStep(s.step, 'smooth');
    });
    // Each lesson step: its text to the top of the window, the panels it shows below it.
    const onLesson = () =>
      requestAnimationFrame(() =>
        document
          .querySelector('[data-testid="lesson"]')
          ?.scrollIntoView?.({ behavior: 'auto', block: 'start' }),
      );
    window.addEventListener(LESSON_EVENT, onLesson);
    return () => {
      off();
      window.removeEventListener(LESSON_EVENT, onLesson);
    };
  }, [store]);
  const current = STEPS[step - 1];
  return (
    <nav className="cl-stepper" aria-label="Steps" data-testid="stepper" data-panel="stepper">
      <LabButton command={COMMANDS.previousStep} label="← Previous" testId="step-prev" />
      <ol>
        {STEPS.map((s) => (
          <li key={s.n}>
            <button
              type="button"
              className="cl-stepper-step"
              aria-current={s.n === step ? 'step' : undefined}
              onClick={() => runCommand(COMMANDS[`step${s.n}`], ctx)}
              title={`Step ${s.n}: ${s.name} (key ${s.n})`}
              data-testid={`goto-step-${s.n}`}
            >
              <span className="cl-stepper-n">{s.n}</span> {s.name}
            </button>
          </li>
        ))}
      </ol>
      <LabButton command={COMMANDS.nextStep} label="Next →" testId="step-next" />
      <span className="small muted cl-stepper-now" data-testid="step-now">
        Step {step} of {STEPS.length}: {current.name} · keys 1–{STEPS.length}, n, p
      </span>
    </nav>
  );
}
