/**
 * What the CMS asks before saving a report or newsletter whose body looks like it holds a
 * private person's data (src/lib/validation/privacy.ts) — the same findings `npm run check` and
 * the build warn about. Decap has no warn-only validation (a field `pattern` refuses the save
 * outright), so admin/privacy-notice.ts asks this question with confirm() in a preSave listener.
 */
import { t } from '../../i18n/japanese.ts';
import { PRIVACY_REASONS, findPrivateData, privacyAcknowledged } from '../validation/privacy.ts';

interface CmsCollection {
  name: string;
  fields?: readonly { name: string }[];
}

/**
 * The collections whose body is checked: those with the consent field (the schemas give it to
 * every type whose body says `checkPrivacy`, and only to those: tests/unit/privacy.test.ts).
 */
export const checkedCollections = (collections: readonly CmsCollection[]): Set<string> =>
  new Set(collections.filter((c) => c.fields?.some((f) => f.name === 'privacyConsent')).map((c) => c.name));

/** The question to ask before saving this entry, or undefined when there is nothing to ask. */
export function privacyQuestion(data: Record<string, unknown>): string | undefined {
  if (privacyAcknowledged(data) || typeof data['body'] !== 'string') return undefined;
  const findings = findPrivateData(data['body']);
  if (!findings.length) return undefined;
  // The first sentence of each reason says what it looks like (携帯電話の番号のようです).
  const found = findings.map((f) => `・${f.shown}（${PRIVACY_REASONS[f.kind].ja.split('。')[0] ?? ''}）`).join('\n');
  return t('admin.privacyConfirm', { found, count: findings.length });
}
