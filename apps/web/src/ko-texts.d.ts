// The Korean texts cut in two by the build (apps/web/ko-texts.ts): the first paint's and the rest.
declare module 'virtual:ko-texts/first-paint' {
  const tree: Record<string, unknown>;
  export default tree;
}
declare module 'virtual:ko-texts/rest' {
  const tree: Record<string, unknown>;
  export default tree;
}
