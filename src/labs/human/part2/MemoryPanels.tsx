/**
 * The views of "A memory that consolidates": the slots, the query and its
 * attention over the slots, and what became of each episode.
 */
import { useMemo } from 'react';
import { runCommand } from '../../../engine/commands';
import {
  decode,
  describe,
  MEMORY_DEFAULTS,
  PEOPLE,
  type EpisodeEvent,
} from '../../../models/human/consolidatingMemory';
import { ROUTINES } from '../../../models/human/memorySchedule';
import { CommandButton } from '../../../ui/CommandButton';
import { TeX } from '../../../ui/Math';
import { MEMORY_COMMANDS, PART2_COMMANDS } from './commands';
import { isEmptyQuery, probeFrame, queryOf, slotRows, type MemoryFrame } from './memoryView';
import { CheckChips, SettingSelect } from './Part2Controls';
import { ANY } from './params';
import { WeightBars } from './WeightBars';
import { usePart2Context, usePart2Shallow } from './useLab';

/** The strength bar's range, activation units: from the forgetting threshold up. */
const M_LOW = MEMORY_DEFAULTS.forgetThreshold;
const M_HIGH = 3;

const slotName = (kind: string, id: number) =>
  `#${id} ${kind === 'prototype' ? 'gist' : 'episode'}`;

