/**
 * The Human memory lab's second half on the command line (SCIENCE.md
 * section 5): `forgetting`, `spacing`, `interference` and
 * `consolidating-memory`. Each prints one JSON document; the models are in
 * src/models/human/ (actr.ts, spacing.ts, interference.ts,
 * consolidatingMemory.ts) and their doc comments state the formulas, units
 * and conventions. docs/human-memory-cli.md describes the flags and output.
 */
import { EBBINGHAUS_1885, EBBINGHAUS_CITATION, ebbinghausArrays } from '../src/data/ebbinghaus';
import {
  fitForgetting,
  forgettingCurve,
  FORGETTING_MODELS,
  logSpacedHours,
} from '../src/models/human/actr';
import {
  describe as describeEpisode,
  MEMORY_DEFAULTS,
} from '../src/models/human/consolidatingMemory';
import { runConsolidatingMemory } from '../src/models/human/memoryDay';
import {
  INTERFERENCE_DEFAULTS,
  interferenceSweep,
  proactive,
  retroactive,
  type InterferenceConfig,
  type Retrieval,
  type AssociativeMemory,
} from '../src/models/human/interference';
import {
  crossoverRetention,
  gapSweep,
  MASSED_LAG_SECONDS,
  SPACING_DEFAULTS,
  TIME_UNITS,
  UNIT_SECONDS,
} from '../src/models/human/spacing';
import { enumParam, floatParam, intParam, listParam } from '../src/core/params';
import { defineExperiment } from './define';

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

export const FORGETTING_PARAMS = {
  model: enumParam(FORGETTING_MODELS, 'power', 'forgetting model fitted to the savings'),
  fit: enumParam(['ebbinghaus'] as const, 'ebbinghaus', 'data set to fit (Ebbinghaus 1885)'),
  points: intParam(25, 2, 1000, 'points of the printed curve, log-spaced from 1 min to 62 days'),
};

export const forgettingExperiment = defineExperiment({
  name: 'forgetting',
  describe:
    "fit a power-law, exponential or ACT-R logistic forgetting curve to Ebbinghaus's savings",
  params: FORGETTING_PARAMS,
  run: async (v) => {
    const t0 = performance.now();
    const fit = fitForgetting(v.model, ebbinghausArrays());
    const fitMs = performance.now() - t0;
    const hours = logSpacedHours(1 / 60, 62 * 24, v.points);
    const curve = forgettingCurve(fit, hours);
    const all = Object.fromEntries(FORGETTING_MODELS.map((m) => [m, fitForgetting(m)]));
    return {
      experiment: 'forgetting',
      model: v.model,
      formula: fit.formula,
      units: { time: 'hours', savings: 'percent' },
      data: {
        name: v.fit,
        citation: EBBINGHAUS_CITATION,
        points: EBBINGHAUS_1885.map((p, i) => ({
          delay: p.label,
          hours: round(p.delayHours),
          savings: p.savingsPercent,
          fitted: round(fit.predicted[i], 3),
        })),
      },
      params: Object.fromEntries(Object.entries(fit.params).map(([k, x]) => [k, round(x, 5)])),
      rmse: round(fit.rmse),
      converged: fit.converged,
      evaluations: fit.evaluations,
      fitMs: round(fitMs, 3),
      rmseByModel: Object.fromEntries(FORGETTING_MODELS.map((m) => [m, round(all[m].rmse)])),
      curve: Array.from(hours, (h, i) => ({ hours: round(h, 5), savings: round(curve[i], 3) })),
    };
  },
});

export const SPACING_PARAMS = {
  gaps: listParam(
    [0, 1, 2, 4, 8, 16, 32],
    0,
    1e6,
    'gaps between the two study sessions (0 = massed)',
  ),
  retention: listParam(
    [1, 7, 30, 365],
    1e-6,
    1e6,
    'retention intervals from the second session to the test',
  ),
  unit: enumParam(TIME_UNITS, 'days', 'unit of --gaps and --retention'),
};

