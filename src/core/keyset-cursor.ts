/**
 * Where a newest-first list continues: the last line's time and id. Lists page by keyset, never
 * by offset, so a page stays cheap however deep and no line is shown twice while rows arrive.
 */
export interface KeysetCursor {
  createdAt: Date;
  id: string;
}

/** `2026-03-01T10:00:00.000Z_<uuid>`, as it travels in the `after` query parameter. */
export function encodeCursor(cursor: KeysetCursor): string {
  return `${cursor.createdAt.toISOString()}_${cursor.id}`;
}

export function decodeCursor(text: string): KeysetCursor | undefined {
  const match =
    /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(
      text,
    );
  if (!match?.[1] || !match[2]) return undefined;
  const createdAt = new Date(match[1]);
  return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id: match[2] };
}
