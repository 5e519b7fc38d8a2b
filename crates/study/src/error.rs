//! Why a study could not be made, in the model's terms. The CLI names its
//! flags when it prints these; a notebook or a server names its own.

use grdp_montecarlo::McError;

/// A component the options name, and what for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComponentRole {
    /// The component whose centre the feasibility curve varies.
    Feasibility,
    /// The component whose required growth is reported.
    Required,
    /// The component a solve question is about.
    Solve,
    /// The component a solve question holds at its plan (`--all-but`).
    SolveAllBut,
}

/// A view the options name, and what for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewRole {
    /// A view to simulate.
    Simulated,
    /// The view whose probability is the answer.
    Preferred,
}

/// Why a study, a calibration or a solve failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StudyError {
    /// The scenario has no `[uncertainty]` block: nothing to simulate.
    #[error(
        "the scenario has no [uncertainty] block, so there is nothing to simulate; add one (docs/scenario-format.md) or start from `grdp calibrate`"
    )]
    NoUncertainty,
    /// No aggregate growth target with a minimum in the year asked for, and
    /// no threshold given.
    #[error(
        "{}{}; state a threshold",
        match at_most_pct {
            Some(m) => format!("the scenario's aggregate growth target for {year} is a ceiling only (at most {m}%), and a simulation gives the chance of at least a threshold"),
            None => format!("the scenario has no aggregate growth target for {year}"),
        },
        if years_with_targets.is_empty() { String::new() } else { format!(" (it has one for {})", years_with_targets.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")) }
    )]
    NoGrowthTarget {
        /// The year asked for.
        year: i32,
        /// The years the scenario has an aggregate growth target with a
        /// minimum for.
        years_with_targets: Vec<i32>,
        /// The year's aggregate growth target where it has a maximum only,
        /// percent.
        at_most_pct: Option<f64>,
    },
    /// A view id the scenario does not define.
    #[error("no such view `{id}`; expected one of: {}", known.join(", "))]
    UnknownView {
        /// What the view was wanted for.
        role: ViewRole,
        /// The id asked for.
        id: String,
        /// The scenario's views.
        known: Vec<String>,
    },
    /// A component id the economy does not have.
    #[error("no such component `{id}`; expected one of: {}", known.join(", "))]
    UnknownComponent {
        /// What the component was wanted for.
        role: ComponentRole,
        /// The id asked for.
        id: String,
        /// The economy's components.
        known: Vec<String>,
    },
    /// A region of a scenario's `[compare]` the provincial table does not
    /// hold.
    #[error("{}", unknown_compare_region(.name, .origin, .location.as_deref(), .meant, .known))]
    UnknownCompareRegion {
        /// The name asked for.
        name: String,
        /// The table, as its errors name it.
        origin: String,
        /// Where the name stands in the scenario file (`file:line:column`),
        /// where known.
        location: Option<String>,
        /// The table's names it most likely meant (the same but for
        /// accents; the same place under another qualifier; a letter or
        /// two off); empty where none is close.
        meant: Vec<String>,
        /// The table's regions.
        known: Vec<String>,
    },
    /// A provincial table the comparison cannot use as it is.
    #[error("{origin}:{line}: {message}")]
    CompareTable {
        /// The table, as its errors name it.
        origin: String,
        /// 1-based line of the row at fault.
        line: usize,
        /// What is wrong and what was expected.
        message: String,
    },
    /// A region the history does not hold.
    #[error("no such region `{id}` in the history; expected one of: {}", known.join(", "))]
    UnknownRegion {
        /// The region asked for.
        id: String,
        /// The history's regions.
        known: Vec<String>,
    },
    /// Too few past years with both a growth target and an outcome.
    #[error(
        "the history has {found} year(s) of {region} with both a growth target (growth_target_min_pct) and an outcome; expected at least 2"
    )]
    TooShortRecord {
        /// The region.
        region: String,
        /// Years with both.
        found: usize,
    },
    /// The projection overflows: levels beyond what `f64` holds.
    #[error(
        "the projection overflows in {year}: levels grow beyond what a 64-bit number holds; check the plan's growth rates"
    )]
    Overflow {
        /// The first year that overflows.
        year: i32,
    },
    /// A release in the history that gives nothing to derive weights from.
    #[error("{region} {period} in the history gives no constant-price weights: {why}")]
    NoRelease {
        /// The region.
        region: String,
        /// The period, e.g. `2025` or `2025-9M`.
        period: String,
        /// What is missing, and what would do.
        why: String,
    },
    /// A batch over regions that cannot be made.
    #[error("the batch: {reason}")]
    Batch {
        /// What is wrong, and what would do.
        reason: String,
    },
    /// The scenario has no plan year to solve for.
    #[error("the scenario has no [[plan]] year to solve for; add one")]
    NoPlanYear,
    /// The model refused a question (a solve without a solution...).
    #[error(transparent)]
    Model(#[from] grdp_core::ModelError),
    /// The engine refused or stopped.
    #[error(transparent)]
    Engine(#[from] McError),
    /// The worker threads could not start.
    #[error("cannot start the worker threads")]
    Threads(#[source] rayon::ThreadPoolBuildError),
}

impl StudyError {
    /// Whether the run was cancelled (Ctrl-C), rather than refused.
    pub fn is_cancelled(&self) -> bool {
        matches!(self, StudyError::Engine(McError::Cancelled { .. }))
    }
}

/// The message of [`StudyError::UnknownCompareRegion`]: the place in the
/// scenario, the name, and either the names it most likely meant or, with
/// none close, every name the table has.
fn unknown_compare_region(
    name: &str,
    origin: &str,
    location: Option<&str>,
    meant: &[String],
    known: &[String],
) -> String {
    let at = location.map_or_else(String::new, |l| format!("{l}: "));
    let quoted = |names: &[String]| {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match meant {
        [] => format!(
            "{at}[compare]: no region `{name}` in {origin}; expected names as the table writes them: {}",
            known.join(", ")
        ),
        [one] => format!(
            "{at}[compare]: no region `{name}` in {origin}; did you mean {}? Names are written as the table writes them",
            quoted(std::slice::from_ref(one))
        ),
        several => format!(
            "{at}[compare]: no region `{name}` in {origin}; did you mean one of {}? Names are written as the table writes them, the basis in brackets included",
            quoted(several)
        ),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn error_is_send_sync() {
        fn bounds<T: Send + Sync + 'static>() {}
        bounds::<super::StudyError>();
    }
}
