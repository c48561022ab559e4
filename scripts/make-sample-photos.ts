/**
 * `node scripts/make-sample-photos.ts`: draws the sample reports' photos into media/ — scenes
 * made here as SVG and rendered by sharp, so the sample town needs no downloaded picture and no
 * photo of a real person. Each is a 1600×1200 JPEG as a phone would take it (4:3), and one, the
 * origami table of the ひだまり salon, carries what a phone writes into a photo: its maker and
 * model, the time and the GPS position (a made-up spot in Tokyo Bay). The build must publish
 * none of that (tests/e2e/photos.test.ts). Running it again writes the same files.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const W = 1600;
const H = 1200;

/** A person seen from behind or the side, sitting: hair, head and shoulders. */
const person = (x: number, y: number, scale: number, hair: string, shirt: string) => `
  <g transform="translate(${x} ${y}) scale(${scale})">
    <path d="M-95 200 Q-100 60 0 55 Q100 60 95 200 Z" fill="${shirt}"/>
    <circle cx="0" cy="0" r="52" fill="#f1c9a5"/>
    <path d="M-54 -4 Q-56 -62 0 -62 Q56 -62 54 -4 Q40 -34 0 -36 Q-40 -34 -54 -4 Z" fill="${hair}"/>
  </g>`;

/** A tea cup (湯のみ) at its base centre. */
const cup = (x: number, y: number) => `
  <g transform="translate(${x} ${y})">
    <ellipse cx="0" cy="0" rx="34" ry="10" fill="#00000022"/>
    <path d="M-30 -62 L-24 -4 Q0 6 24 -4 L30 -62 Z" fill="#e9e2cf" stroke="#9a8f78" stroke-width="3"/>
    <ellipse cx="0" cy="-62" rx="30" ry="9" fill="#7c9a4a"/>
  </g>`;

/** An origami sheep: a cloud of folded white, a dark face and legs. */
const sheep = (x: number, y: number, scale: number) => `
  <g transform="translate(${x} ${y}) scale(${scale})">
    <polygon points="-70,0 -40,-50 10,-62 60,-40 80,0 50,30 -40,30" fill="#fbfaf4" stroke="#c9c3b5" stroke-width="3"/>
    <polygon points="-40,-50 10,-62 -10,-10" fill="#ecebe3"/>
    <polygon points="60,-40 110,-30 100,10 70,8" fill="#4a4038"/>
    <rect x="-45" y="28" width="12" height="30" fill="#4a4038"/><rect x="30" y="28" width="12" height="30" fill="#4a4038"/>
    <circle cx="94" cy="-14" r="4" fill="#fff"/>
  </g>`;

/** A sheet of origami paper lying on the table. */
const paper = (x: number, y: number, angle: number, colour: string) =>
  `<rect x="${x}" y="${y}" width="110" height="110" fill="${colour}" transform="rotate(${angle} ${x + 55} ${y + 55})"/>`;

/** A 和室: tatami floor with its edges, a shoji wall. */
const washitsu = `
  <rect width="${W}" height="520" fill="#efe6cf"/>
  ${[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `<rect x="${i * 200 + 8}" y="20" width="184" height="470" fill="#fbf6e8" stroke="#b9a88a" stroke-width="6"/>`).join('')}
  ${[1, 2, 3].map((j) => `<line x1="0" y1="${20 + j * 118}" x2="${W}" y2="${20 + j * 118}" stroke="#cbbd9f" stroke-width="4"/>`).join('')}
  <rect y="500" width="${W}" height="${H - 500}" fill="#c9c58a"/>
  ${[0, 1, 2, 3].map((i) => `<rect x="${i * 400}" y="500" width="400" height="${H - 500}" fill="none" stroke="#3f5a3a" stroke-width="10"/>`).join('')}`;

