import type { Db } from "../../core/db/database.ts";
import { isErased, type Vault } from "../../vault/index.ts";
import type { BillingInput } from "./orders.schema.ts";

/** The billing entity as stored: encrypted per field, bound to its table and row. */
export interface SealedBilling {
  emailCiphertext: string;
  nameCiphertext: string;
  companyCiphertext: string | null;
  vatNumberCiphertext: string | null;
  addressCiphertext: string;
  billingCountry: string;
}

export interface Billing {
  email: string;
  name: string;
  company: string | null;
  vatNumber: string | null;
  address: { street: string; postalCode: string; city: string; country: string };
}

type Place = { vault: Vault; db: Db; subjectId: string; table: string; recordId: string };

export async function sealBilling(place: Place, billing: Billing): Promise<SealedBilling> {
  const seal = (column: string, value: string) =>
    place.vault.encryptField(place.db, {
      subjectId: place.subjectId,
      purpose: "orders",
      table: place.table,
      column,
      recordId: place.recordId,
      value,
    });
  const { country, ...address } = billing.address;
  return {
    emailCiphertext: await seal("email_ciphertext", billing.email),
    nameCiphertext: await seal("name_ciphertext", billing.name),
    companyCiphertext: billing.company ? await seal("company_ciphertext", billing.company) : null,
    vatNumberCiphertext: billing.vatNumber
      ? await seal("vat_number_ciphertext", billing.vatNumber)
      : null,
    addressCiphertext: await seal("address_ciphertext", JSON.stringify(address)),
    billingCountry: country,
  };
}

/** The billing entity, or undefined once anonymised (or its key shredded). */
export async function openBilling(
  place: Place,
  sealed: { [K in keyof SealedBilling]: SealedBilling[K] | null },
): Promise<Billing | undefined> {
  const open = async (column: string, ciphertext: string | null) => {
    if (!ciphertext) return null;
    const value = await place.vault.decryptField(place.db, {
      subjectId: place.subjectId,
      purpose: "orders",
      table: place.table,
      column,
      recordId: place.recordId,
      ciphertext,
    });
    return isErased(value) ? null : value;
  };
  const email = await open("email_ciphertext", sealed.emailCiphertext);
  const name = await open("name_ciphertext", sealed.nameCiphertext);
  const address = await open("address_ciphertext", sealed.addressCiphertext);
  if (email === null || name === null || address === null) return undefined;
  return {
    email,
    name,
    company: await open("company_ciphertext", sealed.companyCiphertext),
    vatNumber: await open("vat_number_ciphertext", sealed.vatNumberCiphertext),
    address: {
      ...(JSON.parse(address) as Omit<Billing["address"], "country">),
      country: sealed.billingCountry ?? "",
    },
  };
}

/** Normalises what a channel sent into the billing entity stored. */
export function billingFrom(input: BillingInput, vatNumber: string | null): Billing {
  return {
    email: input.email,
    name: input.name,
    company: input.company || null,
    vatNumber,
    address: input.address,
  };
}
