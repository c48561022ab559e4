// Shared with the scripts, which may not import from tests/.
export { CHROMIUM, launchChromium } from '../../../scripts/lib/chromium.ts';
