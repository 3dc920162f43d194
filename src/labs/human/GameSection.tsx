/** Section 3, "The memory game": study a list of words, then type the ones remembered. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { runCommand } from '../../engine/commands';
import { CommandButton } from '../../ui/CommandButton';
import { COMMANDS } from './commands';
import { GameFiles } from './GameFiles';
import { GameResults } from './GameResults';
import { ParamSlider } from './ParamControls';
import { useLab, useLabContext } from './useLab';

function Setup() {
  const ctx = useLabContext();
  return (
    <div className="hm-controls">
      <ParamSlider name="gameLength" />
      <ParamSlider name="rate" step={0.1} />
      <ParamSlider
        name="arithmetic"
        help="Short sums between study and recall: they push out the last words, as a delay does for the model (it then runs with one distractor before recall)."
      />
      <CommandButton
        command={COMMANDS.startRound}
        ctx={ctx}
        variant="primary"
        testId="start-round"
      />
    </div>
  );
}

/** A one-line form: Enter (or the button) runs the command with the text, then clears it. */
function EntryForm({
  label,
  button,
  onEnter,
  numeric = false,
  testId,
}: {
  label: string;
  button: string;
  onEnter: (text: string) => void;
  numeric?: boolean;
  testId: string;
}) {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onEnter(text);
    setText('');
  };
  return (
    <form className="hm-entry" onSubmit={submit}>
      <label htmlFor={testId}>{label}</label>
      <div className="hm-row">
        <input
          id={testId}
          data-testid={testId}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autoFocus
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          inputMode={numeric ? 'numeric' : 'text'}
        />
        <button type="submit" className="ui-button">
          {button}
        </button>
      </div>
    </form>
  );
}

function Stage() {
  const ctx = useLabContext();
  const g = useLab((s) => s.game);
  if (g.phase === 'study') {
    return (
      <div className="hm-stage">
        <p className="small muted">
          {g.shown >= 0 ? `Word ${g.shown + 1} of ${g.words.length}` : '\u00a0'}
        </p>
        <div className="hm-word" aria-live="assertive" data-testid="study-word">
          {g.shown >= 0 ? g.words[g.shown] : ''}
        </div>
        <CommandButton command={COMMANDS.abandonRound} ctx={ctx} />
      </div>
    );
  }
  if (g.phase === 'sums') {
    const p = g.problems[g.problem];
    return (
      <div className="hm-stage">
        <p className="small muted">
          Problem {g.problem + 1} of {g.problems.length}
        </p>
        <div className="hm-word" data-testid="sum">
          {p.text} = ?
        </div>
        <EntryForm
          key={g.problem}
          label="Your answer"
          button="Answer"
          numeric
          testId="sum-answer"
          onEnter={(t) => runCommand(COMMANDS.submitAnswer, ctx, t)}
        />
      </div>
    );
  }
  if (g.phase === 'recall') {
    return (
      <div className="hm-stage">
        <EntryForm
          label="Type a word you remember, then Enter (any order)"
          button="Add"
          testId="recall-input"
          onEnter={(t) => runCommand(COMMANDS.submitWord, ctx, t)}
        />
        <ol className="hm-typed" aria-label="Words you typed" data-testid="typed-words">
          {g.typed.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ol>
        <div className="hm-buttons">
          <CommandButton
            command={COMMANDS.finishRecall}
            ctx={ctx}
            variant="primary"
            testId="finish-recall"
          />
          <CommandButton command={COMMANDS.abandonRound} ctx={ctx} />
        </div>
      </div>
    );
  }
  return (
    <div className="hm-stage">
      <p>
        Press <strong>Start a round</strong>: words appear one at a time. Then type every word you
        remember, in any order. Your curves appear below next to CMR's on the same list settings,
        and every round you play is added to them.
      </p>
      <p className="small muted">
        Your rounds stay in this browser (local storage) until you clear them; nothing is sent
        anywhere.
      </p>
    </div>
  );
}

export function GameSection() {
  const phase = useLab((s) => s.game.phase);
  return (
    <>
      <div className={phase === 'idle' ? 'ui-two' : 'hm-one'}>
        {phase === 'idle' && <Setup />}
        <Stage />
      </div>
      {phase === 'idle' && <GameResults />}
      {phase === 'idle' && <GameFiles />}
    </>
  );
}
