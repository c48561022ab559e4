/**
 * The project's textlint rules for keigo and the passive. They read the words' parts of speech
 * from kuromoji (through kuromojin, as the maintained ja-hiragana-* rules do), since 「晴れます」
 * and 「読まれます」 end alike and only the dictionary tells a passive from a verb. Node only:
 * kuromoji's dictionary (18 MB) is not sent to a browser.
 */
import type { TextlintRuleModule, TextlintRuleContext } from '@textlint/types';
import type { TxtNode } from '@textlint/ast-node-types';
import { tokenize, type KuromojiToken } from 'kuromojin';

/**
 * Honorific and humble verbs (尊敬語・謙譲語) by dictionary form, with the plain verb to use.
 * Not くださる: 「〜て ください」 is how the guideline asks for things.
 */
const KEIGO_VERBS: Record<string, string> = {
  いらっしゃる: 'いる／くる／いく',
  おっしゃる: 'いう',
  召し上がる: 'たべる／のむ',
  なさる: 'する',
  ござる: 'ある／です',
  申す: 'いう',
  申し上げる: 'いう',
  参る: 'いく／くる',
  伺う: 'きく／いく',
  存じる: 'しる／おもう',
  致す: 'する',
  いたす: 'する',
  頂く: 'もらう／たべる',
  いただく: 'もらう',
  拝見: 'みる',
  越す: 'くる',
  お越し: 'くる',
};

/** 「お電話ください」「ご相談ください」: お・ご and a noun or verb stem, then ください or になる. */
const HONORIFIC_PREFIX = /[おご]([^\s、。！？「」（）]{1,5}?)(ください|下さい|になります|になる|になって)/gu;

export interface MorphFinding {
  index: number;
  length: number;
  suggestion: string;
}

/** Keigo in one string: honorific verbs from their dictionary form, and お・ご〜ください. */
export function findKeigo(text: string, tokens: readonly KuromojiToken[]): MorphFinding[] {
  const found: MorphFinding[] = [];
  for (const token of tokens) {
    const plain = KEIGO_VERBS[token.basic_form] ?? KEIGO_VERBS[token.surface_form];
    // ござる is also in です's polite row (でございます); 頂く as a verb of its own is keigo too.
    if (!plain || (token.pos !== '動詞' && token.pos !== '名詞')) continue;
    found.push({ index: token.word_position - 1, length: token.surface_form.length, suggestion: plain });
  }
  for (const m of text.matchAll(HONORIFIC_PREFIX)) {
    if (found.some((f) => f.index >= m.index && f.index < m.index + m[0].length)) continue;
    const stem = m[1] ?? '';
    found.push({ index: m.index, length: m[0].length, suggestion: `${stem} して ください` });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Passive and potential 「れる・られる」 (読まれる, 開かれます, 来られる): kuromoji tags the
 * suffix as 動詞・接尾 with dictionary form れる or られる; 晴れる or 入れる are verbs of their own.
 */
export function findPassive(tokens: readonly KuromojiToken[]): MorphFinding[] {
  const found: MorphFinding[] = [];
  tokens.forEach((token, i) => {
    if (token.pos !== '動詞' || token.pos_detail_1 !== '接尾') return;
    if (token.basic_form !== 'れる' && token.basic_form !== 'られる') return;
    const verb = tokens[i - 1];
    const start = (verb?.word_position ?? token.word_position) - 1;
    found.push({
      index: start,
      length: token.word_position - 1 + token.surface_form.length - start,
      suggestion: '「〜します」「〜ことが できます」',
    });
  });
  return found;
}

function morphRule(find: (text: string, tokens: readonly KuromojiToken[]) => MorphFinding[]): TextlintRuleModule {
  return (context: TextlintRuleContext) => ({
    async [context.Syntax.Str](node: TxtNode) {
      const text = context.getSource(node);
      const tokens = await tokenize(text);
      for (const f of find(text, tokens))
        context.report(
          node,
          new context.RuleError(f.suggestion, { padding: context.locator.range([f.index, f.index + f.length]) }),
        );
    },
  });
}

export const keigoRule = morphRule(findKeigo);
export const passiveRule = morphRule((_text, tokens) => findPassive(tokens));
