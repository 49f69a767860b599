import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

const issuer = "WITS Privacy";

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export interface Provisioning {
  uri: string;
  /** A data: URL of an SVG QR code; img-src allows data:, so no inline script or style. */
  qrDataUrl: string;
}

export async function provisioningFor(secretBase32: string, label: string): Promise<Provisioning> {
  const uri = totpFor(secretBase32, label).toString();
  const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return { uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

const STEP_MS = 30_000;

/**
 * The 30-second step a code belongs to, if it is the current one or the one before or after
 * (clock drift), at the injected time so tests can move it. The caller makes sure a step is
 * used once.
 */
export function totpStepOf(secretBase32: string, code: string, at: Date): number | undefined {
  const digits = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(digits)) return undefined;
  const delta = totpFor(secretBase32, "check").validate({
    token: digits,
    timestamp: at.getTime(),
    window: 1,
  });
  return delta === null ? undefined : Math.floor(at.getTime() / STEP_MS) + delta;
}

export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpFor(secretBase32, "check").generate({ timestamp: at.getTime() });
}

/**
 * Ten single-use codes, shown once; only their keyed hashes are kept, so a copy of the database
 * alone does not allow trying all 2^40 codes offline.
 */
export function newRecoveryCodes(hash: (normalisedCode: string) => string): {
  codes: string[];
  hashes: string[];
} {
  const codes = Array.from({ length: 10 }, () => {
    const raw = randomBytes(5).toString("hex");
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  return { codes, hashes: codes.map((code) => hash(normaliseRecoveryCode(code))) };
}

/** Typed with or without the dash, in any case, with stray spaces. */
export function normaliseRecoveryCode(code: string): string {
  return code
    .trim()
    .toLowerCase()
    .replace(/[^0-9a-f]/g, "");
}
