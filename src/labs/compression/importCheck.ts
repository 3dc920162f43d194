/**
 * Reading a compressed-dataset file back, before anything on the page
 * changes: its size (before it is read), its shape and whether it
 * compresses the records on the page (./archiveCheck), then its records,
 * rebuilt from the file alone, against the page's model's, value for value
 * (the model worker's 'verify' job). The result goes to the store's
 * importCheck slot; a refusal also says why in the lab's messages, next to
 * the import box (a new file clears what was said of the one before). What happens to an accepted file (nothing when it is
 * identical; otherwise it replaces the model on screen, which is kept) is
 * the runner's. A model kept in this browser (./keep) is checked the same
 * way before it comes back (checkKept).
 */
import type { Table } from '../../models/compression/table';
import { dismissFrom, say } from '../../engine/messages';
import { checkAgainstTable, checkArchiveShape, sizeProblem } from './archiveCheck';
import type { DataSpec, ModelRef, VerifyResult } from './jobs';
import { recordsOf, type CompressionKeep, type KeptCompression, type KeptKey } from './keep';
import { stageOptions, type MeasureHost } from './measures';

export interface PickedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The file's size (its bytes are not read when it is over the limit). */
  readonly size: number;
}

/**
 * Checks `file` against the records on the page (`table`, null when there
 * are none yet) and the page's model; returns the comparison when the file
 * was accepted and compared, null when it was refused or the visitor left.
 */
export async function checkImport(
  host: MeasureHost,
  table: Table | null,
  file: PickedBytes,
): Promise<VerifyResult | null> {
  const { name, bytes, size } = file;
  dismissFrom(host.store, 'importFile'); // what was said of the file before is about that file
  const { spec, ref: current } = host;
  const base = { name, bytes: size, identical: null, differing: 0, compared: 0, replaced: false };
  const refuse = (problems: string[], hasEncoder = false): null => {
    host.jobs.patch('importCheck', {
      status: 'done',
      result: { ...base, problems, hasEncoder },
    });
    for (const p of problems) say(host.store, 'warn', `${name}: ${p}`, 'importFile');
    return null;
  };
  const tooLarge = sizeProblem(size);
  if (tooLarge) return refuse([tooLarge]);
  if (!spec || !table) return refuse(['There are no records on the page to compare it with yet.']);
  const { problems, hasEncoder } = fileProblems(bytes, table);
  if (problems.length) return refuse(problems, hasEncoder);
  return host.jobs.track(
    'importCheck',
    'importFile',
    () => verifyFile(host, spec, bytes, current),
    (r) => ({
      ...base,
      problems: [],
      identical: r.identical,
      differing: r.differing,
      compared: r.compared,
      hasEncoder,
      replaced: r.identical !== true,
    }),
  );
}

/** What is wrong with `bytes` as an archive of the records `table` (none: it fits). */
function fileProblems(
  bytes: Uint8Array,
  table: Table,
): { problems: string[]; hasEncoder: boolean } {
  const { header, problems } = checkArchiveShape(bytes);
  if (!header) return { problems, hasEncoder: false };
  return { problems: checkAgainstTable(header, table), hasEncoder: header.encoder };
}

/** The model worker rebuilds the file's records and compares them with `current`'s (null: none). */
function verifyFile(
  host: MeasureHost,
  spec: DataSpec,
  bytes: Uint8Array,
  current: ModelRef | null,
) {
  const stage = stageOptions(host.store.getState());
  return host.client.run('model', { kind: 'verify', spec, file: bytes, current, stage });
}

/**
 * The model kept in this browser (./keep), checked like an imported file,
 * when it belongs on screen now: its settings are the page's (`fits`) and
 * its file fits the records `table` made by `spec`. A kept file that no
 * longer fits them is deleted, with a message. Null when there is nothing
 * to show, or `stale()` turned true on the way.
 */
export async function checkKept(
  host: MeasureHost,
  keeper: CompressionKeep,
  table: Table,
  spec: DataSpec,
  fits: (key: KeptKey) => boolean,
  stale: () => boolean,
): Promise<{ kept: KeptCompression; v: VerifyResult } | null> {
  const kept = await keeper.read();
  if (!kept || stale() || !fits(kept.key) || !recordsOf(kept.key, spec)) return null;
  const { problems } = fileProblems(kept.file, table);
  if (problems.length) {
    void keeper.forget();
    say(
      host.store,
      'warn',
      `The model kept in this browser no longer fits these records (${problems[0]}), so it was deleted.`,
      'keep',
    );
    return null;
  }
  const v = await verifyFile(host, spec, kept.file, null);
  return v && !stale() && fits(kept.key) ? { kept, v } : null;
}
