import { describe, expect, it } from "vitest";
import { decimalStyle } from "./numbers";

describe("decimalStyle", () => {
  it("reads the locale's decimal mark from Intl, for the back end to read typed budgets with", () => {
    expect(decimalStyle("en-GB")).toBe("DecimalPoint");
    expect(decimalStyle("en-US")).toBe("DecimalPoint");
    expect(decimalStyle("ja-JP")).toBe("DecimalPoint");
    expect(decimalStyle("de-DE")).toBe("DecimalComma");
    expect(decimalStyle("fr-FR")).toBe("DecimalComma");
    expect(decimalStyle("pt_BR.UTF-8")).toBe("DecimalComma");
    expect(decimalStyle("C")).toBe("DecimalPoint");
  });
});