const origami = `
  ${washitsu}
  <rect x="150" y="560" width="1300" height="560" rx="18" fill="#8a5a36"/>
  <rect x="150" y="560" width="1300" height="560" rx="18" fill="url(#grain)"/>
  ${paper(260, 640, -12, '#e25d4f')}${paper(1180, 900, 18, '#f2c14e')}${paper(330, 920, 8, '#4f8fd6')}${paper(1220, 640, -25, '#7cc08b')}
  ${sheep(640, 800, 1.6)}${sheep(980, 760, 1.2)}${sheep(840, 1000, 1.0)}
  ${cup(1330, 1080)}${cup(240, 1100)}
  ${person(300, 420, 1.3, '#d9d9d9', '#7a6a9a')}${person(800, 380, 1.2, '#bfbfbf', '#c77b5a')}${person(1300, 420, 1.3, '#555', '#5a8a7a')}`;

const tea = `
  ${washitsu}
  <rect x="250" y="620" width="1100" height="420" rx="18" fill="#8a5a36"/>
  <rect x="250" y="620" width="1100" height="420" rx="18" fill="url(#grain)"/>
  <g transform="translate(800 830)">
    <ellipse cx="0" cy="40" rx="120" ry="30" fill="#00000022"/>
    <path d="M-100 40 Q-120 -70 0 -80 Q120 -70 100 40 Z" fill="#3d5a73"/>
    <path d="M100 -20 Q170 -40 190 -90" stroke="#3d5a73" stroke-width="22" fill="none"/>
    <rect x="-20" y="-110" width="40" height="30" rx="8" fill="#2c4357"/>
  </g>
  ${cup(420, 900)}${cup(560, 960)}${cup(1050, 960)}${cup(1190, 900)}
  ${[0, 1, 2, 3, 4].map((i) => `<circle cx="${640 + i * 70}" cy="${990 - (i % 2) * 30}" r="30" fill="#f39a2b"/>`).join('')}
  ${person(200, 700, 1.6, '#e6e6e6', '#a0506a')}${person(1400, 700, 1.6, '#9a9a9a', '#4a6a9a')}
  ${person(560, 480, 1.0, '#cfcfcf', '#6a8a4a')}${person(1040, 480, 1.0, '#444', '#c9a24a')}`;

/** A bowl seen from above and a little to the side. */
const bowl = (x: number, y: number, r: number, rim: string, food: string) => `
  <g transform="translate(${x} ${y})">
    <ellipse cx="0" cy="${r * 0.35}" rx="${r}" ry="${r * 0.5}" fill="#00000022"/>
    <ellipse cx="0" cy="0" rx="${r}" ry="${r * 0.55}" fill="${rim}"/>
    <ellipse cx="0" cy="-4" rx="${r * 0.82}" ry="${r * 0.42}" fill="${food}"/>
  </g>`;

const meal = `
  <rect width="${W}" height="${H}" fill="#f4efe3"/>
  <rect y="0" width="${W}" height="360" fill="#dfe8ef"/>
  <rect x="120" y="60" width="380" height="240" fill="#bcd3e6" stroke="#fff" stroke-width="16"/>
  <rect x="1100" y="60" width="380" height="240" fill="#bcd3e6" stroke="#fff" stroke-width="16"/>
  <rect x="0" y="420" width="${W}" height="${H - 420}" fill="#e8d9b8"/>
  ${[0, 1, 2].map((i) => person(300 + i * 500, 300, 0.9, i === 1 ? '#2a2a2a' : '#3a2a1a', ['#e85d75', '#4f9fd6', '#f2b84e'][i]!)).join('')}
  ${[0, 1]
    .map((i) => {
      const x = 420 + i * 760;
      return `${bowl(x - 170, 760, 120, '#f7f3ea', '#c99a5a')}${bowl(x + 110, 740, 115, '#7a2e1e', '#b5773c')}${bowl(x - 40, 960, 90, '#e9e4d8', '#f0a03a')}
      <line x1="${x + 190}" y1="900" x2="${x + 320}" y2="1040" stroke="#6b4a2a" stroke-width="10"/>
      <line x1="${x + 215}" y1="892" x2="${x + 345}" y2="1032" stroke="#6b4a2a" stroke-width="10"/>`;
    })
    .join('')}
  ${[0, 1, 2, 3, 4, 5].map((i) => `<circle cx="${260 + i * 40}" cy="${720 + (i % 3) * 12}" r="10" fill="#7a5230"/>`).join('')}`;

