//! How to run a simulation: its options and the caller's hooks.

use std::sync::atomic::AtomicBool;

/// How to run.
#[derive(Debug, Clone, PartialEq)]
pub struct RunOptions {
    /// Scenarios to draw (the most, when `precision` stops earlier).
    pub scenarios: u64,
    /// The seed.
    pub seed: u64,
    /// Stop, at a batch boundary, once the 95 % interval on P has a
    /// half-width at or below this (a probability, e.g. 0.005).
    pub precision: Option<f64>,
    /// Historical shortfalls (outcome − target, percentage points): each
    /// year of each scenario adds one, drawn with replacement, to every
    /// component's growth.
    pub optimism_pp: Option<Vec<f64>>,
    /// The component whose mean growth the feasibility curve varies.
    pub feasibility: Option<FeasibilityRequest>,
    /// The component whose required growth is reported per draw.
    pub required_component: Option<usize>,
    /// Keep the first [`DETAIL_CAP`](super::DETAIL_CAP) scenarios whole for rank statistics,
    /// the feasibility curve, the required growth and the achieved
    /// correlation (a fixed cost, independent of `scenarios`). Without it
    /// those results are empty; benchmarks of raw throughput turn it off.
    pub detail: bool,
}

/// A feasibility curve: P(target) as one component's centre moves.
#[derive(Debug, Clone, PartialEq)]
pub struct FeasibilityRequest {
    /// Component index.
    pub component: usize,
    /// Shifts of its centre, percentage points.
    pub shifts_pp: Vec<f64>,
}

/// Hooks for the caller: progress, cancellation, and the draws themselves.
#[derive(Default)]
pub struct Control<'a> {
    /// Called after every batch with (scenarios done, scenarios planned).
    pub progress: Option<&'a (dyn Fn(u64, u64) + Sync)>,
    /// Checked after every batch; when set, the run stops with [`McError::Cancelled`](crate::McError::Cancelled).
    pub cancel: Option<&'a AtomicBool>,
    /// Receives each chunk's draws in order: rows of the target year's
    /// component growth (percent) then aggregate growth (percent).
    pub draws: Option<DrawSink<'a>>,
}

/// Where `--save-draws` sends each chunk's rows.
pub type DrawSink<'a> = &'a mut (dyn FnMut(&[f64]) -> std::io::Result<()> + Send);
