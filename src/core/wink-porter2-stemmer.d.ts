/** Types for the `wink-porter2-stemmer` package (it ships none): one function, word → stem. */
declare module 'wink-porter2-stemmer' {
  function stem(word: string): string;
  export = stem;
}
