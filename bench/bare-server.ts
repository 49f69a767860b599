import Fastify from "fastify";

// Baseline for the cold-start benchmark: Fastify alone, started the same way (tsx), no database.
const app = Fastify();
app.get("/healthz", async () => ({ status: "ok" }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.once("SIGTERM", () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
