import { describe, expect, it } from 'vitest';
import { cachePlan, isCacheFailure } from './cache.js';

const context = { image: 'ghcr.io/acme/shop/web', scope: 'shop-web', env: {} };
const onGitHub = { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_URL: 'https://cache.example/' };

describe('the build cache', () => {
  it('none: no cache options', () => {
    expect(cachePlan('none', { ...context, driver: 'docker-container' })).toEqual({
      from: [],
      to: [],
      notes: [],
    });
  });

  it('registry: a buildcache tag next to the image, exported without failing the build', () => {
    expect(cachePlan('registry', { ...context, driver: 'docker-container' })).toEqual({
      from: ['type=registry,ref=ghcr.io/acme/shop/web:buildcache'],
      to: ['type=registry,ref=ghcr.io/acme/shop/web:buildcache,mode=max,ignore-error=true'],
      notes: [],
    });
  });

  it('gha: scoped per app; the token stays in the environment', () => {
    const plan = cachePlan('gha', { ...context, driver: 'docker-container', env: onGitHub });
    expect(plan.from).toEqual(['type=gha,scope=shop-web']);
    expect(plan.to).toEqual(['type=gha,scope=shop-web,mode=max,ignore-error=true']);
    expect(JSON.stringify(plan)).not.toContain('t,');
  });

  it('only imports, with a note, on the docker driver; nothing without the GitHub cache service', () => {
    const docker = cachePlan('registry', { ...context, driver: 'docker' });
    expect(docker.to).toEqual([]);
    expect(docker.notes[0]).toMatch(/"docker" driver, which cannot export a registry cache/);
    const offGitHub = cachePlan('gha', { ...context, driver: 'docker-container' });
    expect(offGitHub.from).toEqual([]);
    expect(offGitHub.notes[0]).toMatch(/GitHub Actions cache is not available/);
  });

  it('tells a cache failure from a build failure by its error lines', () => {
    expect(isCacheFailure('ERROR: Cache export is not supported for the docker driver.')).toBe(
      true,
    );
    expect(isCacheFailure('#12 ERROR: failed to export cache: blob upload: 500')).toBe(true);
    expect(
      isCacheFailure(
        '#8 exporting cache\n#8 DONE 0.0s\nERROR: failed to solve: process "/bin/sh -c make" did not complete',
      ),
    ).toBe(false);
  });
});
