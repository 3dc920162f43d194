/**
 * What a canvas widget (PatternGrid, Heatmap) says to a screen reader: its
 * description, the target of the widget's aria-describedby, and, while the
 * widget takes input, polite announcements of what the last key did.
 */
export function ScreenReaderText({
  id,
  description,
  announce = null,
}: {
  id: string;
  description: string;
  /** null: the widget is not interactive, so there is nothing to announce. */
  announce?: string | null;
}) {
  return (
    <>
      <span id={id} className="ui-sr-only">
        {description}
      </span>
      {announce !== null && (
        <span className="ui-sr-only" aria-live="polite">
          {announce}
        </span>
      )}
    </>
  );
}
