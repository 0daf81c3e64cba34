/**
 * Node host only: extension.ts hands this reader to activateFeatures, web.ts does not (the web
 * bundle never reaches Node). It reads local files (`file:` URIs) directly, because workspace.fs
 * reads whole files only and the workspace scan wants no more than the first 64 KB of a Markdown
 * file that is not a role file. Only regular files are read: a FIFO or a device named `*.md` is
 * refused (opened without blocking, checked on the open descriptor) instead of blocking the host.
 */
import * as fs from 'fs';
import type { FileReader } from '../handbookWorkspace';

export const nodeFileReader: FileReader = async (uri, limit) => {
  if (uri.scheme !== 'file') return undefined;
  const handle = await fs.promises.open(uri.fsPath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error('not a regular file');
    if (limit === undefined) return { bytes: await handle.readFile(), whole: true };
    const buffer = Buffer.allocUnsafe(Math.min(limit, stat.size));
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: buffer.subarray(0, length), whole: stat.size <= limit };
  } finally {
    await handle.close();
  }
};
