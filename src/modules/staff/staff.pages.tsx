import type { ComponentChildren, VNode } from "preact";
import { Layout, type PageContext, ScrollableTable } from "../../core/http/index.ts";
import type { MessageKey } from "../../core/i18n/index.ts";
import { type Permission, roleCan } from "./permissions.ts";
import type { ActiveSession } from "./sessions.ts";
import type { StaffAccount } from "./staff.service.ts";
import { type StaffRole, staffRoles } from "./staff.tables.ts";

export interface BackOfficeContext extends PageContext {
  csrf: string;
  staff: ActiveSession | null;
}

/** The nav's groups: daily work with customers, the privacy officer's tools, and the office. */
const sectionGroups = ["work", "privacy", "office"] as const;
type SectionGroup = (typeof sectionGroups)[number];

interface Section {
  href: string;
  label: MessageKey;
  permission: Permission;
  group: SectionGroup;
}

/** The back office's sections; a module adds its own entry, in its group, when it lands. */
export const backOfficeSections: Section[] = [
  {
    href: "/admin/contact",
    label: "contact-admin.nav",
    permission: "contact.manage",
    group: "work",
  },
  {
    href: "/admin/customers",
    label: "customers-admin.nav",
    permission: "customers.manage",
    group: "work",
  },
  { href: "/admin/orders", label: "orders-admin.nav", permission: "orders.manage", group: "work" },
  { href: "/admin/support", label: "support.nav", permission: "support.manage", group: "work" },
  {
    href: "/admin/newsletter/campaigns",
    label: "newsletter-admin.nav",
    permission: "newsletter.manage",
    group: "work",
  },
  {
    href: "/admin/newsletter/subscribers",
    label: "newsletter-subscribers.nav",
    permission: "newsletter.manage",
    group: "work",
  },
  {
    href: "/admin/rights",
    label: "rights-admin.nav",
    permission: "rights.manage",
    group: "privacy",
  },
  { href: "/admin/consent", label: "consent.nav", permission: "rights.manage", group: "privacy" },
  {
    href: "/admin/quarantine",
    label: "scanner-admin.nav",
    permission: "quarantine.manage",
    group: "privacy",
  },
  {
    href: "/admin/processors",
    label: "processors.nav",
    permission: "registers.manage",
    group: "privacy",
  },
  {
    href: "/admin/disclosures",
    label: "disclosures.nav",
    permission: "registers.manage",
    group: "privacy",
  },
  {
    href: "/admin/breaches",
    label: "breaches.nav",
    permission: "registers.manage",
    group: "privacy",
  },
  {
    href: "/admin/subjects",
    label: "records.nav.subjects",
    permission: "subjects.read",
    group: "privacy",
  },
  {
    href: "/admin/datamap",
    label: "records.nav.datamap",
    permission: "retention.manage",
    group: "privacy",
  },
  {
    href: "/admin/retention",
    label: "records.nav.retention",
    permission: "retention.manage",
    group: "privacy",
  },
  {
    href: "/admin/holds",
    label: "records.nav.holds",
    permission: "retention.manage",
    group: "privacy",
  },
  {
    href: "/admin/record",
    label: "admin.nav.record",
    permission: "policy.manage",
    group: "privacy",
  },
  {
    href: "/admin/policy",
    label: "admin.nav.policy",
    permission: "policy.manage",
    group: "privacy",
  },
  { href: "/admin", label: "admin.nav.dashboard", permission: "backoffice.view", group: "office" },
  { href: "/admin/staff", label: "admin.nav.staff", permission: "staff.manage", group: "office" },
  { href: "/admin/audit", label: "admin.nav.audit", permission: "audit.read", group: "office" },
  {
    href: "/admin/account",
    label: "admin.nav.account",
    permission: "account.manage",
    group: "office",
  },
];

const groupLabels: Record<SectionGroup, MessageKey> = {
  work: "admin.nav.group.work",
  privacy: "admin.nav.group.privacy",
  office: "admin.nav.group.office",
};

