/** The formulas and conventions of the lab, typeset. */
import { Help } from '../../ui/Help';
import { TeX } from '../../ui/Math';
import { AVERAGE_MIN_FRACTION, SINGLE_MAX_NEFF } from '../../models/modern/modernHopfield';
import { BOX, BOX_THRESHOLD, MASS_CENTRE } from '../../models/modern/framing';
import { MIDDLE_SPREAD } from './runner';

export function ModernHelp() {
  return (
    <Help title="The formulas and conventions">
      <p>
        The K stored digits are the rows <TeX tex="x_i \in [-1,1]^{784}" /> of X (ink 0 → −1, full
        ink → +1). The state ξ starts at the cue; a hidden pixel is 0, <em>unknown</em>, so it adds
        nothing to any <TeX tex="x_i^\top \xi" /> and only the visible pixels vote.
      </p>
      <p>
        One update (Ramsauer et al. 2020):
        <TeX
          display
          tex="\xi \leftarrow X^\top \operatorname{softmax}(\beta' X \xi), \qquad p_i = \frac{e^{\beta' x_i^\top \xi}}{\sum_j e^{\beta' x_j^\top \xi}}"
        />
        with <TeX tex="\beta' = \beta/\sqrt{d}" /> when the 1/√d switch is on (Spens &amp; Burgess
        2024, d = 784) and <TeX tex="\beta' = \beta" /> when it is off.
      </p>
      <p>
        Energy, shown per step:
        <TeX
          display
          tex="E(\xi) = -\frac{1}{\beta'} \log \sum_i e^{\beta' x_i^\top \xi} + \tfrac12 \xi^\top \xi"
        />
        Ramsauer’s energy adds the constant <TeX tex="\tfrac{1}{\beta'}\log K + \tfrac12 M^2" /> (M
        the largest <TeX tex="\lVert x_i\rVert" />
        ); it is left out, which moves the curve but not its steps. The update never raises E.
      </p>
      <p>
        Retrieval stops when no pixel moves by more than 0.001 in one update (at most 50). The
        regime is named from the attention p of the current state and its effective number of digits{' '}
        <TeX tex="n_\text{eff} = 1/\sum_i p_i^2" />: <em>single digit</em> when{' '}
        <TeX tex={`n_\\text{eff} < ${SINGLE_MAX_NEFF}`} />, <em>average of everything</em> when{' '}
        <TeX tex={`n_\\text{eff} \\ge ${AVERAGE_MIN_FRACTION} K`} />, a <em>metastable blend</em> in
        between.
      </p>
      <p>
        Middle β for the cue: the β (with the 1/√d scaling) at which the cue’s attention{' '}
        <TeX tex="p = \operatorname{softmax}(\beta' X \xi_0)" /> has{' '}
        <TeX tex={`n_\text{eff} = ${MIDDLE_SPREAD}`} /> (at most K/4), found by bisection on{' '}
        <TeX tex="\log\beta'" />: <TeX tex="n_\text{eff}" /> falls as β′ grows, since{' '}
        <TeX tex="\tfrac{d}{d\beta'} \log \sum_i p_i^2 = 2(\langle s\rangle_{2\beta'} - \langle s\rangle_{\beta'}) \ge 0" />{' '}
        (<TeX tex="s_i = x_i^\top \xi_0" />, <TeX tex="\langle s\rangle_b" /> its mean under{' '}
        <TeX tex="\operatorname{softmax}(b\,s)" />
        ). Then one update, <TeX tex="\xi_1 = X^\top p" />: the blend of those digits.
      </p>
      <p>
        Drawn cues and your own images are framed as MNIST framed its digits (LeCun et al. 1998):
        the ink’s bounding box (pixels of at least {BOX_THRESHOLD} of the darkest ink) is scaled,
        aspect kept, so its long side is {BOX} pixels, with a tent filter one output pixel wide
        (bilinear when enlarging, an average when shrinking), and the image is shifted so that its
        centre of mass falls on ({MASS_CENTRE}, {MASS_CENTRE}), where the stored digits have theirs
        on average. Your images are first made grey (luminance on white paper), and the median grey
        of their border is taken as the background: ink is the distance from it, scaled to 1.
      </p>
      <p>
        Classic vs modern: digits binarised at half ink; Hebbian <TeX tex="W = \tfrac1K X^\top X" />{' '}
        and pseudo-inverse <TeX tex="W = X^\top (X X^\top)^{-1} X" />, both with a zero diagonal,
        recall with asynchronous updates in random order until a sweep flips nothing (at most 30). A
        result counts as retrieved when the stored digit nearest to it is the cue’s own.
      </p>
    </Help>
  );
}
