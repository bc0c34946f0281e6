//! The integration tests, as one test binary: each module is one area of the tool, run as users
//! run it (the `mtlint` binary) or through the library. One binary links the library once, where
//! a file per area under `tests/` would link it once each.

mod common;

mod cli;
mod config;
mod document_checks;
mod fix;
mod formats;
mod packs;
mod properties;
mod report;
mod robustness;
mod rules;
mod sample;
mod sarif_schema;
mod source;
mod suggestions;
mod tagger;
