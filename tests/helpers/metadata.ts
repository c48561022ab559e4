/**
 * Reads back the metadata of a published picture with exifr, a parser independent of sharp
 * (which wrote it): every block exifr knows (EXIF, GPS, XMP, IPTC, ICC, maker notes, comments),
 * but not a PNG's IHDR or a JPEG's JFIF header, which are image structure, not metadata.
 * Undefined when there is none.
 */
import exifr from 'exifr';

export const metadataOf = (image: Buffer | string) =>
  exifr.parse(image, {
    tiff: true,
    xmp: true,
    iptc: true,
    icc: true,
    jfif: false,
    ihdr: false,
    makerNote: true,
    userComment: true,
  });
