/** The reader's ふりがな switch: a page that has it gets readings (src/middleware.ts). */
export const FURIGANA_SWITCH = 'data-pref="furigana"';
