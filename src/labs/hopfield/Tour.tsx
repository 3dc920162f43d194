import { useState } from 'react';
import { Button } from '../../ui/Controls';
import { useLabContext } from './useLab';
import { TOUR } from './walkthrough';

/** The guided tour: one step at a time, each running the lab's own commands. */
export function Tour() {
  const ctx = useLabContext();
  const [index, setIndex] = useState(0);
  const step = TOUR[index];
  const go = (i: number) => {
    setIndex(i);
    TOUR[i].setUp(ctx);
  };
  return (
    <details className="panel tour" data-testid="tour">
      <summary>
        <h2>Guided tour ({TOUR.length} steps)</h2>
      </summary>
      <div className="tour-step" aria-live="polite">
        <h3>{step.title}</h3>
        <p>{step.text}</p>
      </div>
      <div className="row">
        <Button onClick={() => go(index - 1)} disabled={index === 0}>
          ◀ Back
        </Button>
        <Button variant="primary" onClick={() => go(index)}>
          Show me
        </Button>
        <Button onClick={() => go(index + 1)} disabled={index === TOUR.length - 1}>
          Next ▶
        </Button>
        <span className="muted small">
          Step {index + 1} of {TOUR.length}
        </span>
      </div>
    </details>
  );
}
