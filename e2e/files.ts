/** A text file to hand a file picker (`setInputFiles`), written here rather than read from disk. */
export const textFile = (name: string, mimeType: string, text: string) => ({
  name,
  mimeType,
  buffer: Buffer.from(text),
});
