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
//!
//! ```
//! let text = r#"
//! format = 1
//! [scenario]
//! name = "two sectors"
//! [[components]]
//! id = "farming"
//! [[components]]
//! id = "rest"
//! [base]
//! year = 2024
//! [base.constant_weight_pct]
//! farming = 25
//! rest = 75
//! [[plan]]
//! year = 2025
//! [plan.growth_pct]
//! farming = { value = 2.0, status = "target", source = "resolution, Art. 2" }
//! rest = 10.0
//! "#;
//! let loaded = grdp_scenario::parse_scenario(text, "example.toml")?;
//! let growth = loaded.scenario.project().years[0].growth_pct;
//! assert!((growth - 8.0).abs() < 1e-12); // 0.25 · 2 + 0.75 · 10
//!
//! // A mistake names the file, the line and the field.
//! let err = grdp_scenario::parse_scenario(&text.replace("rest = 10.0", "rest = -100"), "example.toml").unwrap_err();
//! assert!(err.to_string().starts_with("example.toml:18:8:"), "{err}");
//! assert!(err.to_string().contains("plan.2025.growth_pct.rest"));
//! # Ok::<(), grdp_scenario::LoadError>(())
//! ```

pub mod builtin;
pub mod error;
pub mod history;
mod plausibility;
pub mod scenario;
pub mod sourced;
mod targets;
mod uncertainty;
mod vietnamese;

pub use error::{LoadError, LoadErrorKind};
pub use history::{History, HistoryRecord, parse_history, read_history, region_name};
pub use plausibility::Warning;
pub use scenario::{
    Compare, ComponentNames, LoadedScenario, Provenance, ScenarioMeta, parse_scenario,
    parse_scenario_bytes, read_scenario, sha256_hex,
};
pub use sourced::Status;
/// grdp-core's refusals in Vietnamese, for the command line's `--lang vi`.
pub use vietnamese::{
    model_error as model_error_vi, uncertainty_error as uncertainty_error_vi, vi_text_number,
};
