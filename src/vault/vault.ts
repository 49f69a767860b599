import { createHmac, randomBytes } from "node:crypto";
import { and, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { type AuditActor, appendAudit } from "../audit/index.ts";
import type { Clock } from "../core/clock.ts";
import type { Config } from "../core/config.ts";
import type { Db } from "../core/db/database.ts";
import { isUuid } from "../core/is-uuid.ts";
import {
  keyBytes,
  openBytes,
  openText,
  openVersionedBytes,
  sealBytes,
  sealText,
  sealVersionedBytes,
} from "./aes-gcm.ts";
import { ERASED, type Erased } from "./erased.ts";
import { appendErasure, erasureLedgerPath } from "./erasure-ledger.ts";
import { KeyCache } from "./key-cache.ts";
import { dataKeyAad, unwrapKey, vaultKeyAad, wrapKey } from "./key-wrap.ts";
import { loadMasterKeyring, type MasterKeyConfig, type MasterKeyring } from "./master-key.ts";
import {
  nameTokens,
  normaliseEmail,
  normalisePhone,
  normaliseTeamviewerId,
  normaliseVat,
} from "./normalise.ts";
import { isVaultPurpose, type VaultPurpose } from "./purposes.ts";
import {
  type ReplayErasureLedgerOptions,
  type ReplayReport,
  replayErasureLedger,
} from "./replay-erasure-ledger.ts";
import {
  type RotateMasterKeyOptions,
  type RotationReport,
  rotateMasterKey,
} from "./rotate-master-key.ts";
import {
  dataKeys,
  type IdentifierKind,
  subjectIdentifiers,
  subjects,
  vaultKeys,
} from "./vault.tables.ts";
import { SealedUnderOtherKeyError, VaultIntegrityError } from "./vault-integrity-error.ts";

export type VaultConfig = MasterKeyConfig & Pick<Config, "ERASURE_LEDGER_PATH">;

export interface OpenVaultOptions {
  db: Db;
  config: VaultConfig;
  clock: Clock;
  /** Defaults to the keyring the config describes; the CLI passes one it has just rotated. */
  keyring?: MasterKeyring;
}

/** Strong identifiers: each belongs to one person, so any one of them finds the subject. */
export interface SubjectIdentifiers {
  email?: string | undefined;
  phone?: string | undefined;
  vat?: string | undefined;
  teamviewerId?: string | undefined;
}

export interface SubjectDetails extends SubjectIdentifiers {
  /** Only for search by first or last name; shared by many people, so it never merges subjects. */
  name?: string | undefined;
}

/** Where a ciphertext lives: it only decrypts there (the AAD), under that subject's purpose key. */
export interface FieldPlace {
  subjectId: string;
  purpose: VaultPurpose;
  table: string;
  column: string;
  recordId: string;
}

export interface ShredOptions {
  subjectId: string;
  purpose: VaultPurpose;
  /** A machine-readable code such as "rights.erasure" or "retention.newsletter": it goes to the ledger, which holds no personal data. */
  reason: string;
  /** Who asked for it (a staff member, the subject, a retention job); "system" when not given. */
  actor?: AuditActor;
}

export interface ShredManyOptions extends Omit<ShredOptions, "subjectId"> {
  subjectIds: readonly string[];
}

type InstallationKeyName = "blind_index" | "system";

const strongKinds = [
  ["email", "email", normaliseEmail],
  ["phone", "phone", normalisePhone],
  ["vat", "vat", normaliseVat],
  ["teamviewerId", "teamviewer", normaliseTeamviewerId],
] as const satisfies readonly (readonly [
  keyof SubjectIdentifiers,
  IdentifierKind,
  (value: string) => string | undefined,
])[];

const cacheCapacity = 1_000;
/** How long another process's shred can go unnoticed by this process's cache. */
const cacheTtlMs = 30_000;
const reasonPattern = /^[A-Za-z0-9_.:-]{1,100}$/;

/** Loads the master keys and the installation keys (creating them on first start). */
export function openVault(options: OpenVaultOptions): Promise<Vault> {
  return Vault.open(options);
}

/**
 * Subjects, blind indexes, field encryption and crypto-shredding. Methods that touch the database
 * take `db` first, so they run inside the caller's transaction: a record, its ciphertexts and its
 * audit entry commit together.
 */
export class Vault {
  readonly #keyring: MasterKeyring;
  readonly #clock: Clock;
  readonly #ledgerPath: string;
  readonly #cache: KeyCache;
  /**
   * Keys seen inside a transaction are cached only for that transaction: it may roll back the
   * key it created, and a shared cache would then encrypt under a key nobody can find again.
   */
  readonly #transactionKeys = new WeakMap<Db, { epoch: number; keys: Map<string, Buffer> }>();
  /**
   * The person a transaction created (intake creates one): nobody else can see them before it
   * commits, so they have no data key yet and looking for one is a wasted round trip.
   */
  readonly #createdHere = new WeakMap<Db, string>();
  /** Bumped by every shred, so no transaction's cache outlives one (savepoints have their own). */
  #epoch = 0;
  #blindIndexKey: Buffer | undefined;
  #systemKey: Buffer | undefined;

  private constructor(
    keyring: MasterKeyring,
    clock: Clock,
    ledgerPath: string,
    /** Set when a master key file was just generated; the server logs it on start. */
    readonly warning: string | undefined,
  ) {
    this.#keyring = keyring;
    this.#clock = clock;
    this.#ledgerPath = ledgerPath;
    this.#cache = new KeyCache(cacheCapacity, cacheTtlMs, () => clock.now().getTime());
  }

  static async open({ db, config, clock, keyring }: OpenVaultOptions): Promise<Vault> {
    const loaded = keyring ? { keyring, warning: undefined } : await loadMasterKeyring(config);
    const vault = new Vault(loaded.keyring, clock, erasureLedgerPath(config), loaded.warning);
    vault.#blindIndexKey = await vault.#installationKey(db, "blind_index");
    vault.#systemKey = await vault.#installationKey(db, "system");
    return vault;
  }

  get erasureLedgerPath(): string {
    return this.#ledgerPath;
  }

  get keyring(): MasterKeyring {
    return this.#keyring;
  }

  /**
   * A keyed hash for the installation's own lookups (login throttling, recovery codes). The
   * label keeps each use apart from the others and from the subjects' blind indexes.
   */
  keyedHash(label: string, value: string): string {
    if (!this.#blindIndexKey) throw new Error("the vault was not opened with openVault");
    return createHmac("sha256", this.#blindIndexKey)
      .update(`keyed\u0000${label}\u0000${value}`)
      .digest("base64url");
  }

  blindIndex(kind: IdentifierKind, normalisedValue: string): string {
    if (!this.#blindIndexKey) throw new Error("the vault was not opened with openVault");
    return createHmac("sha256", this.#blindIndexKey)
      .update(`${kind}\u0000${normalisedValue}`)
      .digest("base64url");
  }

  async findSubject(db: Db, identifiers: SubjectIdentifiers): Promise<string | undefined> {
    return this.#findByIndexes(db, this.#strongIndexes(identifiers));
  }

  /**
   * Finds the person by any strong identifier, or registers them, then links the identifiers not
   * linked yet. One linked to someone else stays theirs. Two requests registering the same new
   * person at once end with one subject: the loser of the unique index removes its own.
   */
  async ensureSubject(
    db: Db,
    details: SubjectDetails,
  ): Promise<{ subjectId: string; created: boolean }> {
    const strong = this.#strongIndexes(details);
    const tokens = details.name
      ? nameTokens(details.name).map((token) => ({
          kind: "name_token" as const,
          blindIndex: this.blindIndex("name_token", token),
        }))
      : [];
    const found = await this.#findByIndexes(db, strong);
    if (found) {
      await this.#link(db, found, [...strong, ...tokens]);
      return { subjectId: found, created: false };
    }
    const [row] = await db
      .insert(subjects)
      .values({ createdAt: this.#clock.now() })
      .returning({ id: subjects.id });
    if (!row) throw new Error("inserting a subject returned no row");
    // One insert for the new person's identifiers and name words: intake is one round trip less.
    const linked = await this.#link(db, row.id, [...strong, ...tokens]);
    const strongLinked = linked.filter((kind) => kind !== "name_token").length;
    if (strong.length > 0 && strongLinked === 0) {
      // A concurrent writer created the same person first: theirs wins, ours (cascading its name
      // words) goes.
      const winner = await this.#findByIndexes(db, strong);
      if (winner && winner !== row.id) {
        await db.delete(subjects).where(eq(subjects.id, row.id));
        await this.#link(db, winner, tokens);
        return { subjectId: winner, created: false };
      }
    }
    if (inTransaction(db)) this.#createdHere.set(db, row.id);
    return { subjectId: row.id, created: true };
  }

  /** Subjects whose name has every word of the query, case and accents ignored. */
  async findSubjectsByName(db: Db, query: string, limit = 100): Promise<string[]> {
    const indexes = nameTokens(query).map((token) => this.blindIndex("name_token", token));
    if (indexes.length === 0) return [];
    const rows = await db
      .select({ subjectId: subjectIdentifiers.subjectId })
      .from(subjectIdentifiers)
      .where(
        and(
          eq(subjectIdentifiers.kind, "name_token"),
          inArray(subjectIdentifiers.blindIndex, indexes),
        ),
      )
      .groupBy(subjectIdentifiers.subjectId)
      .having(sql`count(distinct ${subjectIdentifiers.blindIndex}) = ${indexes.length}`)
      .limit(limit);
    return rows.map((row) => row.subjectId);
  }

  // A warm key is used without a further await: a record has many fields, and every await
  // costs more than the AES-GCM of a short field.
  async encryptField(db: Db, field: FieldPlace & { value: string }): Promise<string> {
    const key = this.#keyForWriting(db, field) ?? (await this.#dataKeyForWriting(db, field));
    return sealText(key, Buffer.from(field.value, "utf8"), fieldAad(field));
  }

  /**
   * Seals a copy in transit (a queued mail) under the subject's key, or says ERASED when that key
   * was shredded: an erased person is not written to. A cached key is used without the share
   * lock encryptField takes, so a campaign's batch costs no query per reader; a shred that
   * commits meanwhile is caught when the mail is opened for delivery, from keys read afresh.
   * A subject with no key row at all gets one, as for any first record.
   */
  async sealInTransit(db: Db, field: FieldPlace & { value: string }): Promise<string | Erased> {
    const key = this.#cachedKey(db, field) ?? (await this.#liveDataKey(db, field));
    if (!key) return ERASED;
    return sealText(key, Buffer.from(field.value, "utf8"), fieldAad(field));
  }

  /** The subject's key for writing, unless it was shredded: a shred is never undone here. */
  async #liveDataKey(db: Db, field: FieldPlace): Promise<Buffer | undefined> {
    const row = await this.#readDataKey(db, field.subjectId, field.purpose, inTransaction(db));
    if (!row) return this.#dataKeyForWriting(db, field);
    if (!row.wrappedKey) return undefined;
    const key = await this.#unwrapDataKey(row, field.subjectId, field.purpose);
    this.#remember(db, cacheId(field.subjectId, field.purpose), key);
    return key;
  }

  async decryptField(db: Db, field: FieldPlace & { ciphertext: string }): Promise<string | Erased> {
    const open = (key: Buffer) =>
      openText(key, field.ciphertext, fieldAad(field), () => describe(field)).toString("utf8");
    return this.#openWithCachedKey(db, field, open) ?? this.#decrypt(db, field, open);
  }

  /**
   * Loads many people's keys for one purpose in one query, so decrypting a batch (a campaign's
   * readers) costs one round trip instead of one per person. Keys already cached are not read
   * again, unless `fresh`: then every key is read, and one shredded since it was cached (in
   * another process, say) is dropped from the cache, so decryptField reports it as erased. At
   * most the cache's capacity is loaded.
   */
  async preloadKeys(
    db: Db,
    purpose: VaultPurpose,
    subjectIds: readonly string[],
    { fresh = false }: { fresh?: boolean } = {},
  ): Promise<void> {
    assertPurpose(purpose);
    const missing = [...new Set(subjectIds)]
      .filter((subjectId) => fresh || !this.#cached(db, cacheId(subjectId, purpose)))
      .slice(0, cacheCapacity);
    if (missing.length === 0) return;
    const rows = await db
      .select({
        subjectId: dataKeys.subjectId,
        wrappedKey: dataKeys.wrappedKey,
        masterKeyId: dataKeys.masterKeyId,
      })
      .from(dataKeys)
      .where(and(inArray(dataKeys.subjectId, missing), eq(dataKeys.purpose, purpose)));
    for (const row of rows) {
      if (!row.wrappedKey) {
        if (this.#cache.get(cacheId(row.subjectId, purpose))) this.#forget(row.subjectId, purpose);
        continue;
      }
      const key = await this.#unwrapDataKey(row, row.subjectId, purpose);
      this.#remember(db, cacheId(row.subjectId, purpose), key);
    }
  }

  async encryptBytes(db: Db, field: FieldPlace & { value: Buffer }): Promise<Buffer> {
    const key = this.#keyForWriting(db, field) ?? (await this.#dataKeyForWriting(db, field));
    return sealVersionedBytes(key, field.value, fieldAad(field));
  }

  async decryptBytes(db: Db, field: FieldPlace & { ciphertext: Buffer }): Promise<Buffer | Erased> {
    const open = (key: Buffer) =>
      openVersionedBytes(key, field.ciphertext, fieldAad(field), () => describe(field));
    return this.#openWithCachedKey(db, field, open) ?? this.#decrypt(db, field, open);
  }

  /** Installation secrets (staff TOTP secrets): no subject, so never shredded with one. */
  sealSecret(value: string, aad: string): string {
    return sealText(this.#requireSystemKey(), Buffer.from(value, "utf8"), `secret\u0000${aad}`);
  }

  openSecret(sealed: string, aad: string): string {
    return openText(
      this.#requireSystemKey(),
      sealed,
      `secret\u0000${aad}`,
      "installation secret",
    ).toString("utf8");
  }

  /** Installation documents (a processor's contract): no subject, sealed like the secrets. */
  sealDocument(value: Buffer, aad: string): Buffer {
    return sealBytes(this.#requireSystemKey(), value, `document\u0000${aad}`);
  }

  openDocument(sealed: Buffer, aad: string): Buffer {
    return openBytes(this.#requireSystemKey(), sealed, `document\u0000${aad}`, () => "document");
  }

  /**
   * Destroys the subject's key for one purpose: every field under it reads as ERASED, in the
   * database and in every backup and WAL segment holding the ciphertext. The ledger line is
   * written before the caller commits, so a crash can over-record a shred but never lose one.
   */
  async shred(
    db: Db,
    { subjectId, purpose, reason, actor }: ShredOptions,
  ): Promise<{ shredded: boolean }> {
    const destroyed = await this.#destroyKeys(db, [subjectId], purpose, reason);
    await appendAudit(db, {
      clock: this.#clock,
      entry: {
        actor: actor ?? { type: "system" },
        action: "vault.shred",
        subjectId,
        purpose,
        details: { reason, keyDestroyed: destroyed > 0 },
      },
    });
    await this.#ledger([subjectId], purpose, reason);
    return { shredded: destroyed > 0 };
  }

  /**
   * Shreds many subjects' keys for one purpose at once, as a retention sweep does: one audit
   * entry (count, no ids: the ledger holds them) and one ledger fsync for the whole batch.
   */
  async shredMany(
    db: Db,
    { subjectIds, purpose, reason, actor }: ShredManyOptions,
  ): Promise<{ shredded: number }> {
    if (subjectIds.length === 0) return { shredded: 0 };
    const destroyed = await this.#destroyKeys(db, subjectIds, purpose, reason);
    await appendAudit(db, {
      clock: this.#clock,
      entry: {
        actor: actor ?? { type: "system" },
        action: "vault.shred",
        // One person's erasure names them, as shred() does; a sweep's batch names nobody.
        ...(subjectIds.length === 1 && subjectIds[0] ? { subjectId: subjectIds[0] } : {}),
        purpose,
        details: { reason, subjects: subjectIds.length, keysDestroyed: destroyed },
      },
    });
    await this.#ledger(subjectIds, purpose, reason);
    return { shredded: destroyed };
  }

  async #destroyKeys(
    db: Db,
    subjectIds: readonly string[],
    purpose: VaultPurpose,
    reason: string,
  ): Promise<number> {
    assertPurpose(purpose);
    if (!reasonPattern.test(reason)) {
      throw new Error("shred reason must be a code like rights.erasure (letters, digits, . _ : -)");
    }
    // One array parameter, not one per subject: a sweep batch names hundreds.
    const ids = `{${subjectIds.map((id) => assertUuid(id)).join(",")}}`;
    const destroyed = await db
      .update(dataKeys)
      .set({ wrappedKey: null, masterKeyId: null, shreddedAt: this.#clock.now() })
      .where(
        and(
          sql`${dataKeys.subjectId} = any(${ids}::uuid[])`,
          eq(dataKeys.purpose, purpose),
          isNotNull(dataKeys.wrappedKey),
        ),
      )
      .returning({ subjectId: dataKeys.subjectId });
    for (const subjectId of subjectIds) this.#forget(subjectId, purpose);
    return destroyed.length;
  }

  /**
   * Written before the caller commits, so a crash can over-record a shred but never lose one;
   * written even when no key exists now, since an older backup may still hold one.
   */
  async #ledger(subjectIds: readonly string[], purpose: VaultPurpose, reason: string) {
    const at = this.#clock.now().toISOString();
    await appendErasure(
      this.#ledgerPath,
      subjectIds.map((subjectId) => ({ at, subjectId, purpose, reason })),
    );
  }

  /** Evicts a key from every cache, after a shred or a replayed shred. */
  #forget(subjectId: string, purpose: string): void {
    this.#cache.delete(cacheId(subjectId, purpose));
    this.#epoch += 1;
  }

  replayErasureLedger(db: Db, options: ReplayErasureLedgerOptions = {}): Promise<ReplayReport> {
    return replayErasureLedger(db, {
      ...options,
      ledgerPath: this.#ledgerPath,
      clock: this.#clock,
      forget: (subjectId, purpose) => this.#forget(subjectId, purpose),
    });
  }

  rotateMasterKey(db: Db, options: RotateMasterKeyOptions = {}): Promise<RotationReport> {
    return rotateMasterKey(db, { ...options, keyring: this.#keyring });
  }

  /**
   * A cached key a write may use without asking the database. Inside a transaction only the
   * transaction's own: its first write of a (subject, purpose) reads the key row FOR SHARE, which
   * a shred must wait for, so a sweep cannot destroy a key under a record being written.
   */
  #keyForWriting(db: Db, field: FieldPlace): Buffer | undefined {
    assertPurpose(field.purpose);
    const id = cacheId(field.subjectId, field.purpose);
    if (!inTransaction(db)) return this.#cache.get(id);
    const local = this.#transactionKeys.get(db);
    return local?.epoch === this.#epoch ? local.keys.get(id) : undefined;
  }

  #cachedKey(db: Db, { subjectId, purpose }: FieldPlace): Buffer | undefined {
    assertPurpose(purpose);
    return this.#cached(db, cacheId(subjectId, purpose));
  }

  /** Opens with a cached key; undefined sends the caller to the database. */
  #openWithCachedKey<T>(db: Db, field: FieldPlace, open: (key: Buffer) => T): T | undefined {
    const cached = this.#cachedKey(db, field);
    if (!cached) return undefined;
    try {
      return open(cached);
    } catch (error) {
      // The cached key may be stale (re-keyed by another process): ask the database.
      if (!(error instanceof VaultIntegrityError)) throw error;
      const id = cacheId(field.subjectId, field.purpose);
      this.#cache.delete(id);
      this.#transactionKeys.get(db)?.keys.delete(id);
      return undefined;
    }
  }

  async #decrypt<T>(
    db: Db,
    { subjectId, purpose }: FieldPlace,
    open: (key: Buffer) => T,
  ): Promise<T | Erased> {
    const id = cacheId(subjectId, purpose);
    const row = await this.#readDataKey(db, subjectId, purpose);
    if (!row?.wrappedKey) return ERASED;
    const key = await this.#unwrapDataKey(row, subjectId, purpose);
    this.#remember(db, id, key);
    try {
      return open(key);
    } catch (error) {
      // What was written under a shredded key, now replaced, is erased. A ciphertext that names
      // the current key and still fails was changed or copied: that is an integrity error.
      if (error instanceof SealedUnderOtherKeyError && row.shreddedAt) return ERASED;
      throw error;
    }
  }

  /** The subject's key for a purpose, created on first use and re-created after a shred. */
  async #dataKeyForWriting(db: Db, { subjectId, purpose }: FieldPlace): Promise<Buffer> {
    const id = cacheId(subjectId, purpose);
    let row =
      this.#createdHere.get(db) === subjectId
        ? undefined
        : await this.#readDataKey(db, subjectId, purpose, inTransaction(db));
    if (!row?.wrappedKey) {
      const key = randomBytes(keyBytes);
      const values = {
        wrappedKey: wrapKey(this.#keyring, key, dataKeyAad(subjectId, purpose)),
        masterKeyId: this.#keyring.currentId,
        createdAt: this.#clock.now(),
      };
      // Both statements only win when no live key exists, so concurrent writers agree on one.
      const stored = row
        ? await db
            .update(dataKeys)
            .set(values)
            .where(
              and(
                eq(dataKeys.subjectId, subjectId),
                eq(dataKeys.purpose, purpose),
                isNull(dataKeys.wrappedKey),
              ),
            )
            .returning({ subjectId: dataKeys.subjectId })
        : await db
            .insert(dataKeys)
            .values({ subjectId, purpose, ...values })
            .onConflictDoNothing()
            .returning({ subjectId: dataKeys.subjectId });
      if (stored.length > 0) {
        this.#remember(db, id, key);
        return key;
      }
      row = await this.#readDataKey(db, subjectId, purpose);
      if (!row?.wrappedKey) throw new Error("a data key was shredded while being created");
    }
    const key = await this.#unwrapDataKey(row, subjectId, purpose);
    this.#remember(db, id, key);
    return key;
  }

  async #readDataKey(db: Db, subjectId: string, purpose: VaultPurpose, forShare = false) {
    const query = db
      .select({
        wrappedKey: dataKeys.wrappedKey,
        masterKeyId: dataKeys.masterKeyId,
        shreddedAt: dataKeys.shreddedAt,
      })
      .from(dataKeys)
      .where(and(eq(dataKeys.subjectId, subjectId), eq(dataKeys.purpose, purpose)));
    const [row] = forShare ? await query.for("share") : await query;
    return row;
  }

  #unwrapDataKey(
    row: { wrappedKey: string | null; masterKeyId: string | null },
    subjectId: string,
    purpose: string,
  ): Promise<Buffer> {
    return unwrapKey(
      this.#keyring,
      { wrappedKey: row.wrappedKey ?? "", masterKeyId: row.masterKeyId },
      dataKeyAad(subjectId, purpose),
      `data key of subject ${subjectId} for ${purpose}`,
    );
  }

  #cached(db: Db, id: string): Buffer | undefined {
    if (inTransaction(db)) {
      const local = this.#transactionKeys.get(db);
      const key = local?.epoch === this.#epoch ? local.keys.get(id) : undefined;
      if (key) return key;
    }
    return this.#cache.get(id);
  }

  #remember(db: Db, id: string, key: Buffer): void {
    if (!inTransaction(db)) {
      this.#cache.set(id, key);
      return;
    }
    let local = this.#transactionKeys.get(db);
    if (local?.epoch !== this.#epoch) {
      local = { epoch: this.#epoch, keys: new Map() };
      this.#transactionKeys.set(db, local);
    }
    local.keys.set(id, key);
  }

  async #installationKey(db: Db, name: InstallationKeyName): Promise<Buffer> {
    const read = () =>
      db
        .select({ wrappedKey: vaultKeys.wrappedKey, masterKeyId: vaultKeys.masterKeyId })
        .from(vaultKeys)
        .where(eq(vaultKeys.name, name));
    let [row] = await read();
    if (!row) {
      const key = randomBytes(keyBytes);
      await db
        .insert(vaultKeys)
        .values({
          name,
          wrappedKey: wrapKey(this.#keyring, key, vaultKeyAad(name)),
          masterKeyId: this.#keyring.currentId,
          createdAt: this.#clock.now(),
        })
        .onConflictDoNothing();
      [row] = await read();
      if (!row) throw new Error(`the ${name} key could not be stored`);
    }
    return unwrapKey(this.#keyring, row, vaultKeyAad(name), `${name} key`);
  }

  #requireSystemKey(): Buffer {
    if (!this.#systemKey) throw new Error("the vault was not opened with openVault");
    return this.#systemKey;
  }

  #strongIndexes(identifiers: SubjectIdentifiers): { kind: IdentifierKind; blindIndex: string }[] {
    const indexes: { kind: IdentifierKind; blindIndex: string }[] = [];
    for (const [field, kind, normalise] of strongKinds) {
      const raw = identifiers[field];
      const normalised = raw === undefined ? undefined : normalise(raw);
      if (normalised) indexes.push({ kind, blindIndex: this.blindIndex(kind, normalised) });
    }
    return indexes;
  }

  /** The subject of the first identifier (e-mail before phone, VAT, TeamViewer) that is known. */
  async #findByIndexes(
    db: Db,
    indexes: { kind: IdentifierKind; blindIndex: string }[],
  ): Promise<string | undefined> {
    if (indexes.length === 0) return undefined;
    const rows = await db
      .select({
        subjectId: subjectIdentifiers.subjectId,
        kind: subjectIdentifiers.kind,
        blindIndex: subjectIdentifiers.blindIndex,
      })
      .from(subjectIdentifiers)
      .where(
        or(
          ...indexes.map((index) =>
            and(
              eq(subjectIdentifiers.kind, index.kind),
              eq(subjectIdentifiers.blindIndex, index.blindIndex),
            ),
          ),
        ),
      );
    for (const index of indexes) {
      const match = rows.find(
        (row) => row.kind === index.kind && row.blindIndex === index.blindIndex,
      );
      if (match) return match.subjectId;
    }
    return undefined;
  }

  /** Links identifiers, skipping any already linked (to this or another subject); returns how many were new. */
  async #link(
    db: Db,
    subjectId: string,
    indexes: { kind: IdentifierKind; blindIndex: string }[],
  ): Promise<IdentifierKind[]> {
    if (indexes.length === 0) return [];
    const createdAt = this.#clock.now();
    const linked = await db
      .insert(subjectIdentifiers)
      .values(indexes.map((index) => ({ ...index, subjectId, createdAt })))
      .onConflictDoNothing()
      .returning({ kind: subjectIdentifiers.kind });
    return linked.map((row) => row.kind);
  }
}

/** A boolean rather than a type guard: narrowing to drizzle's transaction class loses the schema type. */
function assertUuid(id: string): string {
  if (!isUuid(id)) throw new Error("a subject id is a uuid");
  return id;
}

function inTransaction(db: Db): boolean {
  return db instanceof PgTransaction;
}

function fieldAad({ table, column, recordId }: FieldPlace): string {
  return `${table}\u0000${column}\u0000${recordId}`;
}

function describe({ table, column, recordId }: FieldPlace): string {
  return `${table}.${column} of record ${recordId}`;
}

function cacheId(subjectId: string, purpose: string): string {
  return `${subjectId}\u0000${purpose}`;
}

function assertPurpose(purpose: string): void {
  if (!isVaultPurpose(purpose)) throw new Error(`unknown vault purpose "${purpose}"`);
}
