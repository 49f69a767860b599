import type { ConsentConfig, Locale } from "./consent-config.ts";
import type { Messages } from "./messages.ts";

export type ConsentAction = "accept_all" | "reject_all" | "custom";

export interface BannerOptions {
  config: ConsentConfig;
  locale: Locale;
  messages: Messages;
  /** The cookie policy page on the privacy server, in the banner's language. */
  policyUrl: string;
  decide(action: ConsentAction, choices: Record<string, boolean>): void;
  /** Escape or the close button: never a choice, only leaves the settings layer. */
  dismiss(): void;
}

export interface Banner {
  root: HTMLElement;
  /** The first layer: short text and the three equal buttons. */
  showChoice(): void;
  /** The settings layer with the switches set to `choices`; focus moves to the first switch. */
  showSettings(choices: Record<string, boolean>): void;
  /** Where focus goes back to when the settings layer closes without a choice. */
  settingsButton: HTMLButtonElement;
}

type Child = Node | string;

/** Text goes in as text nodes, never as HTML: policy strings cannot inject markup. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const name of Object.keys(attributes)) node.setAttribute(name, attributes[name] || "");
  node.append(...children);
  return node;
}

export function createBanner(options: BannerOptions): Banner {
  const { config, locale, messages: text } = options;
  const switches: HTMLInputElement[] = [];
  const chosen = (all?: boolean) => {
    const choices: Record<string, boolean> = {};
    for (const input of switches) choices[input.name] = all ?? input.checked;
    return choices;
  };
  // One class for every choice button, in both layers: equal size, colour and weight is the
  // EDPB taskforce's "reject as easy as accept", and the grid gives them equal widths too.
  // data-consent-action lets tools (the cookie scanner, tests) find a choice in any language.
  const button = (label: string, onClick: () => void, action: string, className = "wcb-btn") => {
    const node = element(
      "button",
      { type: "button", class: className, "data-consent-action": action },
      label,
    );
    node.onclick = onClick;
    return node;
  };
  const acceptAll = () => options.decide("accept_all", chosen(true));
  const rejectAll = () => options.decide("reject_all", chosen(false));
  const settingsButton = button(text.settings, () => showSettings({}), "settings");

  const choiceLayer = element(
    "section",
    { class: "wcb-layer", role: "region", "aria-labelledby": "wcb-title" },
    element("h2", { id: "wcb-title" }, text.title),
    element("p", {}, text.intro),
    element(
      "div",
      { class: "wcb-buttons" },
      button(text.acceptAll, acceptAll, "accept_all"),
      button(text.rejectAll, rejectAll, "reject_all"),
      settingsButton,
    ),
  );

  const categories = config.categories.map((category) => {
    const label = text.categories[category.id] || category.id;
    const describedBy = `wcb-about-${category.id}`;
    const input = element("input", {
      type: "checkbox",
      role: "switch",
      name: category.id,
      "aria-describedby": describedBy,
    });
    // Necessary cookies need no consent: shown on and locked; every other switch starts off.
    if (category.id === "necessary") input.checked = input.disabled = true;
    else switches.push(input);
    return element(
      "div",
      { class: "wcb-category" },
      element("label", {}, input, label),
      element(
        "ul",
        { id: describedBy },
        ...category.cookies.map((cookie) =>
          element(
            "li",
            {},
            element("code", {}, cookie.name),
            ` (${cookie.provider}, ${cookie.duration[locale]}): ${cookie.purpose[locale]}`,
          ),
        ),
      ),
    );
  });
  const close = button("×", options.dismiss, "close", "wcb-close");
  close.setAttribute("aria-label", text.close);
  const settingsLayer = element(
    "section",
    { class: "wcb-layer", role: "dialog", "aria-labelledby": "wcb-settings-title", hidden: "" },
    close,
    element("h2", { id: "wcb-settings-title" }, text.settingsTitle),
    ...categories,
    element(
      "div",
      { class: "wcb-buttons" },
      button(text.save, () => options.decide("custom", chosen()), "custom"),
      button(text.rejectAll, rejectAll, "reject_all"),
      button(text.acceptAll, acceptAll, "accept_all"),
    ),
    element("p", {}, element("a", { href: options.policyUrl }, text.cookiePolicy)),
  );

  const root = element(
    "div",
    { id: "wits-consent", class: "wcb", lang: locale },
    choiceLayer,
    settingsLayer,
  );
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !settingsLayer.hidden) options.dismiss();
  });

  function showSettings(choices: Record<string, boolean>): void {
    root.hidden = settingsLayer.hidden = false;
    choiceLayer.hidden = true;
    for (const input of switches) input.checked = choices[input.name] === true;
    (switches[0] || close).focus();
  }

  return {
    root,
    settingsButton,
    showSettings,
    showChoice() {
      root.hidden = choiceLayer.hidden = false;
      settingsLayer.hidden = true;
    },
  };
}
