/**
 * What several rules (or one rule, row after row) read from a document, computed once per
 * document: the cache is keyed by the document object, so a document that is no longer linted is
 * collected with its entries, and a new parse of the same text starts afresh.
 */
export function perDocument<Doc extends object, T>(compute: (doc: Doc) => T): (doc: Doc) => T {
  const cache = new WeakMap<Doc, T>();
  return (doc) => {
    if (cache.has(doc)) return cache.get(doc) as T;
    const value = compute(doc);
    cache.set(doc, value);
    return value;
  };
}
