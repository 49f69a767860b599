/**
 * The words that announce a secret, the connectors between word and value, and the words that
 * follow "wachtwoord" when someone talks about a password without giving it. All folded: lower
 * case, no accents, plain apostrophes.
 */

export type CredentialKind = "password" | "pin" | "access_code";

/** Longer spellings first, so "password" is not read as "pass" + "word". */
export const credentialKeyword =
  /wachtwoord|pas+woord|passw(?:or[dt]|d)|passcode|pass|pwd?|ww|mot de passe|mdp|code (?:secret|pin|d'acces)|pin(?:[ -]?code)?|toegangscode|access code/g;

export function keywordKind(keyword: string): CredentialKind {
  if (keyword.startsWith("pin") || keyword === "code pin") return "pin";
  if (/code/.test(keyword)) return "access_code";
  return "password";
}

/**
 * Long single words may end a compound ("wifiwachtwoord", "bankpincode"); short ones ("pw",
 * "pin", "pass") must start a word, or "compass" and "spinnen" would count.
 */
export function mayEndCompound(keyword: string): boolean {
  return keyword.length >= 7 && !keyword.includes(" ");
}

/**
 * "pass" is also a bus pass, a ski pass or a boarding pass with a number on it, so it only
 * counts with a connector ("pass: …", "pass is …").
 */
export function needsConnector(keyword: string): boolean {
  return keyword === "pass";
}

const spaces = "[ \\t]";

/** `:` or `=` straight after the word ("wachtwoord: x", "pw=x", "mot de passe est : x"). */
export const assignConnector = `${spaces}*(?:(?:is|est|was|luidt|:)${spaces}*)?(?:[:=]|[-=]>)${spaces}*(?:\\r?\\n${spaces}*)?`;

/** A verb between word and value ("is", "est", "c'est", "is nu", "gewijzigd naar"). */
export const verbConnector = [
  // "is gewijzigd naar" before "is", or "is" alone would win and leave "gewijzigd" as the value.
  `,?${spaces}+(?:(?:(?:is|werd|was|has been|est|a ete)${spaces}+)?`,
  "(?:gewijzigd|veranderd|aangepast|gereset|ingesteld|changed|reset|set|updated|modifie|change|reinitialise|remplace)",
  `${spaces}+(?:naar|in|to|en|par|a|op|as|comme)`,
  "|(?:is|was|est|wordt|werd|blijft|becomes|devient|reste|luidt|c'est|it's|it is)",
  `(?:${spaces}+(?:nu|nog steeds|nog altijd|now|still|maintenant|toujours|desormais|voortaan))?`,
  `)(?:${spaces}*:${spaces}*|${spaces}+)`,
].join("");

/**
 * A short qualifier after the word that starts with a preposition, a relative pronoun or "and"
 * ("van de wifi", "for the router", "du compte", "dat ik gebruik", "en login"), before the
 * connector.
 */
export const prepositionGap = [
  `${spaces}+(?:van|voor|for|of|pour|du|de|des|op|on|bij|at|to|from|dat|die|que|qui|that|which|in|om|met|with|avec|sur|en|et|and|&|/|d'\\p{L}+|l'\\p{L}+)`,
  `(?:${spaces}+[\\p{L}\\p{N}'@._-]+){0,3}?`,
].join("");

/**
 * One or two words naming what the secret is for ("mot de passe wifi : x", "wachtwoord Gmail: x",
 * "mot de passe Office 365 est x"): product names often come in two words.
 */
export const qualifierWord = `(?:${spaces}+[\\p{L}\\p{N}'@._-]+){1,2}?`;

/**
 * "login en wachtwoord: jan / abc123", "TeamViewer ID en wachtwoord: 123 456 789 en 4hx7k2":
 * the first value belongs to the other word.
 */
export const pairedBefore =
  /\b(?:id|login|gebruikersnaam|gebruiker|username|user|identifiant|utilisateur|e-?mail|account|compte|naam|nom|name|klantnummer)[ \t]*(?:en|et|and|&|\/|\+|,)[ \t]*$/;

export const teamViewerBefore = /\b(?:teamviewer|tv)\b/;

/** Words that say something about a password instead of being one. */
export const notASecret: ReadonlySet<string> = new Set(
  [
    // Dutch
    "vergeten kwijt verlopen vervallen gewijzigd veranderd aangepast geblokkeerd fout verkeerd juist",
    "correct klopt niet geen werkt werken nog te al ook reset resetten gereset herstellen opnieuw",
    "nodig vereist verplicht ingeven invoeren ingevuld aanmaken wijzigen veranderen kiezen ontvangen",
    "gekregen gestuurd verstuurd sturen hieronder bijgevoegd onbekend hetzelfde zelfde leeg de het",
    "een mijn je jouw uw zijn haar ons onze voor van naar bij op in met om en of maar dat die dit deze",
    "is was wordt werd ik hij zij ze we wij u jij er hier daar wat hoe waarom welk welke wanneer graag",
    "aub alstublieft bedankt dank kan kunnen moet moeten mag wil heb hebben had ben zal zou ongeldig",
    "onjuist standaard tijdelijk nieuw nieuwe oud oude sterk zwak kort lang veilig aanvragen vragen",
    "zie zoals steeds meer",
    // French
    "oublie perdu expire bloque change modifie incorrect faux errone invalide pas plus trop ne n'est",
    "est a ai le la les l' un une des du mon ma mes ton ta votre vos son sa notre pour par sur avec",
    "dans en et ou mais que qui quoi ce cet cette il elle j'ai on nous vous ils requis necessaire",
    "obligatoire ci-dessous ci-joint joint envoye recu inconnu meme vide svp merci temporaire nouveau",
    "nouvel nouvelle ancien actuel comment pourquoi quand reinitialiser changer modifier saisir entrer",
    "fonctionne marche toujours encore deja aussi non oui valide reinitialise",
    // English
    "forgot forgotten lost expired changed wrong invalid not no still too required needed necessary",
    "mandatory the an my your his her our their its it this for of to from with at by and or but be",
    "been being has have had does doesn't don't isn't wasn't won't can't cannot can will would should",
    "must i you he she we they me what how why which please thanks unknown same empty blank below",
    "attached sent received default temporary new old current here there again also just works",
    "working change enter entered manager protected field strength policy hint reminder recovery set",
    "update updated blocked locked disabled ok okay yes",
    // "not applicable" and pointers elsewhere
    "n/a n.v.t nvt none aucun neant sans zie see voir",
    // greetings and closings on the line after an empty "Wachtwoord:"
    "groeten groet mvg dag hallo bonjour cordialement salutations regards hello hi cheers",
    // the keywords themselves
    "wachtwoord paswoord password mot passe mdp code pin pincode ww pw pwd pass",
  ]
    .join(" ")
    .split(" "),
);

/** Mixed-case product names that follow "wachtwoord" as what the password is for. */
export const productNames: ReadonlySet<string> = new Set(
  "icloud iphone ipad imac ebay whatsapp youtube linkedin paypal teamviewer anydesk onedrive outlook powerpoint myminfin mybank itsme tiktok gmail hotmail netflix".split(
    " ",
  ),
);
