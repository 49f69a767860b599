import type { VNode } from "preact";
import { ScrollableTable } from "../../core/http/index.ts";
import type { Translate } from "../../core/i18n/index.ts";
import { type BackOfficeContext, CsrfField } from "../staff/index.ts";
import type { ContractListing } from "./processor-contracts.ts";

export interface ContractSectionProps {
  context: BackOfficeContext;
  name: string;
  contracts: readonly ContractListing[];
  /** Staff names by id, for "uploaded by". */
  staffNames: ReadonlyMap<string, string>;
  maxBytes: number;
  error?: string | undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function downloadPath(name: string, contractId: string): string {
  return `/admin/processors/${encodeURIComponent(name)}/contracts/${contractId}`;
}

const day = (at: Date) => at.toISOString().slice(0, 10);

/** The signed contract in force, the earlier ones, and the upload of a new one. */
export function ContractSection(props: ContractSectionProps): VNode {
  const { context, name, contracts, staffNames, error } = props;
  const { t } = context;
  const [current, ...older] = contracts;
  const by = (staffId: string) => staffNames.get(staffId) ?? staffId;
  return (
    <section aria-labelledby="contract-title" id="contract">
      <h2 id="contract-title">{t("processors.contract.title")}</h2>
      {current ? (
        <p>
          {t("processors.contract.current", {
            file: current.fileName,
            date: day(current.uploadedAt),
            by: by(current.uploadedBy),
          })}{" "}
          <a href={downloadPath(name, current.id)}>{t("processors.contract.download")}</a>
        </p>
      ) : (
        <p>{t("processors.contract.none")}</p>
      )}
      {older.length > 0 && <OlderContracts {...props} older={older} by={by} t={t} />}
      <UploadForm {...props} error={error} />
    </section>
  );
}

function OlderContracts(props: {
  name: string;
  older: readonly ContractListing[];
  by: (staffId: string) => string;
  t: Translate;
}): VNode {
  const { name, older, by, t } = props;
  return (
    <ScrollableTable label={t("processors.contract.older")}>
      <table>
        <caption>{t("processors.contract.older")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("processors.contract.col.file")}</th>
            <th scope="col">{t("processors.contract.col.date")}</th>
            <th scope="col">{t("processors.contract.col.by")}</th>
            <th scope="col">{t("processors.contract.col.size")}</th>
          </tr>
        </thead>
        <tbody>
          {older.map((contract) => (
            <tr key={contract.id}>
              <th scope="row">
                <a href={downloadPath(name, contract.id)}>{contract.fileName}</a>
              </th>
              <td>{day(contract.uploadedAt)}</td>
              <td>{by(contract.uploadedBy)}</td>
              <td>{formatBytes(contract.size)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

function UploadForm(props: ContractSectionProps): VNode {
  const { context, name, maxBytes, error } = props;
  const { t } = context;
  return (
    <form
      method="post"
      action={`/admin/processors/${encodeURIComponent(name)}/contracts`}
      enctype="multipart/form-data"
      aria-labelledby="contract-upload"
    >
      {/* The token leads the form: it is checked before a byte of the file is read. */}
      <CsrfField token={context.csrf} />
      <h3 id="contract-upload">{t("processors.contract.upload")}</h3>
      <label for="contract-file">
        {t("processors.contract.file", { limit: formatBytes(maxBytes) })}
        <input
          id="contract-file"
          type="file"
          name="file"
          accept="application/pdf,.pdf"
          required
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? "contract-file-error" : undefined}
        />
        {error && (
          <small id="contract-file-error" class="field-problem">
            {error}
          </small>
        )}
      </label>
      <button type="submit">{t("processors.contract.submit")}</button>
    </form>
  );
}
