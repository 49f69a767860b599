import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import {
  AppError,
  doneNotices,
  readMultipartForm,
  sendPage,
  uuidParam,
} from "../../core/http/index.ts";
import { activePolicyVersion, type PolicyProblem } from "../../policy/index.ts";
import { contentDisposition } from "../contact/index.ts";
import { backOfficeContext, listStaff, requireStaff } from "../staff/index.ts";
import { formatBytes } from "./processor-contracts.pages.tsx";
import {
  contractsOf,
  latestContractDates,
  openContract,
  storeContract,
} from "./processor-contracts.ts";
import {
  formValuesOf,
  type ProcessorFormProblems,
  type ProcessorFormValues,
  processorFormBody,
  readProcessorForm,
} from "./processor-form.ts";
import type { ProcessorChange } from "./processor-policy-edit.ts";
import { saveProcessorChange } from "./processor-register.ts";
import { brusselsDay } from "./processor-review-status.ts";
import {
  ProcessorListPage,
  ProcessorPage,
  processorPath,
  RemoveProcessorPage,
} from "./processors.pages.tsx";
import type { RegistersDeps } from "./registers-deps.ts";

const done = doneNotices({
  added: "processors.done.added",
  updated: "processors.done.updated",
  removed: "processors.done.removed",
  unchanged: "processors.done.unchanged",
  uploaded: "processors.done.uploaded",
});

const nameParams = z.object({ name: z.string().min(1).max(1000) });
const contractParams = nameParams.extend({ contractId: z.string().max(100) });
const baseOnly = z.object({ _csrf: z.string().optional(), base: z.string().max(64).default("") });

interface FormState {
  values?: ProcessorFormValues;
  problems?: ProcessorFormProblems;
  policyProblems?: readonly PolicyProblem[];
  error?: string;
  notice?: string;
  uploadError?: string;
  status?: number;
}

/**
 * /admin/processors: the processors register, which is the policy's `processors` list. Every
 * save is a new policy version, so the statement's recipients and the Art. 30 record follow at
 * once; the signed contracts (DPAs) are stored sealed beside it. registers.manage only.
 */
