// decap-cms-locales ships its phrase trees as plain JavaScript without types.
declare module 'decap-cms-locales/src/*/index.js' {
  const phrases: Record<string, unknown>;
  export default phrases;
}
