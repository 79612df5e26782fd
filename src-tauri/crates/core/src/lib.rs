//! Groundwork's domain: the types a workbook holds, the rules that keep them sound and the
//! calculations the screens and documents show. Nothing here does I/O.

pub mod audit;
pub mod document_settings;
pub mod documents;
pub mod error;
pub mod figures;
pub mod goals;
pub mod profile;
pub mod readiness;
pub mod roadmap;
pub mod stakeholders;
pub mod text;
pub mod traceability;
mod words;
pub mod workbook;
pub mod workshop;

pub use error::Invalid;
pub mod crisis;
