/**
 * Netlify build plugin (netlify.toml): keeps the build's caches between builds, as
 * .github/workflows/deploy.yml does with actions/cache. Without them every build redraws every
 * flyer and re-encodes every photo. Netlify keeps node_modules/ itself.
 */
const CACHES = ['.cache'];

export const onPreBuild = async ({ utils }) => {
  await utils.cache.restore(CACHES);
};

export const onPostBuild = async ({ utils }) => {
  await utils.cache.save(CACHES);
};
