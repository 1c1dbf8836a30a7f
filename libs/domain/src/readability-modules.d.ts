/* Types for the readability measures the release plan's test uses (wooorm's CommonJS versions ship none). */
declare module 'flesch' {
  function flesch(counts: { sentence: number; word: number; syllable: number }): number;
  export = flesch;
}
declare module 'flesch-kincaid' {
  function fleschKincaid(counts: { sentence: number; word: number; syllable: number }): number;
  export = fleschKincaid;
}
declare module 'syllable' {
  function syllable(value: string): number;
  export = syllable;
}
