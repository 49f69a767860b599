/** What a read returns once the data key was shredded: the data is gone, which is not an error. */
export interface Erased {
  readonly erased: true;
}

export const ERASED: Erased = Object.freeze({ erased: true as const });

export function isErased(value: unknown): value is Erased {
  return value === ERASED;
}
