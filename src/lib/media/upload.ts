/**
 * What the local CMS backend (scripts/cms-server.ts) refuses to write: an upload that is not a
 * picture the site can publish, or one aimed outside the media folder. The build would refuse
 * the same file (gate.ts); refusing it at upload keeps it out of the working tree altogether.
 */
import { formatProblem } from '../validation/messages.ts';
import { mediaFileProblem } from './gate.ts';
import { MEDIA_FOLDER } from './paths.ts';

interface Asset {
  path?: unknown;
  content?: unknown;
  encoding?: unknown;
}

/** A request body of Decap's local backend API (`POST /api/v1`). */
export interface UploadRequest {
  action?: unknown;
  params?: { asset?: Asset; assets?: Asset[] };
}

/** The message to answer with, or undefined when the request uploads nothing wrong. */
export function uploadRefusal(body: UploadRequest | undefined): string | undefined {
  const assets =
    body?.action === 'persistMedia'
      ? [body.params?.asset]
      : body?.action === 'persistEntry'
        ? (body.params?.assets ?? [])
        : [];
  for (const asset of assets) {
    if (!asset) continue;
    const path = typeof asset.path === 'string' ? asset.path : '';
    const name = path.startsWith(`${MEDIA_FOLDER}/`) ? path.slice(MEDIA_FOLDER.length + 1) : '';
    if (!name || name.includes('/') || name.startsWith('.'))
      return `アップロードは ${MEDIA_FOLDER}/ の中にだけ保存できます（${path}） / uploads go into ${MEDIA_FOLDER}/ only (${path})`;
    const bytes = Buffer.from(typeof asset.content === 'string' ? asset.content : '', 'base64');
    const problem = mediaFileProblem(name, bytes);
    if (problem) return formatProblem(problem);
  }
  return undefined;
}
