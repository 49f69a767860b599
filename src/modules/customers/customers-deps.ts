import type { Config } from "../../core/config.ts";
import type { Policy } from "../../policy/index.ts";
import type { DossierDeps } from "./dossier.service.ts";

export interface CustomersModuleDeps extends DossierDeps {
  config: Config;
  policy: () => Policy;
}
