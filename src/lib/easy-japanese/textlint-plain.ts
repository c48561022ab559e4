/**
 * The project's own dictionary-free textlint rules for やさしい日本語 (plain-rules.ts as textlint
 * rules), which run in Node and in the CMS preview alike. Each reports the text to write instead
 * as its message; the Japanese explanation comes from messages.ts, so the wording is kept once.
 */
import type { TextlintRuleModule, TextlintRuleContext } from '@textlint/types';
import type { TxtNode } from '@textlint/ast-node-types';
import { findHardWords, findUnexplainedKatakana, findUnplainDates, type PlainFinding } from './plain-rules.ts';

function plainRule(find: (text: string) => PlainFinding[]): TextlintRuleModule {
  return (context: TextlintRuleContext) => ({
    [context.Syntax.Str](node: TxtNode) {
      const text = context.getSource(node);
      for (const f of find(text))
        context.report(
          node,
          new context.RuleError(f.suggestion, { padding: context.locator.range([f.index, f.index + f.found.length]) }),
        );
    },
  });
}

export const hardWordRule = plainRule(findHardWords);
export const katakanaRule = plainRule(findUnexplainedKatakana);
export const dateTimeRule = plainRule(findUnplainDates);
