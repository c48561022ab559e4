/**
 * PNG encoding of resvg's pixels. resvg-js's own asPng() compresses with zlib's default level
 * and adaptive row filters: 16 ms for an A4 preview, close to the time it takes to render it. A
 * flyer is mostly flat colour, so unfiltered rows at zlib level 1 take 8 ms (pixels copied out
 * included) for a file within a few percent of the size.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

let scratch = Buffer.alloc(0);

/** An 8-bit RGBA PNG (non-premultiplied pixels, rows top to bottom). */
export function encodePng(width: number, height: number, rgba: Uint8Array, level = 1): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new Error(`expected ${stride * height} bytes of RGBA, got ${rgba.length}`);
  // Each row starts with its filter type; 0 = none.
  const size = (stride + 1) * height;
  // One scratch buffer per thread: a fresh 3–4 MB buffer per image made V8 collect garbage.
  if (scratch.length < size) scratch = Buffer.alloc(size);
  const raw = scratch.subarray(0, size);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
