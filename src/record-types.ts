import { DataMap, exportPackageRecordType, type RecordType } from "./datamap/index.ts";
import type { Policy } from "./policy/index.ts";

/**
 * Every personal record type of the product, by hand, like routes in app.ts and jobs in jobs.ts.
 * A module that stores personal data adds its `<name>.records.ts` entries here; a test fails
 * when a table with personal columns is missing.
 */
export const allRecordTypes: readonly RecordType[] = [exportPackageRecordType];

export function createDataMap(policy: () => Policy): DataMap {
  return new DataMap({ recordTypes: allRecordTypes, policy });
}