export function SlotList({ frame }: { frame: MemoryFrame | null }) {
  const rows = useMemo(() => (frame ? slotRows(frame) : []), [frame]);
  if (!frame) return <p className="muted">The memory is empty: step to the first day.</p>;
  return (
    <div>
      <h4>
        Slots at {frame.phase === 'study' ? 'the end of the day' : 'test time'} (
        {rows.filter((r) => !r.tags.includes('forgotten')).length})
      </h4>
      <ul className="h2-slots" data-testid="memory-slots">
        {rows.map((r) => {
          const width = Math.max(0, Math.min(1, (r.strength - M_LOW) / (M_HIGH - M_LOW)));
          return (
            <li
              key={r.id}
              className={`h2-slot h2-slot--${r.kind}${r.tags.includes('forgotten') ? ' h2-slot--gone' : ''}${r.mergedInto !== null ? ' h2-slot--merged' : ''}`}
            >
              <span className="h2-slot-name">{slotName(r.kind, r.id)}</span>
              <span className="h2-slot-features">
                {r.features}
                {r.kind === 'prototype' && ` (episodes ${r.episodes.join(', ')})`}
                {r.kind === 'episodic' && ` (episode ${r.episodes[0]})`}
                {r.mergedInto !== null && ` → in gist #${r.mergedInto}`}
              </span>
              <span className="h2-slot-strength" title="ACT-R activation m of the slot">
                <span className="h2-slot-bar" style={{ width: `${100 * width}%` }} />
                <span>m = {Number.isFinite(r.strength) ? r.strength.toFixed(2) : '−∞'}</span>
              </span>
              <span className="h2-tags">
                {r.tags.map((t) => (
                  <span key={t} className={`h2-tag h2-tag--${t.replace(' ', '-')}`}>
                    {t}
                  </span>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function useQuery() {
  const settings = usePart2Shallow((s) => ({
    queryPlace: s.queryPlace,
    queryPeople: s.queryPeople,
    queryObject: s.queryObject,
    queryTime: s.queryTime,
  }));
  const query = useMemo(() => queryOf(settings), [settings]);
  return { settings, query };
}

/** The query's features, and quick queries between a routine's episodes. */
export function QueryControls() {
  const ctx = usePart2Context();
  const { settings, query } = useQuery();
  const togglePerson = (p: string) => {
    const next = PEOPLE.filter((x) =>
      x === p ? !settings.queryPeople.includes(x) : settings.queryPeople.includes(x),
    );
    runCommand(PART2_COMMANDS.setSetting, ctx, ['queryPeople', next]);
  };
  return (
    <div className="h2-query" data-testid="memory-query">
      <h4>Ask the memory</h4>
      <div className="h2-query-fields">
        <SettingSelect name="queryPlace" labels={{ [ANY]: 'unknown' }} />
        <SettingSelect name="queryObject" labels={{ [ANY]: 'unknown' }} />
        <SettingSelect name="queryTime" labels={{ [ANY]: 'unknown' }} />
      </div>
      <CheckChips
        legend="People (none ticked: unknown)"
        choices={PEOPLE.map((p) => ({ value: p, label: p }))}
        chosen={settings.queryPeople}
        onToggle={togglePerson}
      />
      <div className="hm-buttons">
        {ROUTINES.map((r, i) => (
          <CommandButton
            key={r.name}
            command={MEMORY_COMMANDS.askRoutine}
            ctx={ctx}
            arg={i}
            label={`Between the ${r.name}s`}
          />
        ))}
        <CommandButton command={MEMORY_COMMANDS.clearQuery} ctx={ctx} />
      </div>
      <p className="small muted">
        Query: {isEmptyQuery(query) ? 'nothing known' : describe(query)}. Features left unknown are
        zero in the query vector <i>q</i>; an episode&apos;s number below asks with its own cue.
      </p>
    </div>
  );
}

/** The answer to the query and the retrieval weights over every slot. */
export function QueryAttention({ frame }: { frame: MemoryFrame | null }) {
  const { query } = useQuery();
  const attention = useMemo(
    () =>
      frame && frame.state.slots.length > 0 && !isEmptyQuery(query)
        ? probeFrame(frame, query)
        : null,
    [frame, query],
  );
  const slots = frame?.state.slots ?? [];
  if (!attention || !attention.top) {
    return (
      <p className="muted" data-testid="memory-answer">
        {slots.length === 0
          ? 'Nothing stored yet: the query has nothing to attend to.'
          : 'Choose at least one feature to ask with.'}
      </p>
    );
  }
  const top = attention.top;
  return (
    <div>
      <p data-testid="memory-answer">
        <strong>{describe(query)}?</strong> Answered by{' '}
        <strong>{slotName(top.kind, top.id)}</strong> (weight{' '}
        {attention.weights[attention.ids.indexOf(top.id)].toFixed(2)}); the answer Σ<sub>j</sub>{' '}
        <i>w</i>
        <sub>j</sub> <i>v</i>
        <sub>j</sub> reads: <strong>{attention.answer}</strong>.
      </p>
      <WeightBars
        testId="memory-attention"
        caption={
          <>
            Retrieval weights <TeX tex="w = \mathrm{softmax}(\beta\, k_j \cdot q + m_j)" /> over the
            slots
          </>
        }
        rows={slots.map((s, j) => ({
          key: s.id,
          label: slotName(s.kind, s.id),
          note: describe(decode(s.value)),
          weight: attention.weights[j],
          tone: s.id === top.id ? 'target' : undefined,
        }))}
      />
    </div>
  );
}

function EpisodeList({
  title,
  ids,
  byId,
  testId,
}: {
  title: string;
  ids: readonly number[];
  byId: Map<number, EpisodeEvent>;
  testId: string;
}) {
  const ctx = usePart2Context();
  return (
    <div data-testid={testId}>
      <h5>
        {title} ({ids.length})
      </h5>
      <ul className="h2-episodes">
        {ids.map((id) => {
          const e = byId.get(id);
          if (!e) return null;
          return (
            <li key={id}>
              <button
                type="button"
                className="h2-link"
                title="Ask the memory with this episode's place, people and time"
                onClick={() => runCommand(MEMORY_COMMANDS.askEpisode, ctx, e)}
              >
                {id}
              </button>{' '}
              {describe(e.episode)}
              {e.routine !== null
                ? ` (${ROUTINES[e.routine].name})`
                : e.rehearse
                  ? ' (rehearsed)'
                  : ''}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** What became of every episode studied so far, at the day's test. */
export function Fates({ frame, studied }: { frame: MemoryFrame; studied: EpisodeEvent[] }) {
  const r = frame.report!;
  const byId = useMemo(() => new Map(studied.map((e) => [e.id, e])), [studied]);
  const gist = r.gist.flatMap((g) => g.episodes);
  const own = r.queries.filter((q) => q.kind === 'episode');
  const byPrototype = own.filter((q) => q.answeredBy === 'prototype').length;
  return (
    <div data-testid="memory-fates">
      <p data-testid="memory-test-summary">
        Test of day {frame.day + 1}: of {studied.length} episodes, {r.survive.length}{' '}
        {r.survive.length === 1 ? 'is' : 'are'} still held as episodes, {gist.length} became gist in{' '}
        {r.gist.length} prototype{r.gist.length === 1 ? '' : 's'}, {r.forgotten.length}{' '}
        {r.forgotten.length === 1 ? 'is' : 'are'} forgotten. Asked with its own cue (object
        unknown), {byPrototype} of {own.length} episodes now get the prototype&apos;s answer instead
        of their own.
        {r.queries
          .filter((q) => q.kind === 'between')
          .map(
            (q) =>
              ` ${q.label}: answered by ${q.answeredBy === 'prototype' ? 'the prototype' : 'an episode'} (weight ${q.weight.toFixed(2)}).`,
          )}
      </p>
      <div className="h2-three">
        <EpisodeList title="Held as episodes" ids={r.survive} byId={byId} testId="fate-episodes" />
        <EpisodeList title="Became gist" ids={gist} byId={byId} testId="fate-gist" />
        <EpisodeList title="Forgotten" ids={r.forgotten} byId={byId} testId="fate-forgotten" />
      </div>
    </div>
  );
}
