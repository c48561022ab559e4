/**
 * The gate between the media folder and the site. Every file in media/ must be a JPEG, PNG,
 * WebP or AVIF picture by its bytes (an SVG or HTML page there could run script on the
 * site's own address once published); every picture content points at must be there. Only the
 * pictures entries use are published (publish.ts), so a photo no entry uses stays private.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contentTypes } from '../../schemas/index.ts';
import type { ContentType } from '../../schemas/define.ts';
import { describeFields, type FieldInfo } from '../schema/walk.ts';
import type { ContentProblem } from '../validation/messages.ts';
import { MEDIA_FOLDER, MEDIA_URL, formatOfName, imageSrcProblem, mediaNameOf } from './paths.ts';
import { sniffImage } from './sniff.ts';

/** One place content points at a picture. */
export interface MediaReference {
  /** The content file, from the project root. */
  file: string;
  /** Dotted field path with 1-based list positions, as in validation messages. */
  field: string;
  label: string;
  /** The value as written, e.g. /uploads/salon.jpg. */
  src: string;
}

/** Entries as the validator returns them: the file, its parsed front matter and body. */
export interface MediaEntry {
  file: string;
  parsed: Record<string, unknown>;
  body: string;
}

const FORMAT_NAMES = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', avif: 'AVIF' } as const;

const fieldCache = new Map<ContentType, FieldInfo[]>();
const fieldsOf = (type: ContentType) => {
  let fields = fieldCache.get(type);
  if (!fields) fieldCache.set(type, (fields = describeFields(type.schema)));
  return fields;
};

function* imageFieldsIn(
  fields: FieldInfo[],
  data: unknown,
  path: string,
): Generator<{ field: string; label: string; src: string }> {
  if (data === null || typeof data !== 'object') return;
  for (const field of fields) {
    const value = (data as Record<string, unknown>)[field.name];
    if (value === undefined || value === null) continue;
    const here = path ? `${path}.${field.name}` : field.name;
    if (field.meta.widget === 'image' && typeof value === 'string' && value !== '')
      yield { field: here, label: field.meta.label ?? field.name, src: value };
    else if (field.kind === 'object' && field.fields) yield* imageFieldsIn(field.fields, value, here);
    else if (field.kind === 'array' && field.element?.fields && Array.isArray(value))
      for (const [i, item] of value.entries()) yield* imageFieldsIn(field.element.fields, item, `${here}[${i + 1}]`);
  }
}

/** Pictures a Markdown body shows: ![alt](/uploads/x.jpg) and [ref]: /uploads/x.jpg. */
const BODY_IMAGE_RE = new RegExp(
  String.raw`(?:!\[[^\]]*\]\(\s*<?|^ {0,3}\[[^\]]+\]:\s*<?)(${MEDIA_URL}/[^\s)>]+)`,
  'gm',
);

/** Every picture the given entries point at, in image fields and in their bodies. */
export function mediaReferences(entries: Map<string, MediaEntry[]>): MediaReference[] {
  const references: MediaReference[] = [];
  for (const type of contentTypes) {
    for (const entry of entries.get(type.name) ?? []) {
      for (const found of imageFieldsIn(fieldsOf(type), entry.parsed, ''))
        references.push({ file: entry.file, ...found });
      for (const match of entry.body.matchAll(BODY_IMAGE_RE))
        references.push({ file: entry.file, field: 'body', label: type.body?.label ?? 'body', src: match[1]! });
    }
  }
  return references;
}

