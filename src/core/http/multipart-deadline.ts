import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "./app-error.ts";

/** How long the parser may sit on a body it has stopped reading before the form is refused. */
const stalledParserMs = 2_000;
const checkEveryMs = 250;

/**
 * @fastify/busboy 3.2.6 never finishes a body whose skipped part (no Content-Disposition, or a
 * line break in its file name) outgrows its 16 kB buffer: the parts iterator then waits forever
 * and the visitor gets no answer. While a route waits for the next part, the parser must be
 * reading: if the body has been read to its end, or the parser has paused it, for two seconds,
 * the form cannot be read and the answer is a 400. A slow client keeps the body flowing, so it
 * is never cut off by this.
 */
export function registerMultipartDeadline(app: FastifyInstance): void {
  app.addHook("preHandler", async (request) => {
    if (!request.isMultipart()) return;
    const parts = request.parts.bind(request);
    // The decorator lives on the prototype; this request's own property shadows it.
    request.parts = ((options) =>
      partsWithDeadline(request, parts(options))) as FastifyRequest["parts"];
  });
}

async function* partsWithDeadline<T>(
  request: FastifyRequest,
  parts: AsyncIterableIterator<T>,
): AsyncGenerator<T> {
  while (true) {
    const next = await unlessParserStalls(request, parts.next());
    if (next.done) return;
    yield next.value;
  }
}

function unlessParserStalls<T>(request: FastifyRequest, pending: Promise<T>): Promise<T> {
  const body = request.raw;
  let stalledSince: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      const parserWaits = body.readableEnded || body.readableFlowing === false;
      if (!parserWaits) {
        stalledSince = undefined;
        return;
      }
      stalledSince ??= performance.now();
      if (performance.now() - stalledSince >= stalledParserMs) {
        reject(new AppError("bad_request"));
      }
    }, checkEveryMs);
    timer.unref();
  });
  return Promise.race([pending, stalled]).finally(() => clearInterval(timer));
}
