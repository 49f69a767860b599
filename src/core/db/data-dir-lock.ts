import { open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { DatabaseError } from "./database.ts";

/**
 * PGlite is a single-process database: two servers on one data dir would corrupt it. A pid
 * file taken with O_EXCL stops the second one; a lock left by a crashed process is taken over.
 */
export async function acquireDataDirLock(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, "wits-privacy.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await rm(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
      const holder = Number.parseInt(await readFile(lockFile, "utf8").catch(() => ""), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DatabaseError(
          `The embedded database in ${dataDir} is in use by process ${holder}: stop that process first, or use PostgreSQL (DATABASE_URL) to run several`,
        );
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new DatabaseError(`Cannot lock ${lockFile}: remove it if no server is running`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}
