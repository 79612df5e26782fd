//! Tauri commands: each a few lines from the UI's call to the store or the documents.

pub mod audit;
pub mod crisis;
pub mod dialogs;
pub mod documents;
pub mod goals;
pub mod library;
pub mod portable;
pub mod readiness;
pub mod roadmap;
pub mod stakeholders;
pub mod trash;
pub mod workbook;
pub mod workshop;
