/**
 * The Compression lab's lesson (engine/lessons): a small dataset trained
 * in a few seconds, then what its file holds byte by byte, the Hopfield
 * stage's load and the file against gzip and brotli. Steps run the lab's
 * commands and wait for its jobs; lesson.test.ts runs each step with
 * in-process jobs and checks its claim against what they computed.
 */
import { pick } from '../../core/params';
import { runCommand } from '../../engine/commands';
import { courseLesson } from '../../engine/course';
import { defineLesson, type Claim, type Scratch } from '../../engine/lessons';
import { COMMANDS, type CompressionCtx } from './commands';
import { PARAMS, type Settings } from './params';
import { trainingBusy, type CompressionState } from './store';

/** Resolves once `done` holds for the lab's state (or throws when a job failed). */
export function until(ctx: CompressionCtx, done: (s: CompressionState) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (s: CompressionState) => {
      const failed = s.data.status === 'error' || s.training.status === 'error';
      if (failed) reject(new Error(s.data.error ?? s.training.error ?? 'a job failed'));
      else if (done(s)) resolve();
      else return false;
      return true;
    };
    if (check(ctx.store.getState())) return;
    const off = ctx.store.subscribe((s) => {
      if (check(s)) off();
    });
  });
}

const SETTINGS: [keyof Settings, Settings[keyof Settings]][] = [
  ['dataset', 'cell-atlas'],
  ['records', 1000],
  ['genes', 50],
  ['bits', 16],
  ['hidden', 32],
  ['epochs', 2],
  ['batchSize', 250],
  ['seed', 1],
];

const fits = (s: CompressionState) =>
  s.data.status === 'done' &&
  s.data.result?.records === 1000 &&
  s.data.result.genes === 50 &&
  s.data.result.seed === 1 &&
  s.data.result.dataset === 'cell-atlas';

/**
 * 1,000 generated cells of 50 genes. New data settings regenerate the
 * records by themselves (the runner, after a short pause); records that
 * already fit are kept, and so is a model trained on them.
 */
async function records(ctx: CompressionCtx) {
  for (const change of SETTINGS) runCommand(COMMANDS.setParam, ctx, change as never);
  await until(ctx, fits);
}

/** The records, and the autoencoder trained on them with the file made and measured. */
async function trained(ctx: CompressionCtx) {
  await records(ctx);
  const s = ctx.store.getState();
  if (!s.compressed && s.training.status !== 'running') runCommand(COMMANDS.train, ctx);
  await until(ctx, (st) => fits(st) && st.compressed?.bits === 16 && st.recall.status === 'done');
}

function on(says: string, check: (s: CompressionState) => string | null): Claim<CompressionCtx> {
  return { says, check: (ctx) => check(ctx.store.getState()) };
}

const SCRATCH: Scratch<CompressionCtx, Settings> = {
  save: (ctx) => pick(PARAMS, ctx.store.getState()) as Settings,
  restore(ctx, settings) {
    if (ctx.store.getState().training.status === 'running')
      runCommand(COMMANDS.cancelTraining, ctx);
    for (const [k, v] of Object.entries(settings))
      runCommand(COMMANDS.setParam, ctx, [k, v] as never);
  },
  warning: (ctx) => {
    const s = ctx.store.getState();
    if (trainingBusy(s.training)) {
      return 'Starting the lesson stops the training under way (your settings come back when it ends).';
    }
    return s.compressed
      ? 'The lesson trains its own models. Yours is kept in this browser and comes back with your settings when the lesson ends (a browser that keeps no site data loses it: export the file first there).'
      : null;
  },
};

export const COMPRESSION_LESSON = defineLesson<CompressionCtx>(
  courseLesson('/compression', 'compression'),
  [
    {
      title: 'The records',
      text: 'A generated cell atlas: 1,000 cells, each with a cell type, a tissue, a batch and 50 gene counts, with real structure (types share expression programmes). As CSV text they take the bytes shown under “The records”.',
      panels: ['cz-data'],
      setUp: records,
      claim: on('1,000 records of 50 genes, over 50 bytes a record as CSV', (s) => {
        const d = s.data.result;
        if (!d) return 'no records';
        return d.records === 1000 && d.genes === 50 && d.csvBytes > 50 * 1000
          ? null
          : `${d.records} records of ${d.genes} genes, ${d.csvBytes} CSV bytes`;
      }),
    },
    {
      title: 'Train the encoder and decoder',
      text: 'An encoder maps each record to a code of K = 16 bits and a decoder maps the code back; two passes over the records train both. The page then writes the compressed file and reads it back.',
      panels: ['cz-train'],
      setUp: trained,
      claim: on('the file reads back to exactly the records the model gives', (s) =>
        s.compressed?.roundTrip === true ? null : `round trip: ${s.compressed?.roundTrip}`,
      ),
    },
    {
      title: 'Every byte counted',
      text: 'The file is a header, the normalisation, the decoder’s weights and the codes: 16 bits, 2 bytes, per record. The parts add up to the file, and the decoder is part of the price.',
      panels: ['cz-bytes'],
      setUp: trained,
      claim: on('the parts add up to the file, and the codes are 2 bytes a record', (s) => {
        const c = s.compressed;
        if (!c) return 'no file';
        const p = c.parts;
        const sum = p.header + p.normalisation + p.decoder + p.encoder + p.codes;
        return sum === p.total && p.total === c.archiveBytes && p.codes === 2 * c.records
          ? null
          : `parts ${sum}, total ${p.total}, file ${c.archiveBytes}, codes ${p.codes}`;
      }),
    },
    {
      title: 'The Hopfield stage is over capacity',
      text: 'A Hopfield network of K = 16 units would store each distinct code as a pattern. Hundreds of distinct codes in 16 units is a load far beyond any rule’s capacity, so the page does not rely on the network to clean up codes here, and says why.',
      panels: ['cz-recall'],
      setUp: trained,
      claim: on(
        'the stage’s load (distinct codes / K) is over 1 and it is not below capacity',
        (s) => {
          const ch = s.compressed?.choice;
          if (!ch) return 'no stage';
          return ch.load > 1 && ch.reason !== 'below-capacity'
            ? null
            : `load ${ch.load}, reason ${ch.reason}`;
        },
      ),
    },
    {
      title: 'Against gzip and brotli',
      text: 'gzip and brotli keep every digit of every record; the autoencoder keeps 16 bits and a decoder, and gives records back only approximately. Its file is smaller than the CSV compressed by gzip; how good its records are is under “Bytes, honestly” and “Recall under noise”.',
      panels: ['cz-bytes'],
      setUp: async (ctx) => {
        await trained(ctx);
        await until(ctx, (s) => s.lossless.status === 'done');
      },
      claim: on('the file is smaller than the gzipped CSV', (s) => {
        const gz = s.lossless.result?.csv.gzip;
        const file = s.compressed?.archiveBytes;
        return gz && file && file < gz ? null : `file ${file} bytes, gzip ${gz} bytes`;
      }),
    },
  ],
  SCRATCH,
);

export const COMPRESSION_LESSONS = [COMPRESSION_LESSON];
