//! `grdp-study`: the answer to grdp's question, as a library.
//!
//! Given a loaded scenario, a [`Study`] holds everything grdp says about
//! it: the projection, each target evaluated, the audit of whether the
//! targets hang together, and, where asked, every view's simulation of how
//! likely the growth target is, with and without the record of past
//! shortfalls, its feasibility curve and the growth one component would
//! need. The CLI, the report, a notebook binding or a batch over provinces
//! all start here; none of them needs the binary.
//!
//! - [`Study::deterministic`]: projection, targets and audit (no draws).
//! - [`Study::run`]: the same, and the simulation ([`simulation`]).
//! - [`calibration`]: distributions, correlations and the optimism record from history.
//! - [`solve`]: what a target needs.
//!
//! Units follow grdp: `_pct` percent, `_pp` percentage points; probabilities
//! are fractions in [0, 1].
//!
//! ```
//! use grdp_study::{Study, StudyOptions};
//! use grdp_study::simulation::SimulationOptions;
//!
//! let loaded = grdp_scenario::builtin::can_tho_2025()?;
//! let options = StudyOptions {
//!     simulation: Some(SimulationOptions { scenarios: 40_000, ..Default::default() }),
//!     ..Default::default()
//! };
//! let study = Study::run(&loaded, &options, Default::default())?;
//! // The sector targets of the draft add up to 9.48 % at constant prices...
//! let growth_2025 = study.projection.years[0].growth_pct;
//! assert!((growth_2025 - 9.48).abs() < 0.005);
//! // ...so with the plan as the centre, 9.5 % is about a coin toss.
//! let plan = &study.simulation.as_ref().unwrap().views[0];
//! assert_eq!(plan.view.id, "plan");
//! let p = plan.result.probability;
//! assert!((p - 0.496).abs() < 0.02, "P = {p}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod backtest;
pub mod batch;
pub mod briefing;
pub mod calibration;
pub mod error;
pub mod neighbours;
pub mod partly_known;
/// Restating a base after a merger (for `grdp combine`).
pub use grdp_core::merger;
pub mod record;
pub mod release;
pub mod simulation;
pub mod solve;

use grdp_core::{Audit, Projection, TargetOutcome};
use grdp_scenario::{History, LoadedScenario};

pub use briefing::{
    Briefing, ChosenBy, Finding, Preferred, ProposalLine, QuarterPath, QuarterPathRow,
    WeightsSpread,
};
pub use error::{ComponentRole, StudyError, ViewRole};
pub use grdp_core::ModelError;
pub use record::Past;
pub use simulation::{Control, Simulation, SimulationOptions, ViewRun};

/// What a study computes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StudyOptions<'h> {
    /// The simulation; `None` for the projection and the audit only.
    pub simulation: Option<SimulationOptions>,
    /// A history and the region in it whose past growth the study shows
    /// beside the projection.
    pub history: Option<(&'h History, &'h str)>,
    /// Where part of the target year is known: the spread of the rest of
    /// the year's growth over the year's (a ratio); `None` for the one
    /// that follows from independent quarters.
    pub rest_spread_ratio: Option<f64>,
    /// The provincial table and its name (for errors), for the scenario's
    /// comparison with its neighbours (`[compare]`).
    pub provinces: Option<(&'h History, &'h str)>,
}

/// Everything grdp says about one scenario.
#[derive(Debug, Clone)]
pub struct Study<'a> {
    /// The scenario, with names and provenance.
    pub loaded: &'a LoadedScenario,
    /// Its projection, year by year.
    pub projection: Projection,
    /// Every target, evaluated against the projection.
    pub targets: Vec<TargetOutcome>,
    /// Whether the targets hang together.
    pub audit: Audit,
    /// How likely the growth target is, view by view, where asked.
    pub simulation: Option<Simulation>,
    /// Past growth and the last published contributions.
    pub past: Past,
    /// What a briefing leads with: the answer, the findings, a consistent
    /// set of targets.
    pub briefing: Briefing,
    /// The target's chance given what the scenario knows of its year so
    /// far (`[known]`), where it knows something of the target year.
    pub given_known: Option<partly_known::PartlyKnown>,
    /// grdp's views scored on the history's past targets and outcomes,
    /// where the study has a history with at least two such years.
    pub track_record: Option<backtest::Backtest>,
    /// The area beside its neighbours, where the scenario names them
    /// (`[compare]`) and the study has the provincial table.
    pub neighbours: Option<neighbours::Neighbours>,
}

impl<'a> Study<'a> {
    /// The projection, the targets and the audit: no draws.
    pub fn deterministic(loaded: &'a LoadedScenario) -> Result<Self, StudyError> {
        Self::run(loaded, &StudyOptions::default(), Control::default())
    }

