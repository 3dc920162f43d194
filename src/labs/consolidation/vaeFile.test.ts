import { describe, expect, it } from 'vitest';
import { MNIST_PIXELS } from '../../data/mnist';
import { vaeToJson, type SerialisedVae } from '../../models/consolidation/vaeParams';
import { smallSerialisedVae } from '../../testing/smallVae';
import {
  MAX_VAE_FILE_BYTES,
  readVaeFile,
  vaeArchitecture,
  vaeFileDoc,
  vaeFileName,
} from './vaeFile';

const serialisedVae = (inputSize = MNIST_PIXELS, latentSize = 2): SerialisedVae =>
  smallSerialisedVae({ inputSize, latentSize });

const file = (content: unknown, name = 'vae.json') =>
  Object.assign(new Blob([typeof content === 'string' ? content : JSON.stringify(content)]), {
    name,
  });

const about = { note: 'Trained live on 1,000 replays for 1 epoch in 3 s.', epochs: 1, history: [] };

describe('the VAE as a file', () => {
  it('an exported VAE reads back with the same weights, layout and story', async () => {
    const vae = serialisedVae();
    const doc = vaeFileDoc(vae, about);
    expect(vaeFileName(vae, 1)).toBe('engram-vae-L2-epoch1.json');
    const read = await readVaeFile(file(doc));
    if ('error' in read) throw new Error(read.error);
    expect(read.vae).toEqual(vae);
    expect(read.about).toEqual(about);
    // A bare serialised VAE, like the shipped file's `vae`, opens too.
    const bare = await readVaeFile(file(vaeToJson(vae)));
    expect('vae' in bare && bare.vae.weights).toEqual(vae.weights);
  });

  it('a version 1 file (one hidden layer, hand-written gradients) opens as that VAE', async () => {
    const vae = serialisedVae();
    const json = vaeToJson(vae);
    const { hidden, ...config } = vae.config;
    const names: Record<string, string> = {
      'enc.1.w': 'enc.hidden.w',
      'enc.1.b': 'enc.hidden.b',
      'dec.1.w': 'dec.hidden.w',
      'dec.1.b': 'dec.hidden.b',
    };
    const v1 = {
      ...json,
      version: 1,
      config: { ...config, hiddenSize: hidden[0] },
      params: json.params.map((p) => ({ ...p, name: names[p.name] ?? p.name })),
    };
    const read = await readVaeFile(file({ ...vaeFileDoc(vae, about), vae: v1 }));
    if ('error' in read) throw new Error(read.error);
    expect(read.vae).toEqual(vae);
    expect(vaeArchitecture(read.vae)).toBe('784-8-2');
  });

  it('a file that is not a VAE this page can run says why, and never throws', async () => {
    const good = vaeFileDoc(serialisedVae(), about);
    const cases: [Blob & { name: string }, RegExp][] = [
      [file('{"kind":', 'cut.json'), /"cut.json" is not a JSON file/],
      [file({ hello: 1 }), /no Engram VAE/],
      [file({ ...good, vae: { ...good.vae, version: 3 } }), /version 3; this page reads 1 and 2/],
      [
        file({ ...good, vae: { ...good.vae, config: { ...good.vae.config, hidden: [8, 0] } } }),
        /a hidden layer of 0 units/,
      ],
      [
        file(vaeFileDoc(serialisedVae(100), about)),
        /reads 100 pixels per image; this page's digits have 784/,
      ],
      [
        file(vaeFileDoc(serialisedVae(MNIST_PIXELS, 30), about)),
        /30 latents: this page runs 2 to 20/,
      ],
      [file({ ...good, vae: { ...good.vae, weights: good.vae.weights.slice(0, -8) } }), /weights/],
      [file({ ...good, vae: { ...good.vae, params: 'none' } }), /no parameter list/],
      [file({ ...good, vae: { ...good.vae, weights: 'not base64!' } }), /not base64url/],
    ];
    for (const [f, why] of cases) {
      const read = await readVaeFile(f);
      expect('error' in read && read.error).toMatch(why);
    }
    // A weight that is not finite.
    const vae = serialisedVae();
    vae.weights[3] = Infinity;
    const inf = await readVaeFile(file(vaeFileDoc(vae, about)));
    expect('error' in inf && inf.error).toMatch(/weight 3 is not a finite number/);
    // Too big to be read at all: refused before reading.
    const huge = { size: MAX_VAE_FILE_BYTES + 1, name: 'huge.json', text: () => Promise.reject() };
    const big = await readVaeFile(huge as unknown as Blob & { name: string });
    expect('error' in big && big.error).toMatch(
      /"huge.json" is 16.0 MB, more than a VAE file's 16.0 MB/,
    );
  });
});
