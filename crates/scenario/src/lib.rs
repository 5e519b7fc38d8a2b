//! `grdp-scenario`: reads what economists write into what the model needs.
//!
//! - [`parse_scenario`] / [`read_scenario`]: a scenario in TOML (format in
//!   `docs/scenario-format.md`) into a validated [`grdp_core::Scenario`],
//!   with display names and the provenance of every number.
//! - [`parse_history`] / [`read_history`]: past growth by region and sector (CSV).
//! - [`builtin`]: the Cần Thơ 2025 scenario and the history, compiled in.
//!
//! Every error names the file, the line and column where known, the field,
//! what was found and what was expected ([`LoadError`]).

pub mod builtin;
pub mod error;
pub mod history;
pub mod scenario;
pub mod sourced;
mod uncertainty;

pub use error::{LoadError, LoadErrorKind};
pub use history::{History, HistoryRecord, parse_history, read_history};
pub use scenario::{
    ComponentNames, LoadedScenario, Provenance, ScenarioMeta, parse_scenario, parse_scenario_bytes,
    read_scenario, sha256_hex,
};
pub use sourced::Status;
