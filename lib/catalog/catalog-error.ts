/** The closed set of reasons a catalog operation refuses its input. */
export type CatalogErrorCode =
  | "invalid_manifest"
  | "invalid_compose"
  | "invalid_settings"
  | "missing_secret"
  | "invalid_value";

export interface CatalogErrorDetail {
  /** The field, setting key or compose path the detail is about. */
  field: string;
  message: string;
}

/**
 * Raised by rendering when an entry, a setting or a Portal value cannot be
 * turned into a compose project. `details` are safe to show to the owner:
 * they name fields, never secret values.
 */
export class CatalogError extends Error {
  readonly code: CatalogErrorCode;
  readonly details: CatalogErrorDetail[];

  constructor(code: CatalogErrorCode, message: string, details: CatalogErrorDetail[] = []) {
    super(message);
    this.name = "CatalogError";
    this.code = code;
    this.details = details;
  }
}
