// Shared with the scripts, which may not import from tests/.
export { serveDirectory } from '../../../scripts/lib/serve.ts';
