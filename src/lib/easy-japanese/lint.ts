/**
 * Lints やさしい日本語 with textlint's kernel: Markdown (a body, or a whole file with its front
 * matter, which the Markdown plugin leaves alone) or plain text (one field's value). The rules are
 * passed in: PLAIN_RULES need no dictionary; node-rules.ts adds those that read kuromoji's. Every
 * finding comes back in the writer's words (messages.ts). Node only: the kernel requires Node's
 * assert, so the CMS preview runs the same checks from plain-rules.ts instead (draft.ts).
 */
import { TextlintKernel, type TextlintKernelRule } from '@textlint/kernel';
import markdownPlugin from '@textlint/textlint-plugin-markdown';
import textPlugin from '@textlint/textlint-plugin-text';
import sentenceLength from 'textlint-rule-sentence-length';
import maxKanjiContinuousLen from 'textlint-rule-max-kanji-continuous-len';
import { dateTimeRule, hardWordRule, katakanaRule } from './textlint-plain.ts';
import { EASY_LIMITS, toFinding, type EasyFinding } from './messages.ts';

export type EasyRule = TextlintKernelRule;

/**
 * A rule package's rule. They are CommonJS with `exports.default`: Node's import hands over the
 * whole exports object, Vite's bundle the default itself.
 */
export const ruleOf = (module: unknown): EasyRule['rule'] => {
  const m = module as { default?: unknown; linter?: unknown };
  return (typeof m === 'function' || m.linter ? m : m.default) as EasyRule['rule'];
};

/** The rules that need no dictionary; the CMS preview runs the same checks (draft.ts). */
export const PLAIN_RULES: EasyRule[] = [
  {
    ruleId: 'sentence-length',
    rule: ruleOf(sentenceLength),
    // Spaces between words (分かち書き) help the reader; they do not make a sentence longer.
    options: { max: EASY_LIMITS.sentence, skipPatterns: ['/[ 　]+/g'] },
  },
  { ruleId: 'max-kanji-continuous-len', rule: ruleOf(maxKanjiContinuousLen), options: { max: EASY_LIMITS.kanjiRun } },
  { ruleId: 'easy-ja/hard-word', rule: hardWordRule },
  { ruleId: 'easy-ja/katakana', rule: katakanaRule },
  { ruleId: 'easy-ja/date-time', rule: dateTimeRule },
];

const kernel = new TextlintKernel();
/** The plugins are CommonJS too: the object with Processor, under `default` in Node. */
const pluginOf = (module: unknown) => {
  const m = module as { Processor?: unknown; default?: unknown };
  return (m.Processor ? m : m.default) as typeof markdownPlugin;
};
const plugins = [
  { pluginId: 'markdown', plugin: pluginOf(markdownPlugin) },
  { pluginId: 'text', plugin: pluginOf(textPlugin) },
];

/** The findings in one text, in order of place. */
export async function lintEasyJapanese(
  text: string,
  rules: readonly EasyRule[],
  format: 'markdown' | 'text' = 'markdown',
): Promise<EasyFinding[]> {
  const result = await kernel.lintText(text, {
    ext: format === 'markdown' ? '.md' : '.txt',
    plugins,
    rules: [...rules],
  });
  return result.messages.map((m) => toFinding(text, m)).sort((a, b) => a.line - b.line || a.column - b.column);
}
