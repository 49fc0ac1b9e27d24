/** A document as it comes out of JSON, before its schema has checked it. */
export type RawDocument = Record<string, unknown>;

/** Upgrades a document from `version - 1` to `version`. It only moves data: the schema checks the result. */
export interface Migration {
  version: number;
  /** For the log: what changed in the document's shape. */
  description: string;
  up(raw: RawDocument): RawDocument;
}

/**
 * How one kind of document the app writes is versioned. Every file HA Tray writes has one
 * (docs/architecture.md, "Files the app writes"): a version it names in its own key, and the
 * ordered migrations that bring an older file up to it.
 */
export interface DocumentFormat {
  /** What the document is, for the log and the user: "settings", "rotation reminder". */
  label: string;
  /** The key that holds the version in the file. */
  versionKey: string;
  /** The version this HA Tray writes. */
  version: number;
  /** The version of a file that names none (written before it had one, or by hand); null: such a file is damaged. */
  unversioned: number | null;
  /** Oldest first: the step to version 2 upgrades a version 1 file, and so on. */
  migrations: readonly Migration[];
}

/** What a file's text holds, before the document's own schema checks it. Never thrown. */
export type DocumentRead =
  | { kind: 'missing' }
  | { kind: 'ok'; raw: RawDocument; migratedFrom: number | null }
  /** Written by a newer HA Tray: this one must not use it, and must never overwrite it. */
  | { kind: 'newer'; version: number }
  /** `notJson`: not JSON at all, rather than JSON of the wrong shape. */
  | { kind: 'damaged'; reason: string; notJson: boolean };

/** Reads a document's text (`null`: there is no file) and upgrades it to `format.version`. */
export function readDocument(text: string | null, format: DocumentFormat): DocumentRead {
  if (text === null) return { kind: 'missing' };
  let parsed: unknown;
  try {
    // Editors may save a byte order mark, which is not part of the JSON.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'damaged', reason: 'it is not valid JSON', notJson: true };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { kind: 'damaged', reason: `it does not hold ${format.label}`, notJson: false };
  return upgradeDocument(parsed as RawDocument, format);
}

/** The version a parsed document names, or why it has none that can be used. */
export function versionOf(
  raw: RawDocument,
  format: DocumentFormat,
): { ok: true; version: number } | { ok: false } {
  const version = raw[format.versionKey] ?? format.unversioned;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0
    ? { ok: true, version }
    : { ok: false };
}

/** Runs the migrations from the document's version up to the format's. Never throws. */
export function upgradeDocument(raw: RawDocument, format: DocumentFormat): DocumentRead {
  const damaged = (reason: string): DocumentRead => ({ kind: 'damaged', reason, notJson: false });
  const found = versionOf(raw, format);
  const lowest = format.unversioned ?? 1;
  if (!found.ok || found.version < lowest) return damaged('its version is not valid');
  const from = found.version;
  if (from > format.version) return { kind: 'newer', version: from };
  let current: RawDocument = raw;
  for (let version = from + 1; version <= format.version; version++) {
    const step = format.migrations.find((m) => m.version === version);
    if (!step) return damaged(`there is no migration to ${format.label} version ${version}`);
    try {
      current = { ...step.up(current), [format.versionKey]: version };
    } catch {
      return damaged(`its upgrade to ${format.label} version ${version} failed`);
    }
  }
  return { kind: 'ok', raw: current, migratedFrom: from === format.version ? null : from };
}

/** The document without its version key: what the document's schema checks. */
export function withoutVersion(raw: RawDocument, format: DocumentFormat): RawDocument {
  const { [format.versionKey]: _version, ...rest } = raw;
  return rest;
}

/** What the app says when a newer HA Tray wrote a file: one sentence for the user and the log. */
export function newerFileSentence(format: DocumentFormat, version: number): string {
  return (
    `The ${format.label} file was saved by a newer version of HA Tray (${format.label} version ` +
    `${version}; this one knows up to ${format.version}). HA Tray leaves it untouched and does ` +
    'not save changes to it; update HA Tray to use it again.'
  );
}

/** Thrown instead of replacing or removing a file a newer HA Tray wrote. */
export class NewerFileError extends Error {
  override readonly name = 'NewerFileError';
  constructor(
    readonly path: string,
    readonly format: DocumentFormat,
    readonly version: number,
  ) {
    super(newerFileSentence(format, version));
  }
}
