/**
 * The folder a script writes into: `--out <dir>` as the shell gives it — relative to the
 * project (where npm runs scripts) or absolute — or the script's default. The value is taken
 * out of `args`, so what is left are the script's own arguments.
 */
import { resolve } from 'node:path';

export function outDirOption(args: string[], root: string, fallback: string): string {
  const i = args.indexOf('--out');
  if (i < 0) return resolve(root, fallback);
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--'))
    throw new Error(
      `--out のあとにフォルダーを書いてください（例: --out tmp/flyers） / --out needs a folder, e.g. --out tmp/flyers`,
    );
  args.splice(i, 2);
  return resolve(root, value);
}