export const spacingExperiment = defineExperiment({
  name: 'spacing',
  describe:
    "recall after two study sessions for each gap and retention interval (Pavlik & Anderson's decay)",
  params: SPACING_PARAMS,
  run: async (v) => {
    const u = UNIT_SECONDS[v.unit];
    const sweep = gapSweep(
      v.gaps.map((g) => g * u),
      v.retention.map((r) => r * u),
    );
    return {
      experiment: 'spacing',
      unit: v.unit,
      model: {
        decay: 'd_j = c exp(m_{j-1}) + a, ages in seconds',
        c: SPACING_DEFAULTS.c,
        a: SPACING_DEFAULTS.a,
        tau: round(SPACING_DEFAULTS.tau, 5),
        s: round(SPACING_DEFAULTS.s, 5),
        calibration: 'tau, s: one study recalled with P = 0.95 after 10 min and 0.5 after 1 day',
        massedLagSeconds: MASSED_LAG_SECONDS,
      },
      gaps: v.gaps,
      retention: v.retention.map((r, i) => ({
        retention: r,
        recall: sweep.recall[i].map((p) => round(p)),
        bestGap: sweep.best[i].gap / u,
        bestRecall: round(sweep.best[i].probability),
        optimalGap: round(sweep.optimum[i].gap / u, 4),
        optimalRecall: round(sweep.optimum[i].probability),
        optimalRatio: round(sweep.optimum[i].ratio, 4),
        massedRecall: v.gaps.includes(0) ? round(sweep.recall[i][v.gaps.indexOf(0)]) : null,
      })),
      crossover: v.gaps
        .filter((g) => g > 0)
        .map((g) => {
          const x = crossoverRetention(g * u);
          return { gap: g, spacedBeatsMassedAfter: x === null ? null : round(x / u, 6) };
        }),
    };
  },
});

export const INTERFERENCE_PARAMS = {
  similarity: floatParam(0.5, 0, 1, "cosine between list-1 cues A and list-2 cues A'"),
  dim: intParam(INTERFERENCE_DEFAULTS.dim, 2, 4096, 'dimension of the cue vectors'),
  pairs: intParam(INTERFERENCE_DEFAULTS.pairs, 1, 256, 'pairs per list'),
  beta: floatParam(INTERFERENCE_DEFAULTS.beta, 0.01, 1000, 'inverse temperature of the attention'),
  firstTrials: intParam(INTERFERENCE_DEFAULTS.firstTrials, 1, 100, 'study trials of each A-B pair'),
  secondTrials: intParam(
    INTERFERENCE_DEFAULTS.secondTrials,
    1,
    100,
    "study trials of each A'-C pair",
  ),
  theta: floatParam(INTERFERENCE_DEFAULTS.theta, -10, 10, 'retrieval threshold (similarity scale)'),
  seed: intParam(INTERFERENCE_DEFAULTS.seed, 0, 2 ** 31 - 1, 'random seed of the cues'),
  sweep: listParam([0, 0.25, 0.5, 0.75, 0.9, 1], 0, 1, 'similarities of the sweep printed beside'),
};

function attentionRows(memory: AssociativeMemory, r: Retrieval) {
  return {
    slots: memory.slots.map((s, j) => ({
      slot: s.label,
      strength: s.strength,
      weight: round(r.weights[j], 5),
    })),
    noRecall: round(r.failure, 5),
  };
}

