/**
 * Offering a file to the visitor: a Blob, a temporary object URL and a
 * hidden `<a download>` clicked once. Browser only; each throws where there
 * is no document. Labs save tables (CSV), runs and patterns (JSON) and
 * charts (SVG, PNG) through these.
 */

/** Offers `blob` as a download named `filename`. */
export function downloadBlob(filename: string, blob: Blob): void {
  if (typeof document === 'undefined') throw new Error('a download needs a browser page');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers `text` as a file of MIME type `type` (e.g. 'text/csv'). */
export function downloadText(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type }));
}

/** Offers `data` as an indented JSON file (".json" is added to the name when missing). */
export function downloadJson(filename: string, data: unknown): void {
  const name = filename.endsWith('.json') ? filename : `${filename}.json`;
  downloadText(name, JSON.stringify(data, null, 2), 'application/json');
}
