/**
 * The visitor's own images in the Modern lab: files dropped or picked are
 * decoded, made grey and framed like the digits (data/imageFiles), kept in
 * this browser's IndexedDB (engine/idb: one record per image, so they are
 * there again after a reload) and put in the store's `own` list, which the
 * runner stores after the K digits (./pool).
 *
 * Limits, stated on the page: at most MAX_OWN_IMAGES images kept, files of
 * at most 20 MB (data/imageFiles). Files past the limit are left out with a
 * message; a file that is not an image is refused with a message and
 * changes nothing. Decoding runs file by file on the page's pace
 * (engine/pace), so many files never make one long task.
 */
import { inChunks, type Pace } from '../../core/pace';
import { decodeImage, digitFromRgba, ImageFileError } from '../../data/imageFiles';
import { indexedDbStore, StoreError, type KeyValueStore } from '../../engine/idb';
import { say } from '../../engine/messages';
import { MNIST_PIXELS } from '../../data/mnist';
import type { OwnImage } from './pool';
import type { ModernStore } from './store';

/** The most images kept. */
export const MAX_OWN_IMAGES = 100;
/** The IndexedDB database the images live in. */
export const OWN_IMAGES_DB = 'engram-modern-images';
/** Message source (inline under the images panel). */
export const IMAGES_SOURCE = 'addImages';

/** A file as the decoder needs it (a File, or a Blob with a name in tests). */
export type ImageFile = Blob & { name: string };

/** Turns a file into its 784 framed ink bytes; throws ImageFileError with a sentence. */
export type DecodeFile = (file: ImageFile) => Promise<Uint8Array>;

export const decodeFile: DecodeFile = async (file) => {
  const { rgba, width, height } = await decodeImage(file);
  return digitFromRgba(rgba, width, height);
};

const KEY = 'image:';
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function isOwnImage(v: unknown): v is OwnImage {
  const r = v as OwnImage | null;
  return (
    !!r &&
    typeof r.id === 'string' &&
    typeof r.name === 'string' &&
    typeof r.added === 'number' &&
    r.ink instanceof Uint8Array &&
    r.ink.length === MNIST_PIXELS
  );
}

export class OwnImages {
  private ids = 0;
  private readonly kv: KeyValueStore;
  private readonly pace: Pace;
  private readonly decode: DecodeFile;

  /** `kv`: where they are kept (default IndexedDB); `pace`: the page's; `decode`: data/imageFiles'. */
  constructor(
    private readonly store: ModernStore,
    opts: { kv?: KeyValueStore; pace: Pace; decode?: DecodeFile },
  ) {
    this.kv = opts.kv ?? indexedDbStore(OWN_IMAGES_DB);
    this.pace = opts.pace;
    this.decode = opts.decode ?? decodeFile;
  }

  private warn(text: string): void {
    say(this.store, 'warn', text, IMAGES_SOURCE);
  }

  /** The images kept in this browser, oldest first (damaged records are skipped, with a message). */
  async load(): Promise<void> {
    try {
      const rows = (await this.kv.entries()).filter(([k]) => k.startsWith(KEY));
      const good = rows.map(([, v]) => v).filter(isOwnImage);
      if (good.length < rows.length) {
        this.warn(
          `${plural(rows.length - good.length, 'kept image was', 'kept images were')} damaged and left out.`,
        );
      }
      good.sort((a, b) => a.added - b.added || a.id.localeCompare(b.id));
      if (good.length > 0) this.store.setState({ own: good.slice(0, MAX_OWN_IMAGES) });
    } catch (e) {
      this.warn(`Your own images could not be read from this browser: ${(e as Error).message}.`);
    }
  }

  /**
   * Decodes `files`, keeps the images and adds them to the store (one
   * change, so one new store of the network). Returns how many were added.
   */
  async add(files: readonly ImageFile[]): Promise<number> {
    const s = this.store.getState();
    if (s.adding) {
      this.warn('Still adding the last files: drop these again when it is done.');
      return 0;
    }
    if (files.length === 0) return 0;
    const room = MAX_OWN_IMAGES - s.own.length;
    const taken = files.slice(0, Math.max(0, room));
    if (taken.length < files.length) {
      this.warn(
        `At most ${MAX_OWN_IMAGES} of your own images are kept; ${plural(files.length, 'file')} given, room for ${room}: ` +
          `${plural(files.length - taken.length, 'file was', 'files were')} left out.`,
      );
    }
    if (taken.length === 0) return 0;
    const added: OwnImage[] = [];
    const refused: string[] = [];
    this.store.setState({ adding: { done: 0, total: taken.length } });
    try {
      await inChunks(this.pace, 'own-images', taken.length, 4, async (start, count) => {
        for (const file of taken.slice(start, start + count)) {
          try {
            const ink = await this.decode(file);
            const id = `${Date.now().toString(36)}-${(this.ids++).toString(36)}`;
            added.push({ id, name: file.name, ink, added: Date.now() + added.length / 1000 });
          } catch (e) {
            refused.push(
              e instanceof ImageFileError ? e.message : `“${file.name}”: ${(e as Error).message}`,
            );
          }
        }
        this.store.setState({ adding: { done: start + count, total: taken.length } });
      });
    } finally {
      this.store.setState({ adding: null });
    }
    if (refused.length > 0) {
      const shown = refused.slice(0, 5).join(' ');
      const more = refused.length > 5 ? ` And ${refused.length - 5} more.` : '';
      this.warn(`${plural(refused.length, 'file was', 'files were')} not added: ${shown}${more}`);
    }
    if (added.length === 0) return 0;
    await this.keep(added);
    this.store.setState((st) => ({ own: [...st.own, ...added] }));
    say(
      this.store,
      'info',
      `Added ${plural(added.length, 'image')} of your own: framed like the digits and stored after them.`,
      IMAGES_SOURCE,
    );
    return added.length;
  }

  /** Writes the images to IndexedDB; a failure says so and leaves them in the page. */
  private async keep(images: OwnImage[]): Promise<void> {
    try {
      for (const img of images) {
        await this.pace.pause();
        await this.kv.set(KEY + img.id, img);
      }
    } catch (e) {
      const why = e instanceof StoreError ? e.message : String(e);
      this.warn(
        `Your images could not be kept in this browser (${why}); they are used until you leave the page.`,
      );
    }
  }

  /** Removes one image (from the page and from the browser). */
  async remove(id: string): Promise<void> {
    this.store.setState((s) => ({ own: s.own.filter((img) => img.id !== id) }));
    await this.forget([id]);
  }

  /** Removes all of them. */
  async clear(): Promise<void> {
    const ids = this.store.getState().own.map((img) => img.id);
    if (ids.length === 0) return;
    this.store.setState({ own: [] });
    await this.forget(ids);
  }

  private async forget(ids: string[]): Promise<void> {
    try {
      for (const id of ids) await this.kv.del(KEY + id);
    } catch (e) {
      this.warn(
        `The browser's copy could not be removed (${(e as Error).message}); it may come back on reload.`,
      );
    }
  }
}
