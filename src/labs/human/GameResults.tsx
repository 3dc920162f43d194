/** The memory game's results: the visitor's curves next to CMR's and the last round (files: ./GameFiles). */
import { useMemo } from 'react';
import { summarizeFreeRecall } from '../../models/human/freeRecall';
import { InlineMessages } from '../../ui/LabMessages';
import { f2 } from './curves';
import { RecallChart, type CurveKind, type CurveLine } from './RecallChart';
import { roundTrial, scoreRound, type GameRound } from './game';
import { SimProgress } from './SerialSection';
import { useLabFields } from './useLab';

const YOU = '#b2182b';
const MODEL = '#2457c5';
const CHARTS: [CurveKind, string][] = [
  ['spc', 'Serial position: you and CMR'],
  ['pfr', 'First recall'],
  ['crp', 'Lag-CRP'],
];

function LastRound({ round }: { round: GameRound }) {
  const score = scoreRound(round);
  const recalled = new Set(
    score.positions.filter((p, k) => p >= 0 && score.outcomes[k] === 'correct'),
  );
  return (
    <div className="hm-last" data-testid="last-round">
      <h3>Round {round.id}</h3>
      <p>
        You recalled {score.correct} of {round.words.length} words
        {score.intrusions > 0 &&
          `, with ${score.intrusions} intrusion${score.intrusions === 1 ? '' : 's'}`}
        {score.repetitions > 0 &&
          ` and ${score.repetitions} repetition${score.repetitions === 1 ? '' : 's'}`}
        .
      </p>
      <ol className="hm-wordlist" aria-label="The list, in the order shown">
        {round.words.map((w, i) => (
          <li key={w} className={recalled.has(i) ? 'hm-hit' : 'hm-miss'}>
            {w}
            <span className="ui-sr-only">
              {recalled.has(i) ? ' (recalled)' : ' (not recalled)'}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function GameResults() {
  const { rounds, gameModel: model, messages } = useLabFields('rounds', 'gameModel', 'messages');
  const you = useMemo(
    () => (rounds.length ? summarizeFreeRecall(rounds.map(roundTrial)) : null),
    [rounds],
  );
  const cmr = model.result?.summary ?? null;
  const lines = useMemo<CurveLine[]>(
    () => [
      ...(you
        ? [
            {
              name: `you (${rounds.length} round${rounds.length === 1 ? '' : 's'})`,
              summary: you,
              color: YOU,
            },
          ]
        : []),
      ...(model.result
        ? [
            {
              name: `CMR (${model.result.lists} lists)`,
              summary: model.result.summary,
              color: MODEL,
              dashed: true,
            },
          ]
        : []),
    ],
    [you, rounds.length, model.result],
  );
  if (!you) return <InlineMessages messages={messages} source="storage" />;
  const words = rounds.reduce((n, r) => n + r.words.length, 0);
  return (
    <div className="hm-results" data-testid="game-results">
      <InlineMessages messages={messages} source="storage" />
      <InlineMessages messages={messages} source="finish" />
      <LastRound round={rounds[rounds.length - 1]} />
      <p data-testid="game-summary">
        Over {rounds.length} round{rounds.length === 1 ? '' : 's'} you recalled{' '}
        {you.meanRecalled.toFixed(1)} words per list (
        {f2((you.meanRecalled * rounds.length) / words)} of the words shown), with {you.intrusions}{' '}
        intrusion{you.intrusions === 1 ? '' : 's'} and {you.repetitions} repetition
        {you.repetitions === 1 ? '' : 's'}.
        {cmr &&
          ` CMR, on the same list settings with the parameters above, recalls ${cmr.meanRecalled.toFixed(1)} per list.`}
        {cmr && cmr.meanRecalled > 0.9 * (words / rounds.length) && (
          <>
            {' '}
            Its stop rule (X₁, X₂) alone decides how many items it recalls, about as many as a long
            list gives, so a short list comes back almost whole; people forget some of even a short
            list. Raise θ under Retrieval in Serial position to let a weak cue end recall sooner.
          </>
        )}
      </p>
      <SimProgress sim={model} label="Running CMR on your list settings" />
      <div className="ui-trio">
        {CHARTS.map(([kind, title]) => (
          <RecallChart key={kind} kind={kind} lines={lines} title={title} testId={`game-${kind}`} />
        ))}
      </div>
      <p className="small muted">
        A few rounds give rough curves: each point of yours is a share over {rounds.length} list
        {rounds.length === 1 ? '' : 's'}. Typed words are compared after lower-casing; a misspelling
        counts as an intrusion, a word typed twice as a repetition.
      </p>
    </div>
  );
}