const festival = `
  <rect width="${W}" height="${H}" fill="#9fd0f0"/>
  <circle cx="1380" cy="170" r="80" fill="#fff6c8"/>
  <rect y="760" width="${W}" height="${H - 760}" fill="#cdbb95"/>
  ${[0, 1, 2]
    .map((i) => {
      const x = 120 + i * 480;
      return `<polygon points="${x},380 ${x + 200},300 ${x + 400},380" fill="#ffffff" stroke="#c9c3b5" stroke-width="4"/>
      <rect x="${x}" y="380" width="400" height="60" fill="#ffffff"/>
      ${[0, 1, 2, 3, 4, 5, 6, 7].map((k) => `<rect x="${x + k * 50}" y="440" width="25" height="70" fill="#d8333f"/><rect x="${x + k * 50 + 25}" y="440" width="25" height="70" fill="#fff"/>`).join('')}
      <rect x="${x + 10}" y="380" width="12" height="420" fill="#8a8a8a"/><rect x="${x + 378}" y="380" width="12" height="420" fill="#8a8a8a"/>
      <rect x="${x + 30}" y="640" width="340" height="40" fill="#f4efe3"/>`;
    })
    .join('')}
  <path d="M0 240 Q400 320 800 240 Q1200 320 ${W} 240" stroke="#555" stroke-width="4" fill="none"/>
  ${[0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => `<ellipse cx="${90 + i * 180}" cy="${262 + (i % 2) * 22}" rx="26" ry="36" fill="${i % 2 ? '#e8483b' : '#f6e7b0'}"/>`).join('')}
  <g transform="translate(690 620)">
    <path d="M-30 -40 Q-60 -120 -20 -180 M30 -40 Q60 -110 20 -190" stroke="#ffffffaa" stroke-width="18" fill="none"/>
    <rect x="-110" y="-40" width="220" height="150" rx="20" fill="#6a6a6a"/>
  </g>
  ${person(260, 860, 1.4, '#333', '#3a7bd5')}${person(620, 900, 1.5, '#d0d0d0', '#d5733a')}${person(1000, 870, 1.4, '#5a3a1a', '#3aa57a')}${person(1360, 900, 1.5, '#222', '#b53a6a')}`;

const defs = `<defs>
  <pattern id="grain" width="160" height="40" patternUnits="userSpaceOnUse">
    <path d="M0 20 Q40 8 80 20 T160 20" stroke="#7a4c2c" stroke-width="4" fill="none"/>
  </pattern>
</defs>`;

/** What a phone writes into a photo; the build must publish none of it. */
const PHONE_EXIF = {
  IFD0: { Make: 'SamplePhone', Model: 'SP-12', Software: 'make-sample-photos', Artist: 'サンプル撮影者' },
  IFD2: { DateTimeOriginal: '2026:11:11 10:24:00' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '35/1 36/1 3000/100',
    GPSLongitudeRef: 'E',
    GPSLongitude: '139/1 50/1 1500/100',
  },
};

const photos: { name: string; scene: string; gps?: boolean }[] = [
  { name: 'hidamari-origami.jpg', scene: origami, gps: true },
  { name: 'hidamari-ocha.jpg', scene: tea },
  { name: 'mogumogu-kondate.jpg', scene: meal },
  { name: 'fukushi-matsuri-tento.jpg', scene: festival },
];

const out = join(process.cwd(), 'media');
for (const { name, scene, gps } of photos) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${defs}${scene}</svg>`;
  let image = sharp(Buffer.from(svg));
  if (gps) image = image.withExif(PHONE_EXIF);
  const data = await image.jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  writeFileSync(join(out, name), data);
  console.log(`media/${name}: ${Math.round(data.length / 1024)} kB${gps ? ' (with GPS EXIF)' : ''}`);
}
