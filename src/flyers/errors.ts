/**
 * The flyer step's own error, apart from the renderer so that code which only plans flyers (the
 * build's flyers integration, loaded into Astro's module graph) can name it without importing
 * Satori and resvg, which Vite cannot bundle.
 */

/** A flyer that cannot be printed as written; the message says which text and how to fix it. */
export class FlyerTextError extends Error {}
