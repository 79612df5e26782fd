//! PDF documents (filled in by the document engine).
