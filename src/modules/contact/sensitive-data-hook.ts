/**
 * What the sensitive-data scanner (a later issue) will do to text before it is stored: redact
 * national numbers, flag health data or a minor's age. Until then it passes text through, and
 * intake already calls it at the one place where it must run.
 */
export interface SensitiveDataFinding {
  /** A code such as "be_national_number" or "health"; never the matched text. */
  kind: string;
}

export interface ScannedText {
  text: string;
  findings: SensitiveDataFinding[];
}

export type SensitiveDataHook = (text: string, locale: string) => Promise<ScannedText>;

export const passThroughSensitiveData: SensitiveDataHook = async (text) => ({ text, findings: [] });
