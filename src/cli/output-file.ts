// The file a command writes with --out: its folder is checked before the work starts (a missing folder is said at once,
// not after a long replay), and a failed write is a Vigil error naming the path, never an internal error.
import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { vigilError } from '../errors/index.js';

/** Throws VIGIL_FILE_NOT_WRITABLE unless `path` can be written (its folder exists and is writable; it is no folder). */
export function checkOutFile(path: string, flag = '--out'): void {
  const folder = dirname(resolve(path));
  let problem: string | undefined;
  try {
    if (!statSync(folder).isDirectory()) problem = `${folder} is not a folder`;
    else accessSync(folder, constants.W_OK);
  } catch (cause) {
    problem =
      (cause as NodeJS.ErrnoException).code === 'ENOENT'
        ? `folder ${folder} does not exist`
        : `${folder} is not writable`;
  }
  if (problem === undefined) {
    try {
      if (statSync(path).isDirectory()) problem = `${path} is a folder`;
    } catch {
      // Not there yet: it will be created.
    }
  }
  if (problem !== undefined) throw vigilError('VIGIL_FILE_NOT_WRITABLE', `${flag} ${path}: cannot write (${problem})`);
}

/** Writes `content` to `path`, turning a file-system error into VIGIL_FILE_NOT_WRITABLE naming the path. */
export function writeOutFile(path: string, content: string | Uint8Array, flag = '--out'): void {
  checkOutFile(path, flag);
  try {
    writeFileSync(path, content);
  } catch (cause) {
    throw vigilError(
      'VIGIL_FILE_NOT_WRITABLE',
      `${flag} ${path}: cannot write (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`,
      { cause },
    );
  }
}
