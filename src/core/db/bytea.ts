import { customType } from "drizzle-orm/pg-core";

/**
 * A binary column (encrypted attachments, packages). PGlite hands bytea back as a Uint8Array, pg
 * as a Buffer: both come out as a Buffer, which is what the vault decrypts.
 */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});
