import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, uuidParam } from "../../core/http/index.ts";
import type { MessageKey } from "../../core/i18n/index.ts";
import { customerKinds } from "../customers/index.ts";
import { requireStaff } from "../staff/index.ts";
import {
  convertRequestToCustomer,
  endLinkedAgreement,
  type LinkRefusal,
  linkRequestToCustomer,
} from "./contact-customer.ts";
import type { ContactModuleDeps } from "./contact-module-deps.ts";

export type RenderContactRequest = (
  request: FastifyRequest,
  reply: FastifyReply,
  requestId: string,
  options: { error: string; status: number },
) => Promise<unknown>;

const refusals: Record<LinkRefusal, { key: MessageKey; status: number }> = {
  not_found: { key: "contact-admin.back", status: 404 },
  erased: { key: "contact-customer.error.erased", status: 409 },
  unknown_customer: { key: "contact-customer.error.unknown_customer", status: 400 },
  already_linked: { key: "contact-customer.error.already_linked", status: 409 },
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(value: string): boolean {
  return isoDate.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** Turning a request into business: link it to a customer, or make one, and end agreements. */
export function registerContactCustomerRoutes(
  app: FastifyInstance,
  deps: ContactModuleDeps,
  render: RenderContactRequest,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  // The route reads and changes a contact request; whoever handles those may make it business.
  const config = { permission: "contact.manage" } as const;
  const params = z.object({ id: z.string() });

  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    requestId: string,
    refusal: LinkRefusal,
  ) => {
    if (refusal === "not_found") throw new AppError("not_found");
    const { key, status } = refusals[refusal];
    return render(request, reply, requestId, { error: request.t(key), status });
  };

  typed.post(
    "/admin/contact/:id/customer",
    {
      config,
      schema: {
        params,
        body: z.object({ number: z.string().max(40), _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const requestId = uuidParam(request.params.id);
      if (!requestId) throw new AppError("not_found");
      const result = await linkRequestToCustomer(deps, {
        requestId,
        staffId: staff.staffId,
        customerNumber: request.body.number,
      });
      if (typeof result === "string") return refuse(request, reply, requestId, result);
      return reply.redirect(`/admin/contact/${requestId}?done=linked`, 303);
    },
  );

  typed.post(
    "/admin/contact/:id/customer/new",
    {
      config,
      schema: {
        params,
        body: z.object({
          kind: z.enum(customerKinds),
          companyName: z.string().max(1000).optional().default(""),
          service: z.string().max(1000),
          startsOn: z.string().max(40),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const requestId = uuidParam(request.params.id);
      if (!requestId) throw new AppError("not_found");
      const { kind, startsOn } = request.body;
      const companyName = request.body.companyName.trim();
      const service = request.body.service.trim();
      const problem: MessageKey | undefined =
        kind === "company" && (companyName === "" || companyName.length > 200)
          ? "contact-customer.error.company_name"
          : service === "" || service.length > 200
            ? "contact-customer.error.service"
            : !isRealDay(startsOn)
              ? "contact-customer.error.starts"
              : undefined;
      if (problem)
        return render(request, reply, requestId, { error: request.t(problem), status: 400 });
      const result = await convertRequestToCustomer(deps, {
        requestId,
        staffId: staff.staffId,
        kind,
        companyName,
        service,
        startsOn,
      });
      if (typeof result === "string") return refuse(request, reply, requestId, result);
      return reply.redirect(`/admin/contact/${requestId}?done=created`, 303);
    },
  );

  typed.post(
    "/admin/contact/:id/agreements/:agreementId/end",
    {
      config,
      schema: {
        params: z.object({ id: z.string(), agreementId: z.string() }),
        body: z.object({ _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const requestId = uuidParam(request.params.id);
      const agreementId = uuidParam(request.params.agreementId);
      if (!requestId || !agreementId) throw new AppError("not_found");
      const ended = await endLinkedAgreement(deps, {
        requestId,
        agreementId,
        staffId: staff.staffId,
      });
      if (!ended) {
        return render(request, reply, requestId, {
          error: request.t("contact-customer.error.agreement"),
          status: 409,
        });
      }
      return reply.redirect(`/admin/contact/${requestId}?done=ended`, 303);
    },
  );
}
