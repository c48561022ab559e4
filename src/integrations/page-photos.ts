/**
 * `virtual:tsunagari/photos`: the pictures entry pages show, as Astro image imports, so that
 * <Picture> (src/components/Photos.astro) resizes them with sharp into dist/_astro/. Each is
 * imported from its copy in .cache/photos/, which src/lib/media/ already checked and re-encoded
 * without metadata, upright — never from media/ — so even the full-size file Astro emits to
 * resize from (and deletes afterwards) carries no GPS position.
 *
 * The build imports only the pictures pages show (src/lib/media/photos.ts shownPictures): an
 * imported picture is emitted, so a photo no page shows must not be imported. The dev server
 * imports every usable picture in media/ and forgets the module when media/ changes, so a photo
 * just uploaded in the CMS shows on the page as soon as the entry is saved.
 */
import { join, sep } from 'node:path';
import sharp from 'sharp';
import type { Plugin, ViteDevServer } from 'vite';
import { MEDIA_FOLDER } from '../lib/media/paths.ts';
import { MediaError, sanitizedCopy } from '../lib/media/publish.ts';

export const PHOTOS_MODULE = 'virtual:tsunagari/photos';
const RESOLVED = `\0${PHOTOS_MODULE}`;

/**
 * @param names the media file names to import, asked each time the module is made.
 * @param dev under the dev server a picture sharp cannot read is left out (with a warning)
 *   rather than breaking every page; the build stops with its message instead.
 */
export function pagePhotos(root: string, names: () => Iterable<string>, dev = false): Plugin {
  const media = join(root, MEDIA_FOLDER) + sep;
  const forget = (server: ViteDevServer) => (file: string) => {
    if (!file.startsWith(media)) return;
    for (const environment of Object.values(server.environments)) {
      const module = environment.moduleGraph.getModuleById(RESOLVED);
      if (module) environment.moduleGraph.invalidateModule(module);
    }
  };
  return {
    name: 'tsunagari:photos',
    resolveId: (id) => (id === PHOTOS_MODULE ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const imports: string[] = [];
      const keys: string[] = [];
      for (const [i, name] of [...names()].sort().entries()) {
        let path: string;
        try {
          path = await sanitizedCopy(root, name);
        } catch (error) {
          if (!dev || !(error instanceof MediaError)) throw error;
          this.warn(error.message);
          continue;
        }
        // Its size is read here: reading it from Astro's import would make Astro keep the
        // full-size file in dist/ beside the resized ones (it keeps what code reads).
        const { width, height } = await sharp(path).metadata();
        imports.push(`import p${i} from ${JSON.stringify(path)};`);
        keys.push(`${JSON.stringify(name)}: { image: p${i}, width: ${width}, height: ${height} }`);
      }
      return `${imports.join('\n')}\nexport const photos = { ${keys.join(', ')} };\n`;
    },
    configureServer(server) {
      server.watcher.add(media);
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, forget(server));
    },
  };
}
