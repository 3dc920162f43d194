import { DigitImage } from './DigitImage';
import { useLab } from './useLab';

/** Cue, hippocampus, neocortex and the episode, side by side, with their errors. */
export function PartialRecallView() {
  const p = useLab((s) => s.partial);
  if (!p) return null;
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  return (
    <figure className="cl-partial" data-testid="partial-recall">
      <div className="cl-strip">
        <div>
          <DigitImage
            values={p.cue}
            range="bipolar"
            label="the cue: top half of a stored episode"
          />
          <span className="small">cue</span>
        </div>
        <div>
          <DigitImage values={p.hippocampus} range="bipolar" label="recalled by the hippocampus" />
          <span className="small">hippocampus: {pct(p.hiddenError.hippocampus)}</span>
        </div>
        <div>
          <DigitImage values={p.neocortex} label="recalled by the neocortex (the VAE)" />
          <span className="small">neocortex: {pct(p.hiddenError.neocortex)}</span>
        </div>
        <div>
          <DigitImage values={p.truth} range="bipolar" label="the stored episode" />
          <span className="small">
            episode #{p.index} (a {p.label})
          </span>
        </div>
      </div>
      <figcaption className="small">
        The bottom half of a stored episode is hidden; the percentages are the mean pixel error on
        that half. The hippocampus returns the episode itself, detail and all. The neocortex answers
        from its latent code alone: a smooth, typical digit (the gist), which with only a few
        latents may even be the wrong digit. Over all pixels: hippocampus {pct(p.error.hippocampus)}
        , neocortex {pct(p.error.neocortex)}.
      </figcaption>
    </figure>
  );
}
