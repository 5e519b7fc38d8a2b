//! `grdp-report`: what people read.
//!
//! - [`charts::all`]: the eight PNG charts (contributions, structure, the
//!   distribution of growth, tornado, fan chart, convergence, target
//!   dashboard, feasibility curve), drawn with plotters. Text is drawn with
//!   the embedded DejaVu Sans ([`font`]), so charts render the same on a
//!   machine with no fonts installed, Vietnamese diacritics included.
//! - [`html::page`]: an offline page with every chart, what it shows and
//!   what it means for the target, the audit's findings and the tables.
//! - [`write::write_report_dir`]: the folder, written atomically.
//! - [`lang`] and [`findings`]: the words of every table and finding, in
//!   English and Vietnamese (the CLI's tables use them too).

pub mod charts;
pub mod findings;
pub mod font;
pub mod html;
pub mod lang;
pub mod text;
pub mod write;

use grdp_core::{Audit, Projection, TargetOutcome};
use grdp_montecarlo::SimResult;
use grdp_scenario::LoadedScenario;

pub use lang::Lang;
pub use write::write_report_dir;

/// Why a report could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReportError {
    /// Drawing or encoding a chart failed.
    #[error("drawing a chart failed: {0}")]
    Draw(String),
    /// Writing the folder failed.
    #[error("{0}")]
    Output(String),
}

/// One view's simulation, as the report shows it.
pub struct ViewInput<'a> {
    /// Short id.
    pub id: &'a str,
    /// Display name, in the report's language.
    pub name: String,
    /// Its result.
    pub result: &'a SimResult,
    /// Its result with the record of past shortfalls added, where run.
    pub with_optimism: Option<&'a SimResult>,
}

/// Run metadata printed on every chart.
pub struct RunMeta {
    /// The seed.
    pub seed: u64,
    /// Scenarios per view.
    pub scenarios: u64,
    /// grdp's version.
    pub version: String,
}

/// Everything a report is made from.
pub struct ReportInput<'a> {
    /// The scenario, with names and provenance.
    pub loaded: &'a LoadedScenario,
    /// Its projection.
    pub projection: &'a Projection,
    /// Its targets, evaluated.
    pub target_outcomes: &'a [TargetOutcome],
    /// Its audit.
    pub audit: &'a Audit,
    /// The simulation, one entry per view (at least one).
    pub views: Vec<ViewInput<'a>>,
    /// Past aggregate growth (year, percent), latest vintage.
    pub history_growth: Vec<(i32, f64)>,
    /// The last year with every component's published contribution (pp).
    pub published_contributions: Option<(i32, Vec<f64>)>,
    /// Run metadata.
    pub meta: RunMeta,
    /// Language.
    pub lang: Lang,
    /// Pixel scale: 1 for 1200 × 750, 2 for print.
    pub scale: u32,
}

/// A rendered chart.
pub struct Chart {
    /// File name, e.g. `3-distribution.png`.
    pub file: &'static str,
    /// Title.
    pub title: String,
    /// What it shows and what it means, one paragraph.
    pub caption: String,
    /// PNG bytes.
    pub png: Vec<u8>,
}
