/**
 * The visitor's own images: drop files here or pick files or a folder; the
 * list of those kept in this browser, each with a Remove button. The work
 * is ./ownImages' (through the addImages, removeImage and clearImages
 * commands); this panel only hands the files over and shows the store.
 */
import { memo, useMemo, useState, type DragEvent } from 'react';
import { runCommand } from '../../engine/commands';
import { CommandButton } from '../../ui/CommandButton';
import { MAX_FILE_BYTES } from '../../data/imageFiles';
import { BOX, FIELD } from '../../models/modern/framing';
import { GrayImage } from '../../ui/GrayImage';
import { InlineMessages } from '../../ui/LabMessages';
import { COMMANDS, type LabContext } from './commands';
import { IMAGES_SOURCE, MAX_OWN_IMAGES, type ImageFile } from './ownImages';
import type { OwnImage } from './pool';
import { useLabContext, useLabFields } from './useLab';

/**
 * One image of the list. Memoised: storing the network again (which moves
 * `pos`) or adding more images redraws only the items that changed, not
 * every thumbnail.
 */
const OwnItem = memo(function OwnItem({
  img,
  pos,
  ctx,
}: {
  img: OwnImage;
  pos: number;
  ctx: LabContext;
}) {
  const unit = useMemo(() => Float32Array.from(img.ink, (v) => v / 255), [img]);
  return (
    <li data-testid="own-image">
      <GrayImage values={unit} range="unit" size={56} label={img.name} />
      <span className="mh-own-name" title={img.name}>
        {img.name}
      </span>
      <span className="small muted">{pos >= 0 ? `stored as #${pos}` : 'being stored…'}</span>
      <CommandButton
        command={COMMANDS.removeImage}
        ctx={ctx}
        arg={img.id}
        label="Remove"
        testId="own-remove"
      />
    </li>
  );
});

export function OwnImagesPanel() {
  const ctx = useLabContext();
  const { own, adding, messages, stored } = useLabFields('own', 'adding', 'messages', 'stored');
  const digits = ctx.runner.set?.count ?? Infinity;
  const [over, setOver] = useState(false);
  const add = (files: FileList | null) => {
    if (files && files.length > 0) runCommand(COMMANDS.addImages, ctx, [...files] as ImageFile[]);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    add(e.dataTransfer.files);
  };
  return (
    <section className="panel mh-own" data-panel="own" aria-labelledby="mh-own-h">
      <h2 id="mh-own-h">Your own images</h2>
      <p className="small">
        Drop image files here, or pick files or a folder. Each one is made grey, its background (the
        middle grey of its border) becomes 0 and its strokes 1, whichever way round, and it is
        framed like the digits: its bounding box scaled into {BOX} × {BOX}, its centre of mass put
        at the centre of {FIELD} × {FIELD}. It is kept in this browser only (IndexedDB; nothing is
        sent anywhere), so it is here again after a reload, and it is stored in the network after
        the digits. At most {MAX_OWN_IMAGES} images, each file at most{' '}
        {MAX_FILE_BYTES / 1024 / 1024} MB. To add a folder, pick it (a folder dropped here is not
        read).
      </p>
      <div
        className={`mh-drop${over ? ' mh-drop--over' : ''}`}
        data-testid="own-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <span>Drop image files here</span>
        <label className="mh-file">
          Pick image files
          <input
            type="file"
            accept="image/*"
            multiple
            data-testid="own-files"
            onChange={(e) => {
              add(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <label className="mh-file">
          Pick a folder
          <input
            type="file"
            multiple
            // A folder's files (Chromium, Firefox and Safari all read this attribute).
            {...{ webkitdirectory: '' }}
            data-testid="own-folder"
            onChange={(e) => {
              add(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {adding && (
        <p className="small" role="status" data-testid="own-adding">
          Adding your images: {adding.done} of {adding.total} read…
        </p>
      )}
      <InlineMessages messages={messages} source={IMAGES_SOURCE} />
      {own.length > 0 ? (
        <>
          <ol className="mh-own-list" data-testid="own-list" aria-label="Your images">
            {own.map((img, j) => (
              <OwnItem key={img.id} img={img} pos={stored.indexOf(digits + j)} ctx={ctx} />
            ))}
          </ol>
          <CommandButton command={COMMANDS.clearImages} ctx={ctx} testId="own-clear" />
        </>
      ) : (
        <p className="small muted" data-testid="own-none">
          None of your images is kept in this browser.
        </p>
      )}
    </section>
  );
}
