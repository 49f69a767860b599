import { z } from "zod";
import type { MessageKey, Translate } from "../i18n/index.ts";

/**
 * A back-office page says what the form that redirected to it did through `?done=<key>`: only
 * the keys the page knows are accepted, so a crafted link cannot put other text in the notice.
 */
export function doneNotices<Key extends string>(notices: Readonly<Record<Key, MessageKey>>) {
  const keys = Object.keys(notices) as [Key, ...Key[]];
  return {
    query: z.object({ done: z.enum(keys).optional() }),
    text: (t: Translate, done: Key | undefined): string | undefined =>
      done === undefined ? undefined : t(notices[done]),
  };
}
