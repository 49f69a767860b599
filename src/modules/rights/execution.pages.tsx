import type { VNode } from "preact";
import type { BackOfficeContext } from "../staff/index.ts";
import type { ExecutionPanelData } from "./execution-panel.ts";

/** The request page's execution section: rendered inside the page by the queue part. */
export function ExecutionPanel(_props: {
  context: BackOfficeContext;
  panel: ExecutionPanelData;
}): VNode | null {
  return null;
}
