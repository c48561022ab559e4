/**
 * What the local CMS backend (scripts/cms-server.ts) refuses to write: an upload that is not a
 * picture the site can publish, or one aimed outside the media folder. The build would refuse
 * the same file (gate.ts); refusing it at upload keeps it out of the working tree altogether.
 */
import { formatProblem } from '../validation/messages.ts';
import { mediaFileProblem } from './gate.ts';
import { MEDIA_FOLDER } from './paths.ts';

/**
 * The largest upload the CMS takes: 10 MB. A phone photo at its usual 12 megapixels is 2–8 MB
 * and fits; a 48–200-megapixel "full resolution" one (12–30 MB) does not, and need not: the site
 * shows at most 1600 px and the flyer 2400 px. Every upload stays in the repository's history
 * forever, and Git hosts slow down or refuse large files (GitHub warns at 50 MB).
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

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
    const content = typeof asset.content === 'string' ? asset.content : '';
    const size = Buffer.byteLength(content, 'base64');
    if (size > MAX_UPLOAD_BYTES) {
      const mb = (size / 1024 / 1024).toFixed(1);
      const max = MAX_UPLOAD_BYTES / 1024 / 1024;
      return `${path}: ${mb} MB あり、大きすぎます。写真は ${max} MB までです。カメラの設定で写真のサイズを小さくするか、写真アプリで小さくしてからアップロードしてください / ${path} is ${mb} MB; photos can be at most ${max} MB: take it at a smaller size or shrink it before uploading`;
    }
    const bytes = Buffer.from(content, 'base64');
    const problem = mediaFileProblem(name, bytes);
    if (problem) return formatProblem(problem);
  }
  return undefined;
}