    /// The whole study.
    pub fn run(
        loaded: &'a LoadedScenario,
        options: &StudyOptions,
        control: Control,
    ) -> Result<Self, StudyError> {
        let s = &loaded.scenario;
        let projection = s.project();
        if let Some(year) = overflow_year(&projection) {
            return Err(StudyError::Overflow { year });
        }
        let targets = s.evaluate(&projection);
        let audit = s.audit(&projection);
        // The comparison first: a name the table lacks is refused before
        // the draws.
        let neighbours = match (&loaded.meta.compare, options.provinces) {
            (Some(c), Some((table, origin))) => {
                let base = s.economy().base().year;
                let plan_year = s.plan().years().first().map_or(base + 1, |y| y.year);
                Some(neighbours::compare(table, origin, c, base, plan_year)?)
            }
            _ => None,
        };
        let simulation = match &options.simulation {
            Some(o) => Some(simulation::simulate_views(loaded, o, control)?),
            None => None,
        };
        // A growth target that is a range (10-10.5 %), simulated at its
        // lower end: its upper end too.
        let upper_end_pct = simulation.as_ref().and_then(|sim| {
            let t = s
                .targets()
                .find(sim.target.year, grdp_core::Indicator::GrowthPct, None)?;
            let at_min = t
                .bound
                .min
                .is_some_and(|m| (m - sim.target.threshold_pct).abs() < 1e-12);
            // A floor with room above (10-10.5 %, at least): its upper end.
            let floor = t.direction == grdp_core::Direction::AtLeast;
            t.bound
                .max
                .filter(|m| floor && at_min && *m > sim.target.threshold_pct)
        });
        // A growth target that is not a floor (a range to stay within, a
        // ceiling) with its minimum simulated: the target as set.
        let as_set = simulation.as_ref().and_then(|sim| {
            let t = s
                .targets()
                .find(sim.target.year, grdp_core::Indicator::GrowthPct, None)?;
            let min = t
                .bound
                .min
                .filter(|m| (m - sim.target.threshold_pct).abs() < 1e-12)?;
            (t.direction != grdp_core::Direction::AtLeast).then_some((
                t.id.as_str(),
                t.direction,
                min,
                t.bound.max,
            ))
        });
        let preferred = simulation.as_ref().and_then(|sim| {
            briefing::preferred(
                sim,
                options
                    .simulation
                    .as_ref()
                    .and_then(|o| o.preferred_view.as_deref()),
                loaded
                    .uncertainty
                    .as_ref()
                    .and_then(|u| u.preferred_view.as_deref()),
                upper_end_pct,
                as_set,
                loaded
                    .uncertainty
                    .as_ref()
                    .map_or(&[][..], |u| u.supported_sd_pp.as_slice()),
            )
        });
        // The rule for the releases to come: the first plan year's growth
        // target, where no release of that year is in the scenario.
        let quarter_path = s.plan().years().first().and_then(|y| {
            let t = s
                .targets()
                .find(y.year, grdp_core::Indicator::GrowthPct, None)?;
            // A floor only: a ceiling or a band asks no catching up.
            if t.direction != grdp_core::Direction::AtLeast {
                return None;
            }
            let floor = t.bound.min?;
            if s.known().is_some_and(|k| k.year == y.year) {
                return None;
            }
            briefing::quarter_path(y.year, floor, &grdp_core::quarters::QuarterShares::EQUAL)
        });
        let briefing = Briefing {
            preferred,
            findings: briefing::findings(&audit.checks, weights_uncertainty(loaded, &projection)),
            proposal: briefing::proposal(s, &projection, &targets),
            quarter_path,
        };
        let given_known = match (&simulation, s.known()) {
            (Some(sim), Some(k)) if k.year == sim.target.year => {
                let mut g = partly_known::given_known(
                    sim,
                    k.part,
                    k.growth_pct,
                    &k.shares,
                    options.rest_spread_ratio,
                )?;
                g.known_source = loaded.source_of("known.growth_pct");
                Some(g)
            }
            _ => None,
        };
        let track_record = match (&simulation, options.history) {
            (Some(sim), Some((history, region))) => {
                backtest::for_simulation(history, region, sim).ok()
            }
            _ => None,
        };
        Ok(Self {
            neighbours,
            track_record,
            loaded,
            projection,
            targets,
            audit,
            simulation,
            past: record::past(loaded, options.history),
            briefing,
            given_known,
        })
    }
}

/// The constant-price weights' uncertainty as the findings read it, where
/// the scenario gives it: their spread and whether any of them has the
/// status derived or assumption (a weight without a status is not called
/// either).
fn weights_uncertainty<'s>(
    loaded: &'s LoadedScenario,
    projection: &Projection,
) -> Option<briefing::WeightsUncertainty<'s>> {
    use grdp_scenario::Status;
    let sd_pp = loaded
        .uncertainty
        .as_ref()?
        .inputs
        .constant_weight_sd_pp
        .as_deref()?;
    let derived = loaded
        .provenance
        .iter()
        .filter(|p| {
            p.field.starts_with("base.constant_weight_pct.")
                || p.field.starts_with("base.constant_bn_vnd.")
        })
        .any(|p| matches!(p.status, Some(Status::Derived | Status::Assumption)));
    Some(briefing::WeightsUncertainty {
        first_year: projection.years.first()?.year,
        sd_pp,
        derived,
    })
}

/// The first year whose levels overflow (growth of thousands of percent
/// over a long horizon): they must not reach the output as `inf` or `NaN`.
fn overflow_year(p: &Projection) -> Option<i32> {
    p.years
        .iter()
        .find(|y| {
            [
                Some(y.growth_pct),
                y.grdp_constant_bn_vnd,
                y.grdp_current_bn_vnd,
                y.nominal_growth_pct,
            ]
            .iter()
            .flatten()
            .any(|v| !v.is_finite())
        })
        .map(|y| y.year)
}