/** One row per group, its name first: 17 links stay findable on a phone. */
function SectionNav({ context, sections }: { context: BackOfficeContext; sections: Section[] }) {
  const { t } = context;
  const current = context.path.split("?")[0];
  return (
    <div class="admin-nav-groups">
      {sectionGroups.map((group) => {
        const links = sections.filter((section) => section.group === group);
        if (links.length === 0) return null;
        return (
          <div key={group} class="admin-nav-group">
            <span id={`admin-nav-${group}`} class="admin-nav-group-name">
              {t(groupLabels[group])}
            </span>
            <ul aria-labelledby={`admin-nav-${group}`}>
              {links.map((section) => (
                <li key={section.href}>
                  <a
                    href={section.href}
                    aria-current={current === section.href ? "page" : undefined}
                  >
                    {t(section.label)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

export function CsrfField({ token }: { token: string }): VNode {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function AdminLayout(props: {
  context: BackOfficeContext;
  title: string;
  notice?: string | undefined;
  children: ComponentChildren;
}): VNode {
  const { context, title, notice, children } = props;
  const { t, staff } = context;
  const sections = staff
    ? backOfficeSections.filter((section) => roleCan(staff.role, section.permission))
    : [];
  return (
    <Layout context={context} title={title}>
      {staff && !staff.pendingSecondFactor && (
        <nav class="admin-nav" aria-label={t("admin.nav.label")}>
          <SectionNav context={context} sections={sections} />
          <form method="post" action="/admin/logout" class="inline-form">
            <CsrfField token={context.csrf} />
            <button type="submit" class="secondary outline">
              {t("admin.logout")}
            </button>
          </form>
        </nav>
      )}
      <h1>{title}</h1>
      {notice && (
        <p role="status" class="notice">
          {notice}
        </p>
      )}
      {children}
    </Layout>
  );
}

function ErrorText({ message }: { message?: string | undefined }): VNode | null {
  return message ? (
    <p role="alert" class="form-error">
      {message}
    </p>
  ) : null;
}

/** One form for a TOTP or recovery code, at sign-in and at enrolment. */
function CodeForm(props: {
  context: BackOfficeContext;
  action: string;
  next?: string;
  error?: string | undefined;
  submit: string;
}): VNode {
  const { context, action, next, error, submit } = props;
  return (
    <form method="post" action={action} class="narrow-form">
      <CsrfField token={context.csrf} />
      {next && <input type="hidden" name="next" value={next} />}
      <ErrorText message={error} />
      <label>
        {context.t("admin.field.code")}
        <input
          type="text"
          name="code"
          inputmode="numeric"
          autocomplete="one-time-code"
          required
          maxLength={20}
        />
      </label>
      <button type="submit">{submit}</button>
    </form>
  );
}

export function LoginPage(props: {
  context: BackOfficeContext;
  next: string;
  error?: string | undefined;
  email?: string | undefined;
}): VNode {
  const { context, next, error, email } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("admin.login.title")}>
      <form method="post" action="/admin/login" class="narrow-form">
        <CsrfField token={context.csrf} />
        <input type="hidden" name="next" value={next} />
        <ErrorText message={error} />
        <label>
          {t("admin.field.email")}
          <input type="email" name="email" autocomplete="username" required value={email ?? ""} />
        </label>
        <label>
          {t("admin.field.password")}
          <input type="password" name="password" autocomplete="current-password" required />
        </label>
        <button type="submit">{t("admin.login.submit")}</button>
      </form>
    </AdminLayout>
  );
}

export function SecondFactorPage(props: {
  context: BackOfficeContext;
  next: string;
  error?: string | undefined;
}): VNode {
  const { context, next, error } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("admin.code.title")}>
      <p>{t("admin.code.intro")}</p>
      <CodeForm
        context={context}
        action="/admin/login/code"
        next={next}
        error={error}
        submit={t("admin.code.submit")}
      />
    </AdminLayout>
  );
}

export function SetupPage(props: {
  context: BackOfficeContext;
  token: string;
  email: string;
  error?: string | undefined;
}): VNode {
  const { context, token, email, error } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("admin.setup.title")}>
      <p>{t("admin.setup.intro", { email })}</p>
      <form method="post" action={`/admin/setup/${token}`} class="narrow-form">
        <CsrfField token={context.csrf} />
        <ErrorText message={error} />
        <input type="hidden" name="username" autocomplete="username" value={email} />
        <label>
          {t("admin.field.new_password")}
          <input
            type="password"
            name="password"
            autocomplete="new-password"
            minLength={12}
            required
            aria-describedby="password-hint"
          />
          <small id="password-hint">{t("admin.password.hint")}</small>
        </label>
        <label>
          {t("admin.field.repeat_password")}
          <input type="password" name="repeat" autocomplete="new-password" required />
        </label>
        <button type="submit">{t("admin.setup.submit")}</button>
      </form>
    </AdminLayout>
  );
}

export function EnrolPage(props: {
  context: BackOfficeContext;
  qrDataUrl: string;
  uri: string;
  error?: string | undefined;
}): VNode {
  const { context, qrDataUrl, uri, error } = props;
  const { t } = context;
  const secret = new URL(uri).searchParams.get("secret") ?? "";
  return (
    <AdminLayout context={context} title={t("admin.enrol.title")}>
      <p>{t("admin.enrol.intro")}</p>
      <figure class="qr">
        <img src={qrDataUrl} alt={t("admin.enrol.qr_alt")} width={220} height={220} />
        <figcaption>
          {t("admin.enrol.manual")} <code>{secret.replace(/(.{4})/g, "$1 ").trim()}</code>
        </figcaption>
      </figure>
      <CodeForm
        context={context}
        action="/admin/enrol"
        error={error}
        submit={t("admin.enrol.submit")}
      />
    </AdminLayout>
  );
}

export function RecoveryCodesPage(props: { context: BackOfficeContext; codes: string[] }): VNode {
  const { context, codes } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("admin.recovery.title")}>
      <p>{t("admin.recovery.intro")}</p>
      <ul class="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin">{t("admin.recovery.done")}</a>
      </p>
    </AdminLayout>
  );
}

export function DashboardPage({ context }: { context: BackOfficeContext }): VNode {
  const { t, staff } = context;
  const sections = backOfficeSections.filter(
    (section) => section.href !== "/admin" && staff && roleCan(staff.role, section.permission),
  );
  return (
    <AdminLayout
      context={context}
      title={t("admin.dashboard.title", { name: staff?.displayName ?? "" })}
    >
      {sectionGroups.map((group) => {
        const links = sections.filter((section) => section.group === group);
        if (links.length === 0) return null;
        return (
          <section key={group} aria-labelledby={`dashboard-${group}`}>
            <h2 id={`dashboard-${group}`}>{t(groupLabels[group])}</h2>
            <ul class="actions">
              {links.map((section) => (
                <li key={section.href}>
                  <article>
                    <a href={section.href}>
                      <strong>{t(section.label)}</strong>
                    </a>
                  </article>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </AdminLayout>
  );
}

const roleLabel: Record<StaffRole, MessageKey> = {
  admin: "admin.role.admin",
  privacy: "admin.role.privacy",
  support: "admin.role.support",
  billing: "admin.role.billing",
};

function RoleSelect(props: { t: PageContext["t"]; value?: StaffRole; id: string }): VNode {
  return (
    <select name="role" id={props.id} required>
      {staffRoles.map((role) => (
        <option key={role} value={role} selected={role === props.value}>
          {props.t(roleLabel[role])}
        </option>
      ))}
    </select>
  );
}

export function StaffListPage(props: {
  context: BackOfficeContext;
  accounts: StaffAccount[];
  notice?: string | undefined;
  setupLink?: string | undefined;
}): VNode {
  const { context, accounts, notice, setupLink } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("admin.staff.title")} notice={notice}>
      {setupLink && (
        <article class="setup-link">
          <p>{t("admin.staff.setup_link")}</p>
          <p>
            <code>{setupLink}</code>
          </p>
        </article>
      )}
      <ScrollableTable label={t("admin.staff.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.field.email")}</th>
              <th scope="col">{t("admin.field.role")}</th>
              <th scope="col">{t("admin.staff.status")}</th>
              <th scope="col">{t("admin.staff.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <StaffRow key={account.id} context={context} account={account} />
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <section aria-labelledby="invite">
        <h2 id="invite">{t("admin.staff.invite")}</h2>
        <form method="post" action="/admin/staff" class="narrow-form">
          <CsrfField token={context.csrf} />
          <label>
            {t("admin.field.email")}
            <input type="email" name="email" required />
          </label>
          <label>
            {t("admin.field.display_name")}
            <input type="text" name="displayName" required maxLength={120} />
          </label>
          <label for="invite-role">{t("admin.field.role")}</label>
          <RoleSelect t={t} id="invite-role" value="support" />
          <button type="submit">{t("admin.staff.invite_submit")}</button>
        </form>
      </section>
    </AdminLayout>
  );
}

function StaffRow({ context, account }: { context: BackOfficeContext; account: StaffAccount }) {
  const { t } = context;
  const status = account.disabledAt
    ? t("admin.staff.disabled")
    : !account.passwordHash
      ? t("admin.staff.invited")
      : account.totpEnabledAt
        ? t("admin.staff.active")
        : t("admin.staff.no_second_factor");
  const roleId = `role-${account.id}`;
  return (
    <tr>
      <td>
        {account.displayName}
        <br />
        <small>{account.email}</small>
      </td>
      <td>
        <form method="post" action={`/admin/staff/${account.id}/role`} class="inline-form">
          <CsrfField token={context.csrf} />
          <label for={roleId} class="visually-hidden">
            {t("admin.field.role")}
          </label>
          <RoleSelect t={t} id={roleId} value={account.role} />
          <button type="submit" class="secondary outline">
            {t("admin.staff.save_role")}
          </button>
        </form>
      </td>
      <td>{status}</td>
      <td>
        <form method="post" action={`/admin/staff/${account.id}/disabled`} class="inline-form">
          <CsrfField token={context.csrf} />
          <input type="hidden" name="disabled" value={account.disabledAt ? "false" : "true"} />
          <button type="submit" class="secondary outline">
            {account.disabledAt ? t("admin.staff.enable") : t("admin.staff.disable")}
          </button>
        </form>
        <form method="post" action={`/admin/staff/${account.id}/setup-link`} class="inline-form">
          <CsrfField token={context.csrf} />
          <button type="submit" class="secondary outline">
            {t("admin.staff.new_link")}
          </button>
        </form>
      </td>
    </tr>
  );
}

export function AccountPage(props: {
  context: BackOfficeContext;
  notice?: string | undefined;
  error?: string | undefined;
  recoveryCodesLeft: number;
}): VNode {
  const { context, notice, error, recoveryCodesLeft } = props;
  const { t, staff } = context;
  return (
    <AdminLayout context={context} title={t("admin.account.title")} notice={notice}>
      <p>
        {staff?.displayName} · {staff?.email} · {staff ? t(roleLabel[staff.role]) : ""}
      </p>
      <section aria-labelledby="password">
        <h2 id="password">{t("admin.account.password")}</h2>
        <form method="post" action="/admin/account/password" class="narrow-form">
          <CsrfField token={context.csrf} />
          <ErrorText message={error} />
          <input type="hidden" name="username" autocomplete="username" value={staff?.email ?? ""} />
          <label>
            {t("admin.field.current_password")}
            <input
              type="password"
              name="currentPassword"
              autocomplete="current-password"
              required
            />
          </label>
          <label>
            {t("admin.field.new_password")}
            <input
              type="password"
              name="newPassword"
              autocomplete="new-password"
              minLength={12}
              required
            />
            <small>{t("admin.password.hint")}</small>
          </label>
          <button type="submit">{t("admin.account.change_password")}</button>
        </form>
      </section>
      <section aria-labelledby="recovery">
        <h2 id="recovery">{t("admin.account.recovery")}</h2>
        <p>{t("admin.account.recovery_left", { count: recoveryCodesLeft })}</p>
        <form method="post" action="/admin/account/recovery-codes">
          <CsrfField token={context.csrf} />
          <button type="submit" class="secondary">
            {t("admin.account.recovery_new")}
          </button>
        </form>
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions">{t("admin.account.sessions")}</h2>
        <p>{t("admin.account.sessions_intro")}</p>
        <form method="post" action="/admin/account/sign-out-everywhere">
          <CsrfField token={context.csrf} />
          <button type="submit" class="secondary">
            {t("admin.account.sign_out_everywhere")}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
