/**
 * The TrueType subsets PDFKit embeds, made faster and byte for byte the same.
 *
 * Every flyer, print choice, newsletter and 防災メモ PDF embeds a subset of each face it draws
 * with, and fontkit makes each subset from scratch: it decodes every glyph's outline again only
 * to learn whether it is a compound glyph, and encodes the font's hinting programs (`fpgm`,
 * `prep`, `cvt `, ~5 kB for BIZ UDPGothic) number by number, for every PDF. That was a tenth of a
 * flyer worker's CPU (13 of 103 s for the 1,000-entry bench town's 598 flyers and 1,794 print
 * choices). Here what does not change between PDFs is worked out once per face: each glyph's
 * bytes and metrics when first used, and the tables that are the same in every subset (taken
 * from fontkit's own encoding of a one-glyph subset, so they are fontkit's bytes).
 *
 * The file is what fontkit's `TTFSubset.encode()` writes (tests/unit/font-subset.test.ts
 * compares the two over many glyph sets): the same tables in the same order, a directory with
 * zero checksums, `loca` and `hmtx` built from the glyphs kept. Compound glyphs (their
 * components are renumbered and added) and fonts fontkit treats differently (CFF outlines,
 * variable fonts) keep fontkit's own code.
 */
import type * as fontkit from 'fontkit';

