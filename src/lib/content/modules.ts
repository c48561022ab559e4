/**
 * The modules src/content.config.ts is made of: the content types (src/schemas/) and the loader
 * (loader.ts). Astro reads the content config through Vite's module runner, which transforms
 * every project module it imports on every build — the schemas and the loader took ~0.2 s of a
 * warm build's start (more on a busy machine), for modules Node had already loaded for the
 * integration (astro.config.mjs is imported by Node itself). So a build hands Node's copies over
 * and the content config takes them; elsewhere (`astro dev`, where an edited schema must reach
 * the content layer through Vite, `astro sync`, `astro check`) it imports its own.
 *
 * This module imports nothing itself but types: what the runner transforms of it is this file.
 */
type ContentModules = {
  schemas: typeof import('../../schemas/index.ts');
  loader: typeof import('./loader.ts');
};

const HANDOVER = Symbol.for('tsunagari.content-modules');
const slot = globalThis as { [HANDOVER]?: ContentModules };

/** Called by the integration in a build, with the modules it loaded. */
export function handOverContentModules(modules: ContentModules): void {
  slot[HANDOVER] = modules;
}

/** The integration's modules when a build handed them over, the content config's own otherwise. */
export async function contentModules(): Promise<ContentModules> {
  const handedOver = slot[HANDOVER];
  if (handedOver) return handedOver;
  const [schemas, loader] = await Promise.all([import('../../schemas/index.ts'), import('./loader.ts')]);
  return { schemas, loader };
}
