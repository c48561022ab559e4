/**
 * `--out` of the scripts that write files (npm run flyers, the flyer samples, the 防災メモ
 * samples): a relative folder is the project's, an absolute one is itself (it was joined onto
 * the project: `--out /tmp/x` wrote into <project>/tmp/x).
 */
import { describe, expect, it } from 'vitest';
import { outDirOption } from '../../scripts/lib/out-dir.ts';

describe('--out', () => {
  it('takes an absolute folder as it is, a relative one in the project, and the default without it', () => {
    expect(outDirOption(['--out', '/tmp/flyers-x'], '/work/town', 'dist')).toBe('/tmp/flyers-x');
    expect(outDirOption(['--out', 'tmp/fo'], '/work/town', 'dist')).toBe('/work/town/tmp/fo');
    expect(outDirOption(['--out', '../shared/out'], '/work/town', 'dist')).toBe('/work/shared/out');
    expect(outDirOption([], '/work/town', 'dist')).toBe('/work/town/dist');
  });

  it('takes the option out of the arguments, leaving the script’s own', () => {
    const args = ['events/mochitsuki', '--out', 'tmp/x', '--translations'];
    outDirOption(args, '/work/town', 'docs/flyers');
    expect(args).toEqual(['events/mochitsuki', '--translations']);
  });

  it('says what to write when the folder is missing', () => {
    expect(() => outDirOption(['--out'], '/work/town', 'dist')).toThrow(/--out のあとにフォルダーを書いてください/);
    expect(() => outDirOption(['--out', '--translations'], '/work/town', 'dist')).toThrow(/--out needs a folder/);
  });
});
