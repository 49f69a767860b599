import { en } from "./messages/en.ts";
import { fr } from "./messages/fr.ts";
import { nl } from "./messages/nl.ts";

export const locales = ["nl", "en", "fr"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "nl";

export type MessageKey = keyof typeof nl;
export type Messages = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const catalogues: Record<Locale, Messages> = { nl, en, fr };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && Object.hasOwn(nl, value);
}

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[locale][key] ?? nl[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

export interface LocaleSources {
  query?: unknown;
  cookie?: string | undefined;
  acceptLanguage?: string | undefined;
}

/** `?lang=` first (the language switcher), then the remembered cookie, then the browser's wish. */
export function detectLocale({ query, cookie, acceptLanguage }: LocaleSources): Locale {
  if (isLocale(query)) return query;
  if (isLocale(cookie)) return cookie;
  return fromAcceptLanguage(acceptLanguage) ?? defaultLocale;
}

function fromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const wishes = header
    .split(",")
    .map((part) => {
      const [tag = "", ...parameters] = part.trim().split(";");
      const q = parameters.find((p) => p.trim().startsWith("q="));
      const weight = q ? Number.parseFloat(q.trim().slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split("-")[0], weight };
    })
    .filter((wish) => Number.isFinite(wish.weight) && wish.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  return wishes.map((wish) => wish.language).find(isLocale);
}
