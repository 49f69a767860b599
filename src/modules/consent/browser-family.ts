/** The families a proof of consent names; the full user agent string is never stored. */
export const browserFamilies = ["Chrome", "Edge", "Firefox", "Safari", "Opera", "other"] as const;
export type BrowserFamily = (typeof browserFamilies)[number];

/**
 * The browser family from a user agent string. Six families need no parsing library, only the
 * right order: Edge and Opera also say "Chrome", and Chrome also says "Safari". Browsers on iOS
 * carry their own token (CriOS, FxiOS, EdgiOS) over Safari's engine.
 */
export function browserFamily(userAgent: string | undefined): BrowserFamily {
  if (!userAgent) return "other";
  if (/\b(?:Edg|Edge|EdgA|EdgiOS)\//.test(userAgent)) return "Edge";
  if (/\b(?:OPR|OPiOS|Opera)\b/.test(userAgent)) return "Opera";
  if (/\b(?:Firefox|FxiOS)\//.test(userAgent)) return "Firefox";
  // Chromium-based browsers that are not Chrome itself name themselves before "Chrome/".
  if (/\b(?:SamsungBrowser|YaBrowser|Vivaldi|UCBrowser)\//.test(userAgent)) return "other";
  if (/\b(?:Chrome|CriOS|Chromium)\//.test(userAgent)) return "Chrome";
  if (/\bVersion\/[\d.]+.*\bSafari\//.test(userAgent)) return "Safari";
  return "other";
}
