import { PLATFORMS, type PlatformProfile } from '../fake-excel/platforms';

/** Runs a test suite once per platform profile of the fake host (Excel on Windows, on the web, on Mac). */
export function forEachPlatform(suite: (platform: PlatformProfile) => void): void {
  describe.each(PLATFORMS.map((p) => [p.label, p] as const))('%s', (_label, platform) => suite(platform));
}