/** Files under media/ by their path inside it, subfolders included; dotfiles (.DS_Store) are never published. */
export function mediaFiles(root: string): string[] {
  const base = join(root, MEDIA_FOLDER);
  if (!existsSync(base)) return [];
  const walk = (dir: string, prefix: string): string[] =>
    readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .sort()
      .flatMap((name) =>
        statSync(join(dir, name)).isDirectory() ? walk(join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`],
      );
  return walk(base, '');
}

/** Pictures in media/ that content could show: right at its top, named and made as a photo. */
export function usablePictures(root: string): string[] {
  return mediaFiles(root).filter(
    (name) =>
      mediaNameOf(`${MEDIA_URL}/${name}`) !== undefined &&
      !mediaFileProblem(name, readFileSync(join(root, MEDIA_FOLDER, name))),
  );
}

/** Why one file in media/ cannot be published, or undefined if it is a picture the site can use. */
export function mediaFileProblem(name: string, bytes: Uint8Array): ContentProblem | undefined {
  const file = `${MEDIA_FOLDER}/${name}`;
  const named = formatOfName(name);
  const sniffed = sniffImage(bytes);
  const remove = {
    ja: '編集画面の上の「メディア」でこのファイルを選んで「削除する」を押すか、JPEG・PNG・WebP・AVIF の写真に置き換えてください',
    en: 'delete it in the CMS (メディア, select it, 削除する) or replace it with a JPEG, PNG, WebP or AVIF photo',
  };
  if (sniffed.kind === 'other') {
    const script = /SVG|HTML|XML/.test(sniffed.what.ja);
    return {
      file,
      message: {
        ja: `${named ? `名前は画像ですが、中身は` : 'このファイルは'}${sniffed.what.ja}です。サイトに載せられるのは JPEG・PNG・WebP・AVIF の写真だけです${script ? '（SVGやHTMLはサイトの中でプログラムを動かせるため使えません）' : ''}。${remove.ja}`,
        en: `${named ? 'named like a picture, but this is' : 'this is'} ${sniffed.what.en}; only JPEG, PNG, WebP and AVIF photos can be published${script ? ' (SVG and HTML can run script on the site)' : ''}; ${remove.en}`,
      },
    };
  }
  const format = FORMAT_NAMES[sniffed.format];
  if (sniffed.kind === 'damaged')
    return {
      file,
      message: {
        ja: `${format}の写真のようですが、途中で切れているか壊れていて読めません。元の写真からアップロードし直してください`,
        en: `looks like a ${format} photo but is truncated or damaged; upload the original photo again`,
      },
    };
  if (!named)
    return {
      file,
      message: {
        ja: `${format}の写真ですが、ファイル名の終わりが .jpg・.png・.webp・.avif ではありません。名前の終わりを .${sniffed.format === 'jpeg' ? 'jpg' : sniffed.format} にしてください`,
        en: `a ${format} photo whose name does not end in .jpg, .png, .webp or .avif; rename it to end in .${sniffed.format === 'jpeg' ? 'jpg' : sniffed.format}`,
      },
    };
  return undefined;
}

/**
 * Problems of the media folder and of the pictures content points at: each file that is not a
 * usable picture, each image value outside the media folder, each picture that is missing.
 */
export function mediaProblems(root: string, entries: Map<string, MediaEntry[]>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // Before media/ existed, uploads sat in public/uploads/, which Astro publishes as they are.
  const old = join(root, 'public', 'uploads');
  if (existsSync(old) && readdirSync(old).length)
    problems.push({
      file: 'public/uploads',
      message: {
        ja: `アップロードした画像の置き場所が ${MEDIA_FOLDER}/ に変わりました。public/uploads/ の中のファイルを ${MEDIA_FOLDER}/ に移し、public/uploads/ を消してください（public/ の中身は確かめずにそのまま公開されるため）`,
        en: `uploads now live in ${MEDIA_FOLDER}/; move the files of public/uploads/ there and delete public/uploads/ (everything in public/ is published unchecked)`,
      },
    });
  const present = new Set<string>();
  for (const name of mediaFiles(root)) {
    present.add(name);
    const problem = mediaFileProblem(name, readFileSync(join(root, MEDIA_FOLDER, name)));
    if (problem) problems.push(problem);
  }
  for (const ref of mediaReferences(entries)) {
    const where = { file: ref.file, field: ref.field, label: ref.label, value: ref.src };
    const refused = imageSrcProblem(ref.src);
    if (refused) {
      problems.push({ ...where, message: refused });
      continue;
    }
    const name = mediaNameOf(ref.src)!;
    if (!present.has(name))
      problems.push({
        ...where,
        message: {
          ja: `画像ファイル ${MEDIA_FOLDER}/${name} がありません。編集画面で写真をアップロードし直すか、ファイル名を確かめてください`,
          en: `${MEDIA_FOLDER}/${name} does not exist; upload the photo again in the CMS or check the file name`,
        },
      });
  }
  return problems;
}
