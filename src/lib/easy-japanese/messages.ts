/**
 * What each やさしい日本語 rule says to the writer, Japanese first: the rule's name, why the text
 * is hard (after 在留支援のためのやさしい日本語ガイドライン) and what to write instead. textlint's
 * own rules word their messages for programmers (「Line 3 sentence length(52) exceeds …」); the
 * writer reads these instead, with the rule id beside them so a finding can be looked up.
 */
import type { Bilingual } from '../../schemas/fields.ts';

/** Limits of the length rules, shared by the Node checker and the CMS preview. */
export const EASY_LIMITS = {
  /** Characters in one sentence, spaces between words not counted (分かち書き is encouraged). */
  sentence: 40,
  /** Kanji in a row: 防災訓練 (4) passes, 国民健康保険 (6) is pointed out. */
  kanjiRun: 4,
} as const;

export interface RuleText {
  /** Short Japanese name of the rule, as shown before the message. */
  name: string;
  message: Bilingual;
  /** What to write instead: from the rule's own message, or a fixed advice. */
  suggestion: (ruleMessage: string, fixText: string | undefined, found: string) => string;
}

/** The plain rules and keigo/passive report the replacement as their message (rules.ts). */
const reported = (ruleMessage: string) => ruleMessage;

const hiragana = (kind: string, en: string): RuleText => ({
  name: `ひらがなで書く${kind}`,
  message: { ja: `この${kind}は、ひらがなで書くほうが読みやすいです`, en: `write this ${en} in hiragana` },
  suggestion: (message, fix) => fix ?? /=>\s*"?([^"]+)"?/.exec(message)?.[1] ?? message,
});

export const RULE_TEXTS: Record<string, RuleText> = {
  'sentence-length': {
    name: '長い文',
    message: {
      ja: `文が長いです（${EASY_LIMITS.sentence}字まで）。1つの文で言うことは1つにしてください`,
      en: `sentence longer than ${EASY_LIMITS.sentence} characters; say one thing per sentence`,
    },
    suggestion: () => '文を2つ以上に分ける（「〜て、〜」「〜が、〜」で切る）',
  },
  'max-kanji-continuous-len': {
    name: '漢字が続く',
    message: {
      ja: `漢字が${EASY_LIMITS.kanjiRun + 1}字以上続いていて読めません`,
      en: `more than ${EASY_LIMITS.kanjiRun} kanji in a row`,
    },
    suggestion: (_m, _f, found) =>
      `「${found}」をことばに分けて、ひらがなを入れる（例: 外国人相談窓口 → がいこくじんの そうだん まどぐち）`,
  },
  'no-double-negative-ja': {
    name: '二重否定',
    message: { ja: '「〜ないことはない」のような二重否定はわかりにくいです', en: 'double negative' },
    suggestion: () => '肯定の形で書く（「〜ないことはない」→「〜です」）',
  },
  'ja-hiragana-keishikimeishi': hiragana('形式名詞', 'formal noun'),
  'ja-hiragana-fukushi': hiragana('副詞', 'adverb'),
  'ja-hiragana-hojodoushi': hiragana('補助動詞', 'auxiliary verb'),
  'ja-hiragana-daimeishi': hiragana('代名詞', 'pronoun'),
  'easy-ja/hard-word': {
    name: 'むずかしいことば',
    message: {
      ja: 'むずかしいことばです。やさしいことばにするか、（　）で説明してください',
      en: 'a hard word (project word list); use the easy word or explain it in brackets',
    },
    suggestion: reported,
  },
  'easy-ja/katakana': {
    name: '説明のないカタカナ語',
    message: {
      ja: '外来語（カタカナのことば）は、外国の人にもわかるとはかぎりません。ほかのことばにするか、すぐ後に（　）で説明してください',
      en: 'a katakana loanword without an explanation; replace it or explain it in brackets right after it',
    },
    suggestion: reported,
  },
  'easy-ja/date-time': {
    name: '日付・時間の書き方',
    message: {
      ja: '日付と時間は「2026年12月5日（土曜日）午後2時」のように書いてください',
      en: 'write dates and times out as 2026年12月5日（土曜日）午後2時',
    },
    suggestion: reported,
  },
  'easy-ja/keigo': {
    name: '敬語',
    message: {
      ja: '尊敬語・謙譲語はわかりにくいです。「です・ます」で書いてください',
      en: 'honorific or humble form; write plain です・ます',
    },
    suggestion: reported,
  },
  'easy-ja/passive': {
    name: '受け身・「れる・られる」',
    message: {
      ja: '「〜れる・〜られる」（受け身・尊敬・可能）はわかりにくいです',
      en: 'passive or potential 〜れる・〜られる; write who does what',
    },
    suggestion: reported,
  },
};

export interface EasyFinding {
  /** textlint rule id, e.g. sentence-length or easy-ja/hard-word. */
  rule: string;
  /** Japanese name of the rule. */
  name: string;
  /** 1-based line and column in the linted text. */
  line: number;
  column: number;
  /** The text found (shortened when long). */
  found: string;
  message: Bilingual;
  /** What to write instead, Japanese. */
  suggestion: string;
}

/** One finding as a line of the CMS preview or a test: 【漢字が続く】「国民健康保険」… → … */
export const describeFinding = (f: EasyFinding): string =>
  `【${f.name}】「${f.found}」 ${f.message.ja}。→ ${f.suggestion}（${f.rule}）`;

const shorten = (text: string) => {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  return oneLine.length > 24 ? `${oneLine.slice(0, 23)}…` : oneLine;
};

/** A textlint message turned into the writer's words; the rule's own text if it is not ours. */
export function toFinding(
  source: string,
  m: {
    ruleId: string;
    message: string;
    line: number;
    column: number;
    range: readonly [number, number];
    fix?: { text: string } | undefined;
  },
): EasyFinding {
  // Some rules mark one character (max-kanji-continuous-len, no-double-negative-ja) and name
  // what they found after a colon in their message: 「漢字が5つ以上連続しています: 国民健康保険」.
  const marked = source.slice(m.range[0], m.range[1]);
  // The ja-hiragana-* rules say 「…副詞: "敢えて" => "あえて"」.
  const named = /"([^"]+)"\s*=>/u.exec(m.message)?.[1] ?? /[:：]\s*(\S+)\s*$/u.exec(m.message)?.[1];
  const found = shorten(marked.length < 2 && named ? named : marked);
  const text = RULE_TEXTS[m.ruleId];
  if (!text)
    return {
      rule: m.ruleId,
      name: m.ruleId,
      line: m.line,
      column: m.column,
      found,
      message: { ja: m.message, en: m.message },
      suggestion: '',
    };
  return {
    rule: m.ruleId,
    name: text.name,
    line: m.line,
    column: m.column,
    found,
    message: text.message,
    suggestion: text.suggestion(m.message, m.fix?.text, found),
  };
}
