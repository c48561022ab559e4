/*
 * textlint's Japanese rule packages ship no types. Each is a CommonJS rule module; lint.ts's
 * ruleOf() takes its rule from whichever shape the importer (Node or Vite) hands over.
 */
declare module 'textlint-rule-sentence-length' {
  const rule: unknown;
  export default rule;
}
declare module 'textlint-rule-max-kanji-continuous-len' {
  const rule: unknown;
  export default rule;
}
declare module 'textlint-rule-no-double-negative-ja' {
  const rule: unknown;
  export default rule;
}
declare module 'textlint-rule-ja-hiragana-keishikimeishi' {
  const rule: unknown;
  export default rule;
}
declare module 'textlint-rule-ja-hiragana-fukushi' {
  const rule: unknown;
  export default rule;
}
declare module 'textlint-rule-ja-hiragana-hojodoushi' {
  const rule: unknown;
  export default rule;
}
declare module 'textlint-rule-ja-hiragana-daimeishi' {
  const rule: unknown;
  export default rule;
}
