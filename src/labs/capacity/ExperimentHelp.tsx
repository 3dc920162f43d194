/**
 * What each experiment does, its formulas, and what to look for. Numbers
 * that depend on the settings (theory lines at this D) are computed here
 * from the current settings, never written in.
 */
import type { ReactNode } from 'react';
import { experimentDef, type ExperimentName } from '../../models/experiments/registry';
import { ALPHA_C, mcElieceCapacity, round, storkeyCapacity } from '../../models/experiments/theory';
import { Help } from '../../ui/Help';
import { TeX } from '../../ui/Math';
import { valuesOf } from './store';
import { useCapacity } from './useCapacity';

export function ExperimentHelp() {
  const experiment = useCapacity((s) => s.experiment);
  const texts = useCapacity((s) => s.texts[s.experiment]);
  const def = experimentDef(experiment)!;
  const { values } = valuesOf(experiment, texts);
  // Pattern statistics choose D from a list ('256'); presets have no single D.
  const d = 'units' in values ? Number(values.units) : 0;
  return (
    <section className="panel cap-help" data-panel="help" aria-labelledby="cap-help-h">
      <h2 id="cap-help-h">{def.title}</h2>
      <p className="small">{def.describe}.</p>
      <Help title="How it works and what to look for" defaultOpen>
        {BODY[experiment](d)}
      </Help>
      <Help title="Conventions">
        <ul className="small">
          <li>
            Hebbian <TeX tex="W = \tfrac1N \sum_\mu \xi^\mu {\xi^\mu}^{\!\top}" /> with zero
            diagonal, never built: the field of a batch of cues is{' '}
            <TeX tex="H = (S X^\top) X / N - S" />. Storkey and the covariance rule use{' '}
            <TeX tex="H = S W" />.
          </li>
          <li>
            Synchronous steps <TeX tex="s \leftarrow \operatorname{sgn}(h)" />; a zero field keeps
            the unit. A recall stops at a fixed point (a step with no flip), a 2-cycle, or the step
            limit.
          </li>
          <li>
            A trial is one network; each network recalls several cues at once (one batch). Rates are
            over trials × cues. A cue is a stored pattern with{' '}
            <TeX tex="\operatorname{round}(fD)" /> <em>distinct</em> units flipped. Networks grow
            from one load to the next (the patterns of a smaller load are the first ones of a
            larger), so each point is unbiased and neighbouring points are correlated.
          </li>
          <li>Every run is seeded; the settings and the seed are in the link.</li>
        </ul>
      </Help>
    </section>
  );
}

const theory = (d: number): ReactNode =>
  d >= 2 ? (
    <>
      At D = {d}: <TeX tex="D/(2\ln D)" /> = {round(mcElieceCapacity(d), 1)} patterns (load{' '}
      {round(mcElieceCapacity(d) / d, 3)}), <TeX tex="D/\sqrt{2\ln D}" /> ={' '}
      {round(storkeyCapacity(d), 1)} (load {round(storkeyCapacity(d) / d, 3)}),{' '}
      <TeX tex="0.138\,D" /> = {round(ALPHA_C * d, 1)}.
    </>
  ) : null;