/** What fontkit's TTF subset object holds (fontkit's `TTFSubset`, not in its types). */
interface TtfSubset {
  font: TtfFont;
  glyphs: number[];
  mapping: Record<number, number>;
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  includeGlyph(glyph: number | { id: number }): number;
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

interface TtfGlyph {
  advanceWidth: number;
  _decode(): { numberOfContours: number } | null;
  _getMetrics(): { leftBearing: number };
}

interface TtfFont {
  directory: { tables: Record<string, unknown> };
  loca: { version: number; offsets: number[] };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  getGlyph(gid: number): TtfGlyph;
  createSubset(): TtfSubset;
}

/** A simple glyph as the subset copies it: its bytes in `glyf` and its horizontal metrics. */
interface KeptGlyph {
  bytes: Uint8Array;
  advance: number;
  bearing: number;
}

/** One table of the template subset: its tag and bytes. */
interface Table {
  tag: string;
  bytes: Uint8Array;
}

/** Where the glyph count sits in `maxp` and the metric count in `hhea` (uint16, big-endian). */
const MAXP_NUM_GLYPHS = 4;
const HHEA_NUMBER_OF_METRICS = 34;
const DIRECTORY_HEADER = 12;
const TABLE_ENTRY = 16;

/** The tables of a file fontkit wrote: its directory read back, each table's bytes. */
function tablesOf(file: Uint8Array): Table[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const count = view.getUint16(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const at = DIRECTORY_HEADER + i * TABLE_ENTRY;
    const tag = String.fromCharCode(file[at]!, file[at + 1]!, file[at + 2]!, file[at + 3]!);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    tables.push({ tag, bytes: file.slice(offset, offset + length) });
  }
  return tables;
}

/**
 * Makes `font`'s subsets the fast way (see above). Returns false, changing nothing, for a font
 * fontkit subsets otherwise (CFF outlines, variations), or whose one-glyph subset does not
 * read back as expected.
 */
export function useFastSubsets(font: fontkit.Font): boolean {
  const ttf = font as unknown as TtfFont;
  if (ttf.directory.tables['CFF '] || ttf.directory.tables['CFF2'] || ttf._variationProcessor) return false;
  const original = ttf.createSubset.bind(ttf);
  // fontkit's own file for the missing glyph alone: every table but loca, glyf and hmtx is
  // the same in every subset but for the two counts patched below.
  const template = tablesOf(original().encode());
  const expected = ['head', 'hhea', 'loca', 'maxp', 'glyf', 'hmtx'];
  if (!expected.every((tag) => template.some((t) => t.tag === tag))) return false;
  const kept = new Map<number, KeptGlyph | null>();
  /** The glyph's bytes and metrics, or null for a compound glyph (fontkit renumbers its parts). */
  const keptGlyph = (gid: number): KeptGlyph | null => {
    let glyph = kept.get(gid);
    if (glyph === undefined) {
      const g = ttf.getGlyph(gid);
      const decoded = g._decode();
      if (decoded && decoded.numberOfContours < 0) glyph = null;
      else {
        const start = ttf.loca.offsets[gid]!;
        const end = ttf.loca.offsets[gid + 1]!;
        const stream = ttf._getTableStream('glyf');
        stream.pos += start;
        glyph = {
          bytes: stream.readBuffer(end - start),
          advance: g.advanceWidth,
          bearing: g._getMetrics().leftBearing,
        };
      }
      kept.set(gid, glyph);
    }
    return glyph;
  };

  ttf.createSubset = () => {
    const subset = original();
    const addGlyph = subset._addGlyph.bind(subset);
    subset._addGlyph = (gid: number) => {
      const glyph = keptGlyph(gid);
      if (!glyph) return addGlyph(gid);
      subset.glyf.push(glyph.bytes);
      subset.loca.offsets.push(subset.offset);
      subset.hmtx.metrics.push({ advance: glyph.advance, bearing: glyph.bearing });
      subset.offset += glyph.bytes.length;
      return subset.glyf.length - 1;
    };
    subset.encode = () => encodeSubset(subset, template);
    return subset;
  };
  return true;
}

/** The subset's file: fontkit's `TTFSubset.encode()`, with the unchanging tables from `template`. */
function encodeSubset(subset: TtfSubset, template: readonly Table[]): Uint8Array {
  subset.glyf = [];
  subset.offset = 0;
  subset.loca = { offsets: [], version: subset.font.loca.version };
  subset.hmtx = { metrics: [], bearings: [] };
  // Not a for…of: adding a compound glyph adds its parts to the list as it goes.
  for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph(subset.glyphs[i]!);
  subset.loca.offsets.push(subset.offset);
  const glyphCount = subset.glyf.length;

  const tables = template.map(({ tag, bytes }): Table => {
    switch (tag) {
      case 'glyf': {
        const out = new Uint8Array(subset.offset);
        let at = 0;
        for (const g of subset.glyf) {
          out.set(g, at);
          at += g.length;
        }
        return { tag, bytes: out };
      }
      case 'loca': {
        const short = subset.loca.version === 0;
        const { offsets } = subset.loca;
        const out = new Uint8Array(offsets.length * (short ? 2 : 4));
        const view = new DataView(out.buffer);
        offsets.forEach((offset, i) => (short ? view.setUint16(i * 2, offset >>> 1) : view.setUint32(i * 4, offset)));
        return { tag, bytes: out };
      }
      case 'hmtx': {
        const { metrics } = subset.hmtx;
        const out = new Uint8Array(metrics.length * 4);
        const view = new DataView(out.buffer);
        metrics.forEach(({ advance, bearing }, i) => {
          view.setUint16(i * 4, advance);
          view.setInt16(i * 4 + 2, bearing);
        });
        return { tag, bytes: out };
      }
      case 'maxp':
        return { tag, bytes: withUint16(bytes, MAXP_NUM_GLYPHS, glyphCount) };
      case 'hhea':
        return { tag, bytes: withUint16(bytes, HHEA_NUMBER_OF_METRICS, glyphCount) };
      default:
        return { tag, bytes };
    }
  });

  // The directory as fontkit writes it: 'true', the binary-search fields, zero checksums, and
  // the tables one after the other in the same order, unpadded.
  const count = tables.length;
  const headerLength = DIRECTORY_HEADER + count * TABLE_ENTRY;
  const file = new Uint8Array(headerLength + tables.reduce((sum, t) => sum + t.bytes.length, 0));
  const view = new DataView(file.buffer);
  file.set([0x74, 0x72, 0x75, 0x65], 0);
  const power = 2 ** Math.floor(Math.log2(count));
  view.setUint16(4, count);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, count * 16 - power * 16);
  let offset = headerLength;
  tables.forEach(({ tag, bytes }, i) => {
    const at = DIRECTORY_HEADER + i * TABLE_ENTRY;
    for (let c = 0; c < 4; c++) file[at + c] = tag.charCodeAt(c);
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, bytes.length);
    file.set(bytes, offset);
    offset += bytes.length;
  });
  return file;
}

function withUint16(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setUint16(at, value);
  return out;
}
