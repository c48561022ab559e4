/**
 * Pictures leave the media folder only through here: the build's dist/uploads/, the flyers
 * and the dev server all get a file that passed the gate and was re-encoded without metadata.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MEDIA_FOLDER, MEDIA_URL, formatOfName, imageSrcProblem, mediaNameOf, type RasterFormat } from './paths.ts';
import { mediaFileProblem, mediaReferences, type MediaEntry } from './gate.ts';
import { MediaError, sanitizeCached } from './sanitize.ts';

export { MediaError } from './sanitize.ts';

/**
 * The picture an image value points at, checked and re-encoded: in the format its name says,
 * or in `as` (flyers take JPEG or PNG). Throws MediaError, naming the file, if it cannot be used.
 * `key` is the hash of the file's bytes and the re-encoding: equal keys, equal pictures.
 */
export async function readMedia(
  root: string,
  src: string,
  as?: (format: RasterFormat) => RasterFormat,
): Promise<{ data: Buffer; format: RasterFormat; cached: boolean; key: string }> {
  const name = mediaNameOf(src);
  if (!name) throw new MediaError(src, imageSrcProblem(src) ?? { ja: '使えない画像です', en: 'unusable image' });
  const file = `${MEDIA_FOLDER}/${name}`;
  const path = join(root, MEDIA_FOLDER, name);
  if (!existsSync(path))
    throw new MediaError(
      file,
      {
        ja: `画像ファイル ${file} がありません。編集画面で写真をアップロードし直してください`,
        en: `${file} does not exist; upload the photo again in the CMS`,
      },
      true,
    );
  const bytes = readFileSync(path);
  const problem = mediaFileProblem(name, bytes);
  if (problem) throw new MediaError(problem.file, problem.message);
  const named = formatOfName(name)!;
  const format = as ? as(named) : named;
  const { data, cached, key } = await sanitizeCached(root, file, bytes, format);
  return { data, format, cached, key };
}

/**
 * The picture `<name>` of media/, checked and re-encoded without metadata (readMedia), as a file
 * in `<root>/.cache/photos/` for Astro's image pipeline to read (src/integrations/page-photos.ts):
 * its absolute path. Rewritten only when it changed, so the dev server does not see a change.
 */
export async function sanitizedCopy(root: string, name: string): Promise<string> {
  const { data } = await readMedia(root, `${MEDIA_URL}/${name}`);
  const path = join(root, '.cache', 'photos', name);
  if (!existsSync(path) || !readFileSync(path).equals(data)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
  return path;
}

/**
 * Writes the pictures Markdown bodies show (![説明](/uploads/x.jpg)) into `<outDir>/uploads/`,
 * re-encoded without metadata, since the body links to that address. Pictures in image fields are
 * not: pages show them through Astro's image pipeline, resized (photos.ts); the flyers read them
 * themselves (readMedia). Nothing else in media/ is published. Returns how many were written and
 * how many came from the cache.
 */
export async function publishMedia(
  root: string,
  outDir: string,
  entries: Map<string, MediaEntry[]>,
): Promise<{ written: number; cached: number }> {
  const names = new Set<string>();
  for (const ref of mediaReferences(entries)) {
    if (ref.field !== 'body') continue;
    const name = mediaNameOf(ref.src);
    if (name) names.add(name);
  }
  let cached = 0;
  for (const name of names) {
    const picture = await readMedia(root, `${MEDIA_URL}/${name}`);
    if (picture.cached) cached++;
    const target = join(outDir, MEDIA_URL.slice(1), name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, picture.data);
  }
  return { written: names.size, cached };
}
