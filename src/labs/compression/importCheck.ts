/**
 * Reading a compressed-dataset file back, before anything on the page
 * changes: its size (before it is read), its shape and whether it
 * compresses the records on the page (./archiveCheck), then its records,
 * rebuilt from the file alone, against the page's model's, value for value
 * (the model worker's 'verify' job). The result goes to the store's
 * importCheck slot; a refusal also says why in the lab's messages, next to
 * the import box (a new file clears what was said of the one before). What happens to an accepted file (nothing when it is
 * identical; otherwise it replaces the model on screen, which is kept) is
 * the runner's.
 */
import type { Table } from '../../models/compression/table';
import { dismissFrom, say } from '../../engine/messages';
import { checkAgainstTable, checkArchiveShape, sizeProblem } from './archiveCheck';
import type { VerifyResult } from './jobs';
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
  const { header, problems } = checkArchiveShape(bytes);
  if (!header) return refuse(problems);
  const against = checkAgainstTable(header, table);
  if (against.length) return refuse(against, header.encoder);
  const stage = stageOptions(host.store.getState());
  return host.jobs.track(
    'importCheck',
    'importFile',
    () => host.client.run('model', { kind: 'verify', spec, file: bytes, current, stage }),
    (r) => ({
      ...base,
      problems: [],
      identical: r.identical,
      differing: r.differing,
      compared: r.compared,
      hasEncoder: header.encoder,
      replaced: r.identical !== true,
    }),
  );
}
