/**
 * The visitor's work as files and sentences: the trained VAE exported to a
 * file and imported back (./vaeFile checks a file before anything
 * changes), and the lines the page says about the shipped VAE and about
 * what was restored from this browser (./keep).
 */
import { downloadJson } from '../../engine/download';
import { dismissFrom, say } from '../../engine/messages';
import type { PretrainedDoc } from '../../models/consolidation/consolidationPretrained';
import { loadVae, type Vae } from '../../models/consolidation/vae';
import { upgradeSerialised } from '../../models/consolidation/vaeParams';
import type { ConsolidationRunner } from './runner';
import type { KeptSummary } from './store';
import { readVaeFile, vaeArchitecture, vaeFileDoc, vaeFileName } from './vaeFile';

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The line shown with the shipped VAE: how it was trained. */
export function shippedNote(doc: PretrainedDoc): string {
  const p = doc.pipeline;
  return (
    `Trained by scripts/train-consolidation.ts with this page's code: a ${vaeArchitecture(upgradeSerialised(doc.vae))} VAE, ${p.episodes.toLocaleString('en')} episodes, ` +
    `${p.replays.toLocaleString('en')} replays, ${p.epochs} epochs, seed ${p.seed} (${doc.seconds} s in Node, WASM).`
  );
}

/** "Restored from this browser: …", or null when nothing was kept. */
export function restoredLine(kept: Omit<KeptSummary, 'saving'>): string | null {
  const parts: string[] = [];
  if (kept.episodes !== null) parts.push(count(kept.episodes, 'stored episode'));
  if (kept.replays !== null) parts.push(count(kept.replays, 'replay'));
  if (kept.model?.origin === 'live') {
    parts.push(`the VAE trained live for ${count(kept.model.epochs, 'epoch')}`);
  } else if (kept.model) parts.push('the imported VAE');
  if (!parts.length) return null;
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  return `Restored from this browser: ${list}.`;
}

/** Offers the VAE on screen as a file (./vaeFile's format). */
export async function exportVae(runner: ConsolidationRunner): Promise<void> {
  const { vae } = runner.onScreen;
  if (!vae || vae.disposed) return;
  const weights = await vae.getWeights();
  const s = runner.store.getState();
  const epochs = s.source === 'pretrained' ? 0 : s.history.length;
  const name = vaeFileName(weights, epochs);
  downloadJson(name, vaeFileDoc(weights, { note: s.vaeNote, epochs, history: s.history }));
  say(runner.store, 'info', `The VAE on screen was saved as ${name}.`, 'exportVae');
}

/**
 * Opens a VAE file. Checked first (./vaeFile): a bad file gives a message
 * and changes nothing; a good one goes on screen, is kept in this browser
 * and measured on the held-out digits.
 */
export async function importVae(
  runner: ConsolidationRunner,
  file: Blob & { name?: string },
): Promise<void> {
  const { store } = runner;
  if (runner.busy() || store.getState().training === 'running') return;
  dismissFrom(store, 'importVae'); // what was said of the file before is about that file
  const read = await readVaeFile(file);
  if ('error' in read) {
    say(store, 'error', read.error, 'importVae');
    return;
  }
  let vae: Vae;
  try {
    vae = loadVae(read.vae);
  } catch (e) {
    say(
      store,
      'error',
      `The VAE could not be made on this backend: ${(e as Error).message}.`,
      'importVae',
    );
    return;
  }
  const { latentSize } = read.vae.config;
  const from = file.name ? `"${file.name}"` : 'a file';
  const said = read.about?.note ? ` Its file says: ${read.about.note}` : '';
  runner.showVae(vae, read.vae, {
    source: 'imported',
    vaeNote: `Imported from ${from}: ${count(latentSize, 'latent')}, layers ${vaeArchitecture(read.vae)} (the decoder mirrors them), ${count(read.vae.step, 'training step')}.${said}`,
    history: [...(read.about?.history ?? [])],
  });
  runner.keepModel();
  say(store, 'info', `The VAE in ${from} is on screen now and kept in this browser.`, 'importVae');
  await runner.refresh();
}
