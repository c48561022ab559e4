/**
 * The Japanese translation function alone, for code that only ever speaks Japanese: the CMS
 * (admin/ and src/lib/cms/: volunteers edit in Japanese), content validation's messages and
 * the schemas. Through index.ts the CMS page's script brought every language's dictionary
 * along, which the site's pages need and the CMS never shows: 370 kB of its script (103 kB
 * gzipped) on a volunteer's phone. index.ts gives this same function as its `t`.
 */
import { ja } from './ja.ts';
import { translator } from './translator.ts';

export const t = translator('ja', ja, 'ja', false);
export type { T } from './translator.ts';
