//! Shared set-up for the end-to-end tests lives in the test files.
