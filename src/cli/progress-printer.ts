import cliProgress from "cli-progress";

export interface Progress {
  recordType: string;
  done: number;
  total: number;
}

export interface ProgressWords {
  /** The verb before the bar on a terminal: "erasing", "scanning". */
  bar: string;
  /** A line for logs and cron mail, with {done}, {total} and {recordType}. */
  line: string;
}

/**
 * A bar on a terminal; elsewhere (a log file, cron mail) a line per tenth keeps output short.
 * Shared by the long CLI commands, so each reads the same at 2 a.m.
 */
export function progressPrinter(stream: NodeJS.WriteStream, words: ProgressWords) {
  let bar: cliProgress.SingleBar | undefined;
  let lastTenth = 0;
  return {
    update: ({ recordType, done, total }: Progress) => {
      if (stream.isTTY) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            {
              stream,
              format: `${words.bar} [{bar}] {value}/{total} {recordType}`,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, 0, { recordType });
        }
        bar.setTotal(total);
        bar.update(done, { recordType });
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth <= lastTenth) return;
      lastTenth = tenth;
      const line = words.line
        .replace("{done}", String(done))
        .replace("{total}", String(total))
        .replace("{recordType}", recordType);
      stream.write(`${line}\n`);
    },
    done: () => bar?.stop(),
  };
}
