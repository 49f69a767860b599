import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** The route's `onSend` hook that adds the CORS headers to its answer. */
export type EmbeddingHeaders = (
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
) => Promise<unknown>;

/**
 * Lets pages on the configured origins (the company website) call one POST route from a browser:
 * answers the preflight, and returns the `onSend` hook the route sets to add the CORS headers to
 * its answer. Other origins get no CORS headers, so their browsers refuse to read the answer.
 */
export function allowEmbedding(
  app: FastifyInstance,
  path: string,
  origins: readonly string[],
): EmbeddingHeaders {
  const allowed = new Set(origins);
  const corsHeaders = (request: FastifyRequest, reply: FastifyReply) => {
    reply.header("vary", "Origin");
    const origin = request.headers.origin;
    if (origin === undefined || !allowed.has(origin)) return false;
    reply.header("access-control-allow-origin", origin);
    return true;
  };
  app.options(path, { schema: { hide: true } }, async (request, reply) => {
    if (corsHeaders(request, reply)) {
      reply
        .header("access-control-allow-methods", "POST, OPTIONS")
        .header("access-control-allow-headers", "content-type, accept-language")
        .header("access-control-max-age", "600");
    }
    return reply.code(204).send();
  });
  return async (request, reply, payload) => {
    corsHeaders(request, reply);
    return payload;
  };
}
