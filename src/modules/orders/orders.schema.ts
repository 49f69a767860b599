import { z } from "zod";
import { parseDecimal } from "./decimal-input.ts";
import { vatRates } from "./money.ts";

/** The most a line or an order may hold: 10 million euro, far below integer limits. */
const maxCents = 1_000_000_000;

const decimal = (decimals: number, message: string) =>
  z.union([z.string().max(20), z.number()]).transform((value, context) => {
    const parsed = parseDecimal(value, decimals);
    if (parsed === undefined || Math.abs(parsed) > maxCents) {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return parsed;
  });

export const billingSchema = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  company: z.string().trim().max(200).optional(),
  vatNumber: z.string().trim().max(40).optional(),
  address: z.object({
    street: z.string().trim().min(1).max(200),
    postalCode: z.string().trim().min(1).max(20),
    city: z.string().trim().min(1).max(100),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, "a two-letter country code, e.g. BE")
      .transform((code) => code.toUpperCase()),
  }),
});
export type BillingInput = z.infer<typeof billingSchema>;

export const lineSchema = z.object({
  description: z.string().trim().min(1).max(500),
  quantity: decimal(3, "a quantity with at most 3 decimals").refine(
    (milli) => milli > 0,
    "the quantity must be more than 0",
  ),
  unitPrice: decimal(2, "a price in euro with at most 2 decimals"),
  vatRate: z.coerce
    .number()
    .refine(
      (rate): rate is (typeof vatRates)[number] => (vatRates as readonly number[]).includes(rate),
      {
        message: "a Belgian VAT rate: 21, 12, 6 or 0",
      },
    ),
});

/** What every channel sends: the web shop's JSON, the back-office form, a CSV row. */
export const orderSchema = z.object({
  billing: billingSchema,
  lines: z
    .array(lineSchema)
    .min(1)
    .max(200)
    // Quantity × price may pass maxCents on each line and still overflow the totals' columns.
    .refine(
      (lines) =>
        lines.reduce((sum, line) => sum + Math.abs(line.quantity * line.unitPrice) / 1000, 0) <=
        maxCents,
      "an order of at most 10 million euro",
    ),
  customerNumber: z.string().trim().max(20).optional(),
  locale: z.enum(["nl", "en", "fr"]).optional(),
});
export type OrderRequest = z.infer<typeof orderSchema>;
