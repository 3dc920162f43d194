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
            Convention: 1/D normalisation, h computed with the weights before this pattern, the
            diagonal kept at zero. Local and incremental; stores about <Tex tex="D/\sqrt{2\ln D}" />{' '}
            patterns exactly, against <Tex tex="D/(2\ln D)" /> for Hebbian.
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
      <p>
        Recall lowers the energy <Tex tex="E(s) = -\tfrac12\, s^{\top} W s" /> (asynchronous updates
        never raise it).
      </p>
    </Help>
  );
}
