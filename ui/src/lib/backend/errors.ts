import type { AppError, ErrorCode } from "./types";

// Every code the back end sends, as a record so the type check fails when Rust adds one.
const KNOWN: Record<ErrorCode, true> = {
  invalid: true,
  notAWorkbook: true,
  newerVersion: true,
  readOnly: true,
  openElsewhere: true,
  notFound: true,
  alreadyExists: true,
  inUse: true,
  noWorkbookOpen: true,
  io: true,
  document: true,
  notAllowed: true,
};
const CODES: ReadonlySet<string> = new Set(Object.keys(KNOWN));

const FALLBACK = "Something went wrong. Try again; if it keeps happening, restart Groundwork.";

function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === "" ? FALLBACK : trimmed;
}

/**
 * Turns whatever a command rejected with into an AppError. The back end sends AppError; a
 * missing command, a panic or a plugin failure can arrive as a string or an Error, and the
 * screens only ever deal with one shape.
 */
export function toAppError(reason: unknown): AppError {
  if (typeof reason === "object" && reason !== null) {
    const r = reason as Record<string, unknown>;
    if (typeof r.message === "string" && typeof r.code === "string" && CODES.has(r.code)) {
      return {
        code: r.code as ErrorCode,
        message: sentence(r.message),
        field: typeof r.field === "string" && r.field !== "" ? r.field : null,
      };
    }
    if (reason instanceof Error) return { code: "io", message: sentence(reason.message), field: null };
    if (typeof r.message === "string") return { code: "io", message: sentence(r.message), field: null };
  }
  if (typeof reason === "string") return { code: "io", message: sentence(reason), field: null };
  return { code: "io", message: FALLBACK, field: null };
}

export function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === "string" && CODES.has(v.code) && typeof v.message === "string" && "field" in v;
}
