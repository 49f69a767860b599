import type { Locale } from "./consent-config.ts";

/** Every string of the banner; the type makes a key missing in one language a compile error. */
export interface Messages {
  title: string;
  intro: string;
  acceptAll: string;
  rejectAll: string;
  settings: string;
  settingsTitle: string;
  save: string;
  close: string;
  cookiePolicy: string;
  /** The label of each category the policy schema knows; its cookies' purposes say the rest. */
  categories: Record<string, string>;
}

export const messages: Record<Locale, Messages> = {
  nl: {
    title: "Cookies op deze website",
    intro:
      "We gebruiken noodzakelijke cookies om deze website te laten werken. Andere cookies, zoals voor statistieken, plaatsen we alleen als je dat toestaat. Je kunt je keuze altijd wijzigen.",
    acceptAll: "Alles accepteren",
    rejectAll: "Alles weigeren",
    settings: "Instellingen",
    settingsTitle: "Cookie-instellingen",
    save: "Keuze bewaren",
    close: "Sluiten",
    cookiePolicy: "Cookiebeleid",
    categories: {
      necessary: "Noodzakelijk (altijd aan)",
      analytics: "Statistieken",
    },
  },
  en: {
    title: "Cookies on this website",
    intro:
      "We use necessary cookies to make this website work. Other cookies, such as for statistics, are only set if you allow them. You can change your choice at any time.",
    acceptAll: "Accept all",
    rejectAll: "Reject all",
    settings: "Settings",
    settingsTitle: "Cookie settings",
    save: "Save choices",
    close: "Close",
    cookiePolicy: "Cookie policy",
    categories: {
      necessary: "Necessary (always on)",
      analytics: "Analytics",
    },
  },
  fr: {
    title: "Cookies sur ce site",
    intro:
      "Nous utilisons des cookies nécessaires au fonctionnement de ce site. Les autres cookies, par exemple pour les statistiques, ne sont placés que si vous les autorisez. Vous pouvez modifier votre choix à tout moment.",
    acceptAll: "Tout accepter",
    rejectAll: "Tout refuser",
    settings: "Paramètres",
    settingsTitle: "Paramètres des cookies",
    save: "Enregistrer mes choix",
    close: "Fermer",
    cookiePolicy: "Politique en matière de cookies",
    categories: {
      necessary: "Nécessaires (toujours actifs)",
      analytics: "Statistiques",
    },
  },
};

/** The page's language (`<html lang="fr-BE">` → fr); Dutch when it is none of the three. */
export function pageLocale(lang: string): Locale {
  const code = lang.slice(0, 2).toLowerCase();
  return code === "en" || code === "fr" ? code : "nl";
}
