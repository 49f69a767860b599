import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { sendPage } from "../../core/http/index.ts";
import { isoDay } from "../../datamap/index.ts";
import { backOfficeContext } from "../staff/index.ts";
import { endOfDay, startOfDay } from "./calendar-day.ts";
import { countRecords, type RecordCounts } from "./count-records.ts";
import { DataMapPage } from "./datamap.pages.tsx";
import { describeRecordType } from "./describe-record-type.ts";
import type { RecordsModuleDeps } from "./records-module-deps.ts";

/** How far ahead the data map looks for records about to go. */
const HORIZON_DAYS = 30;

const noCounts: RecordCounts = { records: 0, anonymised: 0, dueSoon: 0, heldSoon: 0 };

/** Every record type the software holds, what the policy says about it, and how many there are. */
export function registerDataMapRoutes(app: FastifyInstance, deps: RecordsModuleDeps): void {
  app.get(
    "/admin/datamap",
    { config: { permission: "retention.manage" } },
    async (request, reply) => {
      const now = deps.clock.now();
      const lastDay = startOfDay(new Date(now.getTime() + HORIZON_DAYS * 86_400_000));
      // The whole last day counts, as on the retention preview for that day.
      const horizon = endOfDay(lastDay);
      const counts = await countRecords(deps, horizon);
      const entries = deps.dataMap.recordTypes.map((type) => ({
        id: type.id,
        description: describeRecordType(deps.dataMap, type, request.locale, request.t),
        counts: counts.get(type.id) ?? noCounts,
      }));
      return sendPage(
        reply,
        h(DataMapPage, {
          context: backOfficeContext(request, reply),
          entries,
          horizon: isoDay(lastDay),
        }),
      );
    },
  );
}
