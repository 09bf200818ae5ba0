import { describe, expect, it } from 'vitest';
import { platformFromOsRelease } from './platform.js';

describe('the omnitruck platform of a runner', () => {
  it.each([
    ['ID=ubuntu\nVERSION_ID="24.04"\n', 'x64', { p: 'ubuntu', pv: '24.04', m: 'x86_64' }],
    ['ID=debian\nVERSION_ID="12"\n', 'arm64', { p: 'debian', pv: '12', m: 'aarch64' }],
    [
      'ID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"\n',
      'x64',
      { p: 'el', pv: '9', m: 'x86_64' },
    ],
    [
      'ID=pop\nID_LIKE="ubuntu debian"\nVERSION_ID="22.04"\n',
      'x64',
      { p: 'ubuntu', pv: '22.04', m: 'x86_64' },
    ],
  ])('%j on %s', (osRelease, arch, platform) => {
    expect(platformFromOsRelease(osRelease, arch)).toEqual(platform);
  });

  it('refuses what it cannot map, and says how to install instead', () => {
    expect(() =>
      platformFromOsRelease('ID=alpine\nVERSION_ID=3.20\nPRETTY_NAME="Alpine Linux"\n', 'x64'),
    ).toThrow('Installing the tool automatically is not supported on this Linux (Alpine Linux).');
    expect(() => platformFromOsRelease('ID=ubuntu\nVERSION_ID="24.04"\n', 's390x')).toThrow(
      'the s390x architecture',
    );
  });
});