const BODY: Record<ExperimentName, (d: number) => ReactNode> = {
  capacity: (d) => (
    <div className="small">
      <p>
        For each load <TeX tex="\alpha = N/D" />, store N random patterns, corrupt stored ones,
        recall, and count how often the final state is <em>exactly</em> the stored pattern. The
        overlap <TeX tex="m = \tfrac1D\,\xi\cdot s = 1 - 2H/D" /> shows how close the misses are.
      </p>
      <p>
        Theory: exact recall up to about <TeX tex="D/(2\ln D)" /> patterns (McEliece et al. 1987);
        retrieval with a few wrong bits (about 1.5 % near the limit) up to{' '}
        <TeX tex="\alpha_c \approx 0.138" /> (Amit, Gutfreund & Sompolinsky 1985); Storkey's rule
        reaches <TeX tex="D/\sqrt{2\ln D}" />, and the pseudo-inverse rule makes every independent
        pattern a fixed point up to N close to D. {theory(d)}
      </p>
      <p>
        Look for: the Hebbian exact-recall rate falling from 1 near the <TeX tex="D/(2\ln D)" />{' '}
        line, the overlap staying near 1 until about 0.138 and collapsing after; Storkey and the
        pseudo-inverse holding on to higher loads.
      </p>
      <p>
        More rules (SCIENCE.md 1b): <strong>Krauth-Mezard</strong> learns each unit's row until
        every stored bit has stability <TeX tex="\xi_i^\mu (W\xi^\mu)_i / \lVert w_i\rVert \ge c" />
        ; such a W exists up to Gardner's bound <TeX tex="\alpha_c(c)" /> (2 at c = 0, about 0.52 at
        c = 1); its W is not symmetric. <strong>Unlearning</strong> (Hopfield, Feinstein & Palmer
        1983) starts from Hebbian and subtracts <TeX tex="(\varepsilon/D)\, s^*_i s^*_j" /> for the
        attractor s* of each random start (a dream), which removes spurious minima first.{' '}
        <strong>Storkey's diagonal</strong>: zero by default; <em>keep</em> applies the update for i
        = j too, as Storkey (1997) wrote it and the seed's capacity table used, and then counts{' '}
        <TeX tex="w_{ii} s_i" /> in the field: exact recall falls sooner (docs/rules.md).
      </p>
    </div>
  ),
  'dense-capacity': () => (
    <div className="small">
      <p>
        Dense associative memory (Krotov & Hopfield 2016): binary units, energy{' '}
        <TeX tex="E = -\sum_\mu F(\xi^\mu\cdot s)" /> with <TeX tex="F(x) = x^n" />, unit update{' '}
        <TeX tex="s_i \leftarrow \operatorname{sgn}\sum_\mu [F(\xi^\mu\cdot s^{(i+)}) - F(\xi^\mu\cdot s^{(i-)})]" />
        . n = 2 is the classic network. Here the energy is scaled by <TeX tex="D^{1-n}" /> (no
        update changes) and recall is synchronous.
      </p>
      <p>
        For each power n, pattern counts from a quarter of to four times the theory{' '}
        <TeX tex="D^{n-1}/(2\,(2n-3)!!\,\ln D)" />; the capacity is the largest N whose exact-recall
        rate reaches the threshold. Each step up in n multiplies the theory by{' '}
        <TeX tex="D/(2n-1)" />: capacity grows like <TeX tex="D^{n-1}" />. With two sizes or more,
        the 'exponents' table fits the power of D for each n.
      </p>
    </div>
  ),
  'capacity-size': () => (
    <div className="small">
      <p>
        For each size D, loads from half to twice the rule's theoretical capacity; the measured
        capacity is the largest N whose exact-recall rate is at least the threshold. Both axes are
        logarithmic, so a power law is a straight line.
      </p>
      <p>
        Theory (dashed): Hebbian <TeX tex="D/(2\ln D)" />, Storkey <TeX tex="D/\sqrt{2\ln D}" />,
        both computed at each tested D. They are asymptotic results for clean cues; with flipped
        units and at small D the measured capacity sits off them, and the table's ratio shows by how
        much. "below" means even the smallest tested load failed, "at-least" that the largest
        passed.
      </p>
    </div>
  ),
  noise: () => (
    <div className="small">
      <p>
        Fixed D and N; the fraction f of flipped cue units goes from 0 to 1. The energy{' '}
        <TeX tex="E(s) = -\tfrac12 s^\top W s" /> is the same for s and −s, so the inverted pattern
        −ξ is an attractor too.
      </p>
      <p>
        Look for the jump at 50 %: past it the cue agrees with −ξ on more units than with ξ, so
        recall falls into −ξ. The overlap goes from about +1 to about −1, and at f = 1 the cue{' '}
        <em>is</em> −ξ (already a fixed point). Just below 50 % the cue is nearly orthogonal to both
        and recall ends in neither.
      </p>
    </div>
  ),
  patterns: (d) => (
    <div className="small">
      <ul>
        <li>
          <strong>random</strong>: each unit ±1 with probability ½, the setting of the theory.{' '}
          {theory(d)}
        </li>
        <li>
          <strong>sparse</strong>: a fraction a of the units on, stored with the covariance rule{' '}
          <TeX tex="W_{ij} = \frac{1}{Da(1-a)}\sum_\mu (v^\mu_i - a)(v^\mu_j - a)" /> on 0/1 units v
          and a threshold <TeX tex="\theta = \tfrac12 - a" /> (Tsodyks & Feigelman 1988): stores
          more as a shrinks.
        </li>
        <li>
          <strong>orthogonal</strong>: rows of the Walsh–Hadamard matrix,{' '}
          <TeX tex="\xi^\mu\cdot\xi^\nu = 0" />: no crosstalk, so every stored pattern is a fixed
          point up to N = D − 1, but the basins shrink as N grows.
        </li>
        <li>
          <strong>letters and digits</strong> (36 glyphs): strongly correlated, so they interfere
          long before 0.138 D.
        </li>
      </ul>
    </div>
  ),
  dynamics: () => (
    <div className="small">
      <p>
        The same networks and cues, recalled three ways: synchronous (all units at once, batched;
        can end in a 2-cycle), asynchronous (one unit at a time in random order; with symmetric W
        and zero diagonal the energy never rises, so it cannot cycle; steps are sweeps of D
        updates), and stochastic (Glauber) at temperature T,{' '}
        <TeX tex="P(s_i = +1) = 1/(1 + e^{-2h_i/T})" />.
      </p>
      <p>
        Fields are in the rule's own units: for Hebbian with 1/N, a target unit's field is about{' '}
        <TeX tex="(D/N)(1-2f)" />, so T of that order scrambles recall. Stochastic runs stop only
        after a sweep with no flip, so at high T they run to the step limit.
      </p>
    </div>
  ),
  modules: () => (
    <div className="small">
      <p>
        The same D units split into k independent networks of D/k units; the patterns are split
        among them (N/k each), so the load N/D is the same in every module. A memory is a D/k-unit
        pattern in its module.
      </p>
      <p>
        Theory: a module recalls exactly up to about <TeX tex="(D/k)/(2\ln(D/k))" /> patterns, so k
        modules hold <TeX tex="D/(2\ln(D/k))" /> memories, slightly more than one network, with k
        times fewer weights (
        <TeX tex="D^2/k" />) but each memory only D/k bits long. The loss of capacity at 0.138 is
        the same for all.
      </p>
    </div>
  ),
  presets: () => (
    <div className="small">
      <p>
        Five single recalls, (D, N, K) = (64, 5, 8), (8000, 600, 1200), (8000, 900, 800), (4000,
        390, 1460) and (4000, 500, 3000): D units, N random patterns, K distinct units of pattern 0
        flipped. The plot shows the Hamming distance to the target after each step; each run's
        explanation below is built from its own numbers.
      </p>
      <p>
        Look for: fast exact recall at low load, a few wrong units left between{' '}
        <TeX tex="D/(2\ln D)" /> and 0.138 D, a cue too far away to come back, and a cue with more
        than half its units flipped falling into −ξ.
      </p>
    </div>
  ),
};
