import { readFile } from "node:fs/promises";

/** The installed version, from package.json: the manifest says which software made a backup. */
export async function appVersion(): Promise<string> {
  const text = await readFile(new URL("../../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}