export const interferenceExperiment = defineExperiment({
  name: 'interference',
  describe: "retroactive and proactive interference of A-B / A'-C pairs in an attention memory",
  params: INTERFERENCE_PARAMS,
  run: async (v) => {
    const cfg: InterferenceConfig = {
      dim: v.dim,
      pairs: v.pairs,
      beta: v.beta,
      similarity: v.similarity,
      firstTrials: v.firstTrials,
      secondTrials: v.secondTrials,
      theta: v.theta,
      seed: v.seed,
    };
    const r = retroactive(cfg);
    const p = proactive(cfg);
    return {
      experiment: 'interference',
      config: cfg,
      retroactive: {
        recallBControl: round(r.control),
        recallBAfterAC: round(r.experimental),
        interference: round(r.interference),
        intrusionsC: round(r.intrusions),
        attentionForA1: attentionRows(r.memory, r.example),
      },
      proactive: {
        learningCurveControl: p.control.map((x) => round(x)),
        learningCurveAfterAB: p.experimental.map((x) => round(x)),
        interference: round(p.interference),
        intrusionsB: round(p.intrusions),
        attentionForA1AfterOneTrial: attentionRows(p.exampleMemory, p.example),
      },
      sweep: interferenceSweep(v.sweep, cfg).map((row) => ({
        similarity: row.similarity,
        retroactive: round(row.retroactive),
        proactive: round(row.proactive),
        recallB: round(row.recallB),
        finalRecallC: round(row.finalC),
      })),
    };
  },
});

export const CONSOLIDATING_PARAMS = {
  days: intParam(21, 1, 365, 'days to run (study, sleep/replay, test each day)'),
  seed: intParam(1, 0, 2 ** 31 - 1, 'random seed of the schedule and the replays'),
};

export const consolidatingMemoryExperiment = defineExperiment({
  name: 'consolidating-memory',
  describe:
    'a key-value memory with attention that replays, merges similar episodes into gist and forgets',
  params: CONSOLIDATING_PARAMS,
  run: async (v) => {
    const { schedule, reports } = runConsolidatingMemory(v.days, v.seed);
    const byId = new Map(schedule.flat().map((e) => [e.id, e]));
    const days = reports.map((d) => {
      const own = d.queries.filter((q) => q.kind === 'episode');
      return {
        day: d.day,
        studied: d.studied.map((e) => ({
          episode: e.id,
          features: describeEpisode(e.episode),
          routine: e.routine,
          rehearsed: e.rehearse,
        })),
        replayedSlots: d.sleep.replayed,
        merged: d.sleep.merged,
        survive: d.survive,
        gist: d.gist,
        forgotten: d.forgotten,
        betweenQueries: d.queries
          .filter((q) => q.kind === 'between')
          .map((q) => ({
            query: q.label,
            answeredBy: q.answeredBy,
            slot: q.slot,
            weight: round(q.weight),
            answer: q.answer,
          })),
        answeredByPrototype: own
          .filter((q) => q.answeredBy === 'prototype')
          .map((q) => q.episodes[0]),
        answeredByOwnEpisode: own
          .filter((q) => q.episode === q.episodes[0])
          .map((q) => q.episodes[0]),
        slots: d.slots.map((s) => ({ ...s, strength: round(s.strength) })),
      };
    });
    const last = reports[reports.length - 1];
    const oneOffs = schedule.flat().filter((e) => e.routine === null);
    return {
      experiment: 'consolidating-memory',
      days: v.days,
      seed: v.seed,
      config: MEMORY_DEFAULTS,
      summary: {
        episodes: byId.size,
        prototypes: last.gist.length,
        inGist: last.gist.reduce((n, g) => n + g.episodes.length, 0),
        surviveEpisodic: last.survive.length,
        forgotten: last.forgotten.length,
        oneOffsRehearsedSurviving: oneOffs.filter((e) => e.rehearse && last.survive.includes(e.id))
          .length,
        oneOffsRehearsed: oneOffs.filter((e) => e.rehearse).length,
        oneOffsUnrehearsedSurviving: oneOffs.filter(
          (e) => !e.rehearse && last.survive.includes(e.id),
        ).length,
        oneOffsUnrehearsed: oneOffs.filter((e) => !e.rehearse).length,
      },
      perDay: days,
    };
  },
});

export const HUMAN_MEMORY_EXPERIMENTS = [
  forgettingExperiment,
  spacingExperiment,
  interferenceExperiment,
  consolidatingMemoryExperiment,
] as const;
