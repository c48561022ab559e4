/**
 * The flyer templates as data: the sizes and the colours of each. A template is a row here;
 * the blocks, the sheet and the renderer read its properties and never its name.
 */
import type { FlyerTemplate, FlyerTheme } from '../../schemas/flyer.ts';

export interface Palette {
  /** Fills with white text on top: header band, labels. At least 4.5:1 against white. */
  main: string;
  /** Text in the theme's colour on white or tint. */
  dark: string;
  /** Light backgrounds. */
  tint: string;
  ink: string;
  muted: string;
  stamp: string;
}

export const PALETTES: Record<FlyerTheme, Palette> = {
  green: { main: '#2e7d32', dark: '#1b5e20', tint: '#e8f5e9', ink: '#1a1a1a', muted: '#4a4a4a', stamp: '#c62828' },
  orange: { main: '#b84a00', dark: '#7a3000', tint: '#fff0e0', ink: '#1a1a1a', muted: '#4a4a4a', stamp: '#c62828' },
  blue: { main: '#1f5fa8', dark: '#123f73', tint: '#e6f0fb', ink: '#1a1a1a', muted: '#4a4a4a', stamp: '#c62828' },
  pink: { main: '#b5175a', dark: '#7d0f3e', tint: '#fde8f0', ink: '#1a1a1a', muted: '#4a4a4a', stamp: '#1a1a1a' },
  purple: { main: '#6a3d9a', dark: '#472668', tint: '#f1e8fa', ink: '#1a1a1a', muted: '#4a4a4a', stamp: '#c62828' },
  brown: { main: '#7a4e2d', dark: '#553519', tint: '#f6ede4', ink: '#1a1a1a', muted: '#4a4a4a', stamp: '#c62828' },
};
/** Black only: prints the same on a home printer and through a photocopier. */
export const MONO: Palette = { main: '#000', dark: '#000', tint: '#fff', ink: '#000', muted: '#000', stamp: '#000' };

/**
 * Sizes in px of the layout canvas (paper.ts: one px per PDF point, A4 595×842); the body is
 * scaled within minScale…maxScale from these to fit.
 */
export interface Spec {
  margin: number;
  headline: number;
  title: { size: number; min: number; lines: number };
  catchCopy: number;
  when: number;
  next: number;
  point: number;
  maxPoints: number;
  label: number;
  labelWidth: number;
  value: number;
  note: number;
  gap: number;
  qr: number;
  /**
   * Large print: the body is never set smaller than the colour poster of the same entry
   * (its catch copy and date line at least as large); points, then the photo and, last, the
   * catch copy make way first.
   */
  atLeastPoster?: boolean;
  /** Smallest body scale before the layout gives up and warns. */
  minScale: number;
  /** Largest body scale: short notices grow to fill the sheet instead of leaving it half empty. */
  maxScale: number;
  /** Colour fills (header band, label cells, tinted boxes) in the theme; else black lines on white. */
  filled: boolean;
  /** Prints the entry's photo: not in black and white, where a photocopied photo turns to grey. */
  photo: boolean;
}

export const SPECS: Record<FlyerTemplate, Spec> = {
  poster: {
    margin: 32,
    headline: 16,
    title: { size: 40, min: 24, lines: 3 },
    catchCopy: 19,
    when: 22,
    next: 15,
    point: 15,
    maxPoints: 4,
    label: 13,
    labelWidth: 86,
    value: 14,
    note: 12,
    gap: 16,
    qr: 92,
    minScale: 0.72,
    maxScale: 1.16,
    filled: true,
    photo: true,
  },
  bw: {
    margin: 32,
    headline: 16,
    title: { size: 40, min: 24, lines: 3 },
    catchCopy: 18,
    when: 22,
    next: 15,
    point: 15,
    maxPoints: 4,
    label: 13,
    labelWidth: 86,
    value: 14,
    note: 12,
    gap: 15,
    qr: 92,
    minScale: 0.72,
    maxScale: 1.16,
    filled: false,
    photo: false,
  },
  large: {
    margin: 28,
    headline: 20,
    title: { size: 46, min: 32, lines: 3 },
    catchCopy: 24,
    when: 30,
    next: 21,
    point: 20,
    maxPoints: 2,
    label: 17,
    labelWidth: 112,
    value: 21,
    note: 17,
    gap: 16,
    qr: 96,
    atLeastPoster: true,
    minScale: 0.76,
    maxScale: 1.3,
    filled: true,
    photo: true,
  },
};

/** The colours a template prints in: the entry's theme, or black only. */
export const paletteOf = (spec: Spec, theme: FlyerTheme): Palette => (spec.filled ? PALETTES[theme] : MONO);
