/**
 * What a language's dictionary must hold (src/i18n/locales/<code>.ts): every key residents read,
 * so a language that lacks one, or has one Japanese no longer has, does not compile. The CMS's
 * own strings (admin.*, gitHost.*) stay Japanese: volunteers edit in Japanese.
 */
import type { UIKey } from './ja.ts';

export type ResidentKey = Exclude<UIKey, `admin.${string}` | `gitHost.${string}`>;

/** A language's interface: `{name}` placeholders as in the Japanese, filled in by t(). */
export type Dictionary = Record<ResidentKey, string>;
