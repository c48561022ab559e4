/**
 * The flyer scripts' own reading of the content (scripts/flyers.ts, scripts/flyer-samples.ts,
 * scripts/newsletter-pages.ts): validated as the build validates it, and bad content stops them
 * with the same report the build gives. Apart from content.ts, which the validation reaches
 * through the flyers' text check: so no module imports the other back.
 */
import { formatReport } from '../lib/validation/messages.ts';
import { validateContent } from '../lib/validation/validate.ts';
import { flyerContent, SETTINGS_MISSING, type FlyerContent } from './content.ts';
import { flyerTranslations } from './translations.ts';

/** For the scripts: reads and validates the content, or exits with the build's report. */
export function loadFlyerContent(root: string): FlyerContent {
  const { entries, translations, problems } = validateContent(root);
  if (problems.length) {
    console.error(formatReport(problems));
    process.exit(1);
  }
  const content = flyerContent(entries, flyerTranslations(entries, translations));
  if (!content) {
    console.error(SETTINGS_MISSING);
    process.exit(1);
  }
  return content;
}
