import { matchesInventoryName } from "./consent-cookie.ts";

/**
 * Runs the page's `<script type="text/plain" data-category="analytics">` elements whose
 * categories are all allowed: a text/plain script is inert, and a fresh script element with the
 * same attributes is the only way to make the browser run it. Returns how many ran.
 */
export function runConsentedScripts(choices: Record<string, boolean>): number {
  let ran = 0;
  for (const inert of Array.from(
    document.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-category]'),
  )) {
    const categories = (inert.getAttribute("data-category") || "").split(/\s+/);
    if (!categories.every((category) => choices[category])) continue;
    const script = document.createElement("script");
    for (const attribute of Array.from(inert.attributes)) {
      if (attribute.name !== "type") script.setAttribute(attribute.name, attribute.value);
    }
    // Inserted scripts run as soon as loaded; this keeps the page's order between them.
    script.async = false;
    script.text = inert.text;
    inert.replaceWith(script);
    ran++;
  }
  return ran;
}

/**
 * Expires the cookies of a refused category that this page can reach: host-only and on every
 * parent domain (tags like GA set theirs on the registrable domain), at path /. HttpOnly and
 * other sites' cookies are out of a script's reach.
 */
export function expireCookies(inventoryNames: string[]): void {
  const host = location.hostname.split(".");
  const domains = [""];
  for (let at = 0; at < host.length - 1; at++) domains.push(`; domain=${host.slice(at).join(".")}`);
  for (const pair of document.cookie.split(/;\s*/)) {
    const name = pair.split("=")[0] || "";
    if (!inventoryNames.some((inventoryName) => matchesInventoryName(name, inventoryName)))
      continue;
    for (const domain of domains) {
      // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in Firefox and older Safari.
      document.cookie = `${name}=; max-age=0; path=/${domain}`;
    }
  }
}
