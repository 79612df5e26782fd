import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { toAppError, isAppError } from "./errors";
import { listWorkbooks, updateProfile } from "./index";

afterEach(() => clearMocks());

describe("toAppError", () => {
  it("passes a back-end AppError through unchanged", () => {
    const err = { code: "invalid", message: "The workbook name is empty.", field: "name" };
    expect(toAppError(err)).toEqual(err);
  });

  it("keeps a null field as null and turns an empty field into null", () => {
    expect(toAppError({ code: "readOnly", message: "Read-only.", field: null }).field).toBeNull();
    expect(toAppError({ code: "invalid", message: "Bad.", field: "" }).field).toBeNull();
  });

  it("wraps a plain string rejection (a missing command, a plugin failure)", () => {
    expect(toAppError("Command foo not found")).toEqual({ code: "io", message: "Command foo not found", field: null });
  });

  it("wraps an Error by its message", () => {
    expect(toAppError(new TypeError("window.__TAURI_INTERNALS__ is undefined"))).toEqual({
      code: "io",
      message: "window.__TAURI_INTERNALS__ is undefined",
      field: null,
    });
  });

  it("does not trust an unknown code", () => {
    const err = toAppError({ code: "kaboom", message: "Odd.", field: "name" });
    expect(err.code).toBe("io");
    expect(err.field).toBeNull();
    expect(err.message).toBe("Odd.");
  });

  it("gives a sentence for empty or shapeless rejections", () => {
    for (const reason of [undefined, null, 42, "", "   ", {}]) {
      const err = toAppError(reason);
      expect(err.code).toBe("io");
      expect(err.message.length).toBeGreaterThan(10);
      expect(isAppError(err)).toBe(true);
    }
  });
});

describe("backend seam", () => {
  it("passes camelCase arguments and returns the result", async () => {
    let seen: unknown = null;
    mockIPC((cmd, args) => {
      seen = { cmd, args };
      return { name: "N", organisation: "", communityName: "", strategist: "", purpose: "", createdAt: "", updatedAt: "" };
    });
    const edit = { name: "N", organisation: "", communityName: "C", strategist: "", purpose: "" };
    await updateProfile(edit);
    expect(seen).toEqual({ cmd: "update_profile", args: { edit } });
  });

  it("rejects with an AppError whatever the command threw", async () => {
    mockIPC(() => {
      throw "database is locked";
    });
    await expect(listWorkbooks()).rejects.toEqual({ code: "io", message: "database is locked", field: null });
  });

  it("keeps the back end's code and field", async () => {
    mockIPC(() => Promise.reject({ code: "invalid", message: "The workbook name is empty.", field: "name" }));
    await expect(updateProfile({ name: "", organisation: "", communityName: "", strategist: "", purpose: "" })).rejects.toEqual({
      code: "invalid",
      message: "The workbook name is empty.",
      field: "name",
    });
  });
});

describe("outside the app window", () => {
  it("says the engine is not running instead of a JavaScript error", async () => {
    clearMocks();
    delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__;
    await expect(listWorkbooks()).rejects.toMatchObject({ code: "io", field: null, message: expect.stringContaining("not running") });
  });
});
