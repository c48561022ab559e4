/**
 * Every やさしい日本語 rule, for Node (npm run check, the build, the dev server): the plain rules
 * and textlint's maintained Japanese rules that read kuromoji's dictionary — double negatives and
 * the words better written in hiragana (形式名詞, 副詞, 補助動詞, 代名詞) — with the project's
 * keigo and passive rules (textlint-morph.ts).
 */
import noDoubleNegativeJa from 'textlint-rule-no-double-negative-ja';
import jaHiraganaKeishikimeishi from 'textlint-rule-ja-hiragana-keishikimeishi';
import jaHiraganaFukushi from 'textlint-rule-ja-hiragana-fukushi';
import jaHiraganaHojodoushi from 'textlint-rule-ja-hiragana-hojodoushi';
import jaHiraganaDaimeishi from 'textlint-rule-ja-hiragana-daimeishi';
import { PLAIN_RULES, ruleOf, type EasyRule } from './lint.ts';
import { keigoRule, passiveRule } from './textlint-morph.ts';

export const ALL_RULES: EasyRule[] = [
  ...PLAIN_RULES,
  { ruleId: 'no-double-negative-ja', rule: ruleOf(noDoubleNegativeJa) },
  { ruleId: 'ja-hiragana-keishikimeishi', rule: ruleOf(jaHiraganaKeishikimeishi) },
  { ruleId: 'ja-hiragana-fukushi', rule: ruleOf(jaHiraganaFukushi) },
  { ruleId: 'ja-hiragana-hojodoushi', rule: ruleOf(jaHiraganaHojodoushi) },
  { ruleId: 'ja-hiragana-daimeishi', rule: ruleOf(jaHiraganaDaimeishi) },
  { ruleId: 'easy-ja/keigo', rule: keigoRule },
  { ruleId: 'easy-ja/passive', rule: passiveRule },
];
