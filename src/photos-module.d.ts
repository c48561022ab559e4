/** The pictures entry pages show, made by src/integrations/page-photos.ts. */
declare module 'virtual:tsunagari/photos' {
  /**
   * Media file name (salon.jpg for /uploads/salon.jpg) → the picture for astro:assets' <Picture>,
   * and its size in pixels, upright.
   */
  export const photos: Readonly<
    Record<string, { image: import('astro').ImageMetadata; width: number; height: number }>
  >;
}