export function registerProcessorRoutes(app: FastifyInstance, deps: RegistersDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "registers.manage" } as const;
  const today = () => brusselsDay(deps.clock.now());
  const activeBase = async () => (await activePolicyVersion(deps.db))?.contentHash ?? "";

  /** The name in the address, if the policy in force has that processor. */
  const existing = (name: string) => deps.policy().processors.find((p) => p.name === name);

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    editing: string | undefined,
    state: FormState = {},
  ) => {
    const policy = deps.policy();
    const values =
      state.values ?? formValuesOf(editing ? existing(editing) : undefined, await activeBase());
    const contracts = editing
      ? {
          contracts: await contractsOf(deps, editing),
          staffNames: new Map((await listStaff(deps.db)).map((s) => [s.id, s.displayName])),
          maxBytes: deps.config.UPLOAD_MAX_FILE_BYTES,
          error: state.uploadError,
        }
      : undefined;
    return sendPage(
      reply,
      h(ProcessorPage, {
        context: backOfficeContext(request, reply),
        policy,
        editing,
        values,
        problems: state.problems,
        policyProblems: state.policyProblems,
        error: state.error,
        notice: state.notice,
        today: today(),
        contracts,
      }),
      state.status ?? 200,
    );
  };

  /** The form's processor saved as a new policy version, or the form again with what is wrong. */
  const save = async (
    request: FastifyRequest,
    reply: FastifyReply,
    editing: string | undefined,
    values: ProcessorFormValues,
  ) => {
    const staff = requireStaff(request);
    const read = readProcessorForm(values, deps.policy(), editing);
    if ("problems" in read) {
      return renderForm(request, reply, editing, {
        values,
        problems: read.problems,
        error: request.t("processors.error.summary"),
        status: 400,
      });
    }
    const change: ProcessorChange = editing
      ? { kind: "update", name: editing, processor: read.processor }
      : { kind: "add", processor: read.processor };
    const saved = await saveProcessorChange(deps, {
      change,
      base: values.base,
      staffId: staff.staffId,
    });
    switch (saved.status) {
      case "not_found":
        throw new AppError("not_found");
      case "conflict":
        return renderForm(request, reply, editing, {
          values: { ...values, base: saved.base },
          error: request.t("processors.error.changed"),
          status: 409,
        });
      case "invalid":
        return renderForm(request, reply, editing, {
          values,
          policyProblems: saved.problems,
          error: request.t("processors.error.policy"),
          status: 400,
        });
      case "unchanged":
        return reply.redirect(`${processorPath(read.processor.name)}?done=unchanged`, 303);
      case "saved":
        return reply.redirect(
          `${processorPath(read.processor.name)}?done=${editing ? "updated" : "added"}`,
          303,
        );
    }
  };

  typed.get(
    "/admin/processors",
    { config, schema: { querystring: done.query } },
    async (request, reply) => {
      await deps.policies.refresh(deps.db);
      return sendPage(
        reply,
        h(ProcessorListPage, {
          context: backOfficeContext(request, reply),
          policy: deps.policy(),
          today: today(),
          contracts: await latestContractDates(deps),
          notice: done.text(request.t, request.query.done),
        }),
      );
    },
  );

  typed.get("/admin/processors/new", { config }, async (request, reply) => {
    await deps.policies.refresh(deps.db);
    return renderForm(request, reply, undefined);
  });

  typed.post(
    "/admin/processors/new",
    { config, schema: { body: processorFormBody } },
    async (request, reply) => {
      const { _csrf, ...values } = request.body;
      return save(request, reply, undefined, values);
    },
  );

  typed.get(
    "/admin/processors/:name",
    { config, schema: { params: nameParams, querystring: done.query } },
    async (request, reply) => {
      await deps.policies.refresh(deps.db);
      if (!existing(request.params.name)) throw new AppError("not_found");
      return renderForm(request, reply, request.params.name, {
        notice: done.text(request.t, request.query.done),
      });
    },
  );

  typed.post(
    "/admin/processors/:name",
    { config, schema: { params: nameParams, body: processorFormBody } },
    async (request, reply) => {
      if (!existing(request.params.name)) throw new AppError("not_found");
      const { _csrf, ...values } = request.body;
      return save(request, reply, request.params.name, values);
    },
  );

  typed.get(
    "/admin/processors/:name/remove",
    { config, schema: { params: nameParams } },
    async (request, reply) => {
      await deps.policies.refresh(deps.db);
      const { name } = request.params;
      if (!existing(name)) throw new AppError("not_found");
      return sendPage(
        reply,
        h(RemoveProcessorPage, {
          context: backOfficeContext(request, reply),
          name,
          base: await activeBase(),
        }),
      );
    },
  );

  typed.post(
    "/admin/processors/:name/remove",
    { config, schema: { params: nameParams, body: baseOnly } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const { name } = request.params;
      if (!existing(name)) throw new AppError("not_found");
      const saved = await saveProcessorChange(deps, {
        change: { kind: "remove", name },
        base: request.body.base,
        staffId: staff.staffId,
      });
      switch (saved.status) {
        case "saved":
        case "unchanged":
          return reply.redirect("/admin/processors?done=removed", 303);
        case "not_found":
          throw new AppError("not_found");
        case "conflict":
          return renderForm(request, reply, name, {
            error: request.t("processors.error.changed"),
            status: 409,
          });
        case "invalid":
          return renderForm(request, reply, name, {
            policyProblems: saved.problems,
            error: request.t("processors.error.policy"),
            status: 400,
          });
      }
    },
  );

  typed.post(
    "/admin/processors/:name/contracts",
    { config: { ...config, multipartForm: true }, schema: { params: nameParams } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const { name } = request.params;
      if (!existing(name)) throw new AppError("not_found");
      const refuse = (uploadError: string, status: number) =>
        renderForm(request, reply, name, { uploadError, status });
      if (!request.isMultipart()) return refuse(request.t("processors.contract.error.none"), 400);
      const maxBytes = deps.config.UPLOAD_MAX_FILE_BYTES;
      const form = await readMultipartForm(request, reply, { maxTotalBytes: maxBytes }).catch(
        (error: unknown) => {
          if (isTooLarge(error)) return undefined;
          throw error;
        },
      );
      if (!form) {
        const limit = formatBytes(maxBytes);
        return refuse(request.t("processors.contract.error.size", { limit }), 413);
      }
      const file = form.files.find((candidate) => candidate.field === "file");
      if (!file || file.content.length === 0) {
        return refuse(request.t("processors.contract.error.none"), 400);
      }
      const stored = await storeContract(deps, {
        processorName: name,
        fileName: file.filename,
        content: file.content,
        staffId: staff.staffId,
      });
      if (stored.status === "not_pdf")
        return refuse(request.t("processors.contract.error.pdf"), 400);
      return reply.redirect(`${processorPath(name)}?done=uploaded#contract`, 303);
    },
  );

  typed.get(
    "/admin/processors/:name/contracts/:contractId",
    { config, schema: { params: contractParams } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const contractId = uuidParam(request.params.contractId);
      if (!contractId) throw new AppError("not_found");
      const contract = await openContract(deps, {
        processorName: request.params.name,
        contractId,
        staffId: staff.staffId,
      });
      if (!contract) throw new AppError("not_found");
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", contentDisposition(contract.fileName))
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .send(contract.content);
    },
  );
}

/** Our own limit (all parts together) or the multipart plugin's (one file). */
function isTooLarge(error: unknown): boolean {
  if (error instanceof AppError) return error.code === "too_large";
  return (error as { statusCode?: unknown } | null)?.statusCode === 413;
}
