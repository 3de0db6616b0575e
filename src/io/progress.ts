/**
 * Progress reporting for file readers: a callback with (bytesRead, totalBytes), which the CLI turns
 * into a progress bar.
 * @module
 */

/** Called as a reader consumes a file: bytes read so far and the file's size. */
export type ProgressCallback = (bytesRead: number, totalBytes: number) => void;

/** Options shared by file readers that report progress. */
export interface ProgressOptions {
  /** Called as bytes are read: (bytesRead, totalBytes). */
  onProgress?: ProgressCallback;
}
