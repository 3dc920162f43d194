import { Help } from '../../ui/Help';
import { Math as Tex } from '../../ui/Math';
import type { Rule } from '../../models/classic/hopfield';

/** The formula of each learning rule and the conventions this lab uses. */
export function RuleHelp({ rule }: { rule: Rule }) {
  return (
    <Help title="How this rule learns">
      {rule === 'hebbian' && (
        <>
          <p>
            Units that are on together wire together. Every stored pattern ξ adds its outer product:
          </p>
          <Tex
            display
            tex="W = \frac{1}{N}\sum_{\mu=1}^{N} \xi^{\mu} (\xi^{\mu})^{\top},\quad w_{ii}=0"
          />
          <p className="muted small">
            Convention: 1/N normalisation (a 1/D one changes the energy scale, not the dynamics); no
            self-connections. Recall never builds W: the field is computed as{' '}
            <Tex tex="h = X^{\top}(Xs)/N - s" />, which costs 2ND instead of D².
          </p>
        </>
      )}
      {rule === 'storkey' && (
        <>
          <p>
            Learned one pattern at a time, starting from W = 0. The new pattern ξ corrects for the
            field that the patterns already stored produce:
          </p>
          <Tex
            display
            tex="w_{ij} \mathrel{+}= \frac{1}{D}\left(\xi_i\xi_j - \xi_i h_{ji} - h_{ij}\xi_j\right),\quad h_{ij} = \sum_{k\ne i,j} w_{ik}\xi_k"
          />
          <p className="muted small">
            Convention: 1/D normalisation, h computed with the weights before this pattern. The
            diagonal is a setting: <em>zero</em> (the default) applies the update for i ≠ j only;{' '}
            <em>keep</em> applies it for i = j too, as Storkey (1997) wrote it and the seed's
            capacity table used, so <Tex tex="w_{ii} \mathrel{+}= \tfrac1D(1 - 2\xi_i h_i)" /> and
            recall counts <Tex tex="w_{ii}s_i" /> in the field. Local and incremental; with a zero
            diagonal it stores about <Tex tex="D/\sqrt{2\ln D}" /> patterns exactly, against{' '}
            <Tex tex="D/(2\ln D)" /> for Hebbian; keeping the diagonal lowers that.
          </p>
        </>
      )}
      {rule === 'pseudoinverse' && (
        <>
          <p>The projection onto the span of the patterns (Personnaz et al. 1985):</p>
          <Tex display tex="W = X^{\top}\left(X X^{\top}\right)^{-1} X" />
          <p className="muted small">
            Every linearly independent pattern becomes a fixed point, even correlated ones, up to N
            close to D. Convention: the diagonal is set to zero (stored patterns stay fixed points
            because <Tex tex="w_{ii} \le 1" /> and a zero field keeps the unit as it is). Not local:
            learning a pattern touches every weight.
          </p>
        </>
      )}
      {rule === 'krauth-mezard' && (
        <>
          <p>
            Krauth & Mezard (1987) "minover": for each unit i, find the stored pattern with the
            smallest stability and add it to row i, until every stability reaches the margin c:
          </p>
          <Tex
            display
            tex="\kappa_i^{\mu} = \frac{\xi_i^{\mu} \sum_{j} w_{ij}\xi_j^{\mu}}{\lVert w_i\rVert} \ge c,\qquad w_{ij} \mathrel{+}= \tfrac1D\,\xi_i^{\mu}\xi_j^{\mu}"
          />
          <p className="muted small">
            Convention: 1/D steps, no self-connections, at most 200 N steps per unit. Rows are
            learned apart, so W is <strong>not symmetric</strong>: the energy below is then not a
            Lyapunov function, and asynchronous recall may raise it. Such a W exists up to Gardner's
            bound <Tex tex="\alpha_c(c)\,D" /> (2D at c = 0), correlated patterns included.
          </p>
        </>
      )}
      {rule === 'unlearning' && (
        <>
          <p>
            Hopfield, Feinstein & Palmer (1983): store with Hebbian (1/D), then dream: relax a
            random state to its attractor s* and weaken it,
          </p>
          <Tex
            display
            tex="w_{ij} \mathrel{-}= \frac{\varepsilon}{D}\, s^*_i s^*_j,\quad i \ne j"
          />
          <p className="muted small">
            Spurious and mixture minima catch most random starts, so they lose their basins first
            and the stored patterns' basins grow; too many dreams erase the memories too.
            Convention: asynchronous relaxation in random order (seeded by the lab's seed), W stays
            symmetric with a zero diagonal.
          </p>
        </>
      )}
      {rule === 'dense-am' && (
        <>
          <p>
            Dense associative memory (Krotov & Hopfield 2016): each pattern contributes a power of
            its overlap with the state,
          </p>
          <Tex
            display
            tex="E(s) = -D^{1-n}\sum_{\mu} F(\xi^{\mu}\cdot s),\quad F(x) = x^n,\qquad s_i \leftarrow \operatorname{sgn}\sum_\mu\left[F(\xi^\mu\cdot s^{(i+)}) - F(\xi^\mu\cdot s^{(i-)})\right]"
          />
          <p className="muted small">
            n = 2 is the classic Hebbian network; capacity grows like <Tex tex="D^{n-1}" /> (about{' '}
            <Tex tex="D^{n-1}/(2(2n-3)!!\ln D)" /> patterns exactly). Convention: the factor{' '}
            <Tex tex="D^{1-n}" /> only keeps energies readable; for odd n, −ξ is not an attractor.
            There is no pairwise W for n &gt; 2.
          </p>
        </>
      )}
      {rule !== 'dense-am' && (
        <p>
          Recall lowers the energy <Tex tex="E(s) = -\tfrac12\, s^{\top} W s" /> (asynchronous
          updates never raise it while W is symmetric with a zero diagonal).
        </p>
      )}
    </Help>
  );
}
