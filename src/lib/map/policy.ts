/**
 * The Content-Security-Policy of a page that may show a map: the site's own, widened to the tile
 * server's pictures only when the map is on and there is something to show (src/lib/seo/csp.ts).
 */
import { CONTENT_SECURITY_POLICY, mapContentSecurityPolicy } from '../seo/csp.ts';
import { tileOrigin } from './points.ts';
import type { MapSettings } from '../../schemas/map.ts';

export const mapPagePolicy = (settings: MapSettings, points: readonly unknown[]): string =>
  settings.enabled && points.length > 0
    ? mapContentSecurityPolicy(tileOrigin(settings.tiles))
    : CONTENT_SECURITY_POLICY;
