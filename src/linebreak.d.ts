/** The Unicode line breaking algorithm (UAX #14) that Satori cuts its texts with (text-svg.ts). */
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    /** The next place a line may (or, if required, must) break, or null at the text's end. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
