/**
 * `compute` with its answer kept per object (a cell, a row, a scale): the cache is a WeakMap, so
 * an object no longer in use is collected with its answer, and a new parse starts afresh.
 */
export function perObject<Key extends object, T>(compute: (key: Key) => T): (key: Key) => T {
  const cache = new WeakMap<Key, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

/**
 * What several rules (or one rule, row after row) read from a document, computed once per
 * document (`perObject` keyed by the document).
 */
export const perDocument = perObject;
