/**
 * Node host only: extension.ts hands this reader to activateFeatures, web.ts does not (the web
 * bundle never reaches Node). It reads local files (`file:` URIs) directly, because workspace.fs
 * reads whole files only (and each read is a round trip through the workbench), while the
 * workspace scan wants no more than the first 64 KB of a Markdown file that is not a role file.
 * Only regular files are read: a FIFO or a device named `*.md` is refused (opened without
 * blocking, checked on the open descriptor) instead of blocking the host.
 *
 * It uses fs's callback functions, one promise per file: the scan reads thousands of small files,
 * and FileHandle's promise per call (open, stat, read, close) cost more than the reading.
 */
import * as fs from 'fs';
import type { FileReader } from '../handbookWorkspace';

const FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export const nodeFileReader: FileReader = (uri, limit) => {
  if (uri.scheme !== 'file') return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    fs.open(uri.fsPath, FLAGS, (openError, fd) => {
      if (openError) return reject(openError);
      // The result does not wait for the descriptor to close.
      const end = (error: Error | null, result?: { bytes: Uint8Array; whole: boolean }) => {
        fs.close(fd, () => undefined);
        if (error) reject(error);
        else resolve(result);
      };
      fs.fstat(fd, (statError, stat) => {
        if (statError) return end(statError);
        if (!stat.isFile()) return end(new Error('not a regular file'));
        const max = limit ?? Infinity;
        const buffer = Buffer.allocUnsafe(Math.min(max, stat.size));
        // A file that shrank since fstat ends at its end (a read of 0 bytes); one that grew is read
        // as far as fstat saw it.
        const readFrom = (at: number): void => {
          if (at >= buffer.length) return end(null, { bytes: buffer, whole: stat.size <= max });
          fs.read(fd, buffer, at, buffer.length - at, at, (readError, n) => {
            if (readError) return end(readError);
            if (n === 0) return end(null, { bytes: buffer.subarray(0, at), whole: true });
            readFrom(at + n);
          });
        };
        readFrom(0);
      });
    });
  });
};
