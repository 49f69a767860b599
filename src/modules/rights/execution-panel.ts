import type { Locale, Translate } from "../../core/i18n/index.ts";
import type { RightsRequestRow } from "./request-store.ts";
import type { RightsDeps } from "./rights-deps.ts";

/** What the request page shows under "Execution": filled in by the execution part. */
export interface ExecutionPanelData {
  requestId: string;
}

/** Reads what the panel needs for one request: plan per right and record type, outcomes, letter. */
export async function loadExecutionPanel(
  _deps: RightsDeps,
  input: { request: RightsRequestRow; locale: Locale; t: Translate },
): Promise<ExecutionPanelData> {
  return { requestId: input.request.id };
}
