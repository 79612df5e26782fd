// The types that cross the boundary to the Rust back end, all generated from the Rust types
// (types.gen.ts; regenerate from Rust, never edit by hand).

export type * from "./types.gen";
