import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, uploadRefusal } from '../../src/lib/media/upload.ts';

const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } })
  .jpeg()
  .toBuffer();
const media = (path: string, bytes: Buffer) => ({
  action: 'persistMedia',
  params: { asset: { path, content: bytes.toString('base64'), encoding: 'base64' } },
});

describe('the local CMS backend refuses what the build would refuse', () => {
  it('accepts a JPEG uploaded into media/', () => {
    expect(uploadRefusal(media('media/salon.jpg', jpeg))).toBeUndefined();
  });

  it('refuses an SVG, named like one or like a photo, with the gate’s message', () => {
    expect(uploadRefusal(media('media/poster.svg', svg))).toMatch(/^media\/poster\.svg: .*SVG/);
    expect(uploadRefusal(media('media/poster.png', svg))).toMatch(/^media\/poster\.png: 名前は画像ですが、中身は/);
  });

  it('refuses uploads aimed outside media/ and the assets saved with an entry', () => {
    expect(uploadRefusal(media('public/evil.jpg', jpeg))).toContain('uploads go into media/ only (public/evil.jpg)');
    expect(uploadRefusal(media('media/../astro.config.mjs', jpeg))).toContain('media/ only');
    expect(uploadRefusal(media('media/.hidden.jpg', jpeg))).toContain('media/ only');
    expect(
      uploadRefusal({
        action: 'persistEntry',
        params: { assets: [{ path: 'media/x.html', content: Buffer.from('<html>').toString('base64') }] },
      }),
    ).toMatch(/^media\/x\.html: /);
  });

  it('sees the assets of a draft saved in the approval workflow (decap-server’s Git mode, same body)', () => {
    const draft = (path: string, bytes: Buffer) => ({
      action: 'persistEntry',
      params: {
        branch: 'main',
        dataFiles: [{ slug: 'natsu', path: 'content/reports/natsu.ja.md', raw: '---\n---\n' }],
        assets: [{ path, content: bytes.toString('base64'), encoding: 'base64' }],
        options: { collectionName: 'reports', commitMessage: 'x', useWorkflow: true, status: 'draft' },
      },
    });
    expect(uploadRefusal(draft('media/natsu.svg', svg))).toMatch(/^media\/natsu\.svg: .*SVG/);
    expect(uploadRefusal(draft('media/natsu.jpg', jpeg))).toBeUndefined();
  });

  it('refuses a photo over 10 MB, with its size, and takes one just under', () => {
    // Only the size is read before refusing: the bytes need not be a picture.
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    expect(uploadRefusal(media('media/big.jpg', big))).toBe(
      'media/big.jpg: 10.0 MB あり、大きすぎます。写真は 10 MB までです。カメラの設定で写真のサイズを小さくするか、写真アプリで小さくしてからアップロードしてください / media/big.jpg is 10.0 MB; photos can be at most 10 MB: take it at a smaller size or shrink it before uploading',
    );
    const padded = Buffer.concat([jpeg, Buffer.alloc(MAX_UPLOAD_BYTES - jpeg.length)]);
    expect(uploadRefusal(media('media/salon.jpg', padded))).toBeUndefined();
  });

  it('leaves every other request alone', () => {
    expect(uploadRefusal({ action: 'getEntry', params: {} })).toBeUndefined();
    expect(uploadRefusal(undefined)).toBeUndefined();
  });
});
