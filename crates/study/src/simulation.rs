//! How likely is the target, under each view of the centre: every selected
//! view simulated, and again with the record of past shortfalls.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use grdp_core::Indicator;
use grdp_montecarlo::engine::{CHUNK_SIZE, DrawSink, FeasibilityRequest, RunOptions};
use grdp_montecarlo::rng::RNG_NAME;
use grdp_montecarlo::{Centre, MainTarget, Model, SimResult, View, simulate};
use grdp_scenario::LoadedScenario;
use serde::Serialize;

use crate::calibration::ShortfallRecords;
use crate::error::{ComponentRole, StudyError, ViewRole};

/// The feasibility curve's shifts of the component's centre, percentage
/// points: −3 to +3 in steps of a quarter, and further up, to two points
/// past what the component alone needs for the target (`needed_pp` above
/// its plan, at most +15), so that the curve reaches one half where it
/// can: the 2026 target asks services for 5.9 points more.
fn feasibility_shifts_pp(needed_pp: Option<f64>) -> Vec<f64> {
    let top = needed_pp
        .filter(|n| n.is_finite())
        .map_or(3.0, |n| (n + 2.0).clamp(3.0, 15.0));
    let steps = (top / 0.25).ceil() as i32;
    (-12..=steps).map(|i| f64::from(i) * 0.25).collect()
}

/// What to simulate, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulationOptions {
    /// Scenarios per view (the most, with `precision`).
    pub scenarios: u64,
    /// The seed: the same seed gives the same result.
    pub seed: u64,
    /// Worker threads; `None` for every core. Results do not depend on it.
    pub threads: Option<usize>,
    /// Stop each view once the 95 % interval on P has at most this
    /// half-width (a probability, e.g. 0.005).
    pub precision: Option<f64>,
    /// The aggregate growth threshold, percent; `None` for the scenario's.
    pub target_pct: Option<f64>,
    /// The year of the target; `None` for the scenario's.
    pub target_year: Option<i32>,
    /// The views to run, by id, in this order; `None` for every view.
    pub views: Option<Vec<String>>,
    /// The record of past shortfalls: run every view again with one drawn
    /// into every year of every path (except views that already subtract a
    /// shortfall: that would count the same misses twice).
    pub optimism: Option<ShortfallRecords>,
    /// The component whose centre the feasibility curve varies; `None` for the largest.
    pub feasibility_component: Option<String>,
    /// The component whose required growth is reported; `None` for the largest.
    pub required_component: Option<String>,
    /// The view whose probability is the answer; `None` for the scenario's
    /// choice, else grdp's rule (see [`crate::briefing::preferred`]).
    pub preferred_view: Option<String>,
}

impl Default for SimulationOptions {
    /// A million scenarios a view, seed 42, every core, every view.
    fn default() -> Self {
        Self {
            scenarios: 1_000_000,
            seed: 42,
            threads: None,
            precision: None,
            target_pct: None,
            target_year: None,
            views: None,
            optimism: None,
            feasibility_component: None,
            required_component: None,
            preferred_view: None,
        }
    }
}

/// Hooks for the caller: progress, cancellation, and the draws themselves.
#[derive(Default)]
pub struct Control<'a> {
    /// Called as the runs go on with (scenarios done, scenarios planned),
    /// counted over every run of the study.
    pub progress: Option<&'a (dyn Fn(u64, u64) + Sync)>,
    /// Checked between batches; when set, the study stops with a
    /// cancellation error.
    pub cancel: Option<&'a AtomicBool>,
    /// Receives the first view's draws (target year): each row the
    /// components' growth then aggregate growth, percent.
    pub draws: Option<DrawSink<'a>>,
}

/// Run metadata, in every output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metadata {
    /// The seed.
    pub seed: u64,
    /// Scenarios asked for: each view's count, or its most when it stops
    /// at a precision (each view's own count is in its result).
    pub scenarios: u64,
    /// Scenarios per chunk.
    pub chunk_size: u64,
    /// The generator.
    pub rng: &'static str,
    /// grdp's version.
    pub version: &'static str,
    /// SHA-256 of the scenario file, hexadecimal.
    pub scenario_sha256: String,
}

/// One view's simulation.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewRun {
    /// The view, as the scenario defines it (id, names, centre).
    pub view: View,
    /// Each component's centre in the target year under this view, percent.
    pub centre_pct: Vec<f64>,
    /// The result.
    pub result: SimResult,
    /// The result with the record of past shortfalls added, where run.
    pub with_optimism: Option<SimResult>,
    /// The record was given but not added to this view, because the view
    /// already takes a past shortfall off the plan (`plan_minus`).
    pub optimism_overlaps: bool,
}

/// Every view's simulation of one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    /// Run metadata.
    pub metadata: Metadata,
    /// The target the probabilities are about.
    pub target: MainTarget,
    /// The views, in the order asked for (at least one).
    pub views: Vec<ViewRun>,
    /// The records of past shortfalls, where used.
    pub optimism: Option<ShortfallRecords>,
}

impl Simulation {
    /// The first view's run: the one the draws and the detail tables follow.
    pub fn main(&self) -> &ViewRun {
        &self.views[0]
    }
}

/// The aggregate growth target: the options' year and threshold over the
/// scenario's own.
pub fn main_target(
    loaded: &LoadedScenario,
    opts: &SimulationOptions,
) -> Result<MainTarget, StudyError> {
    let s = &loaded.scenario;
    // The scenario's aggregate growth targets with a minimum, by year.
    let stated: Vec<(i32, f64)> = s
        .targets()
        .targets()
        .iter()
        .filter(|t| t.indicator == Indicator::GrowthPct && t.component.is_none())
        .filter_map(|t| t.bound.min.map(|m| (t.year, m)))
        .collect();
    let year = match opts.target_year {
        Some(y) => y,
        None => match stated.iter().map(|(y, _)| *y).min() {
            Some(y) => y,
            None => s.plan().years().first().map_or(0, |y| y.year),
        },
    };
    // A threshold given with the options; else the target of that very
    // year, never another year's.
    let threshold_pct = match opts.target_pct {
        Some(t) => t,
        None => stated
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, t)| *t)
            .ok_or_else(|| StudyError::NoGrowthTarget {
                year,
                years_with_targets: stated.iter().map(|(y, _)| *y).collect(),
                at_most_pct: s
                    .targets()
                    .targets()
                    .iter()
                    .filter(|t| t.indicator == Indicator::GrowthPct && t.component.is_none())
                    .filter(|t| t.year == year && t.bound.min.is_none())
                    .filter_map(|t| t.bound.max)
                    // Several ceilings: the one that binds.
                    .reduce(f64::min),
            })?,
    };
    Ok(MainTarget {
        year,
        threshold_pct,
    })
}

/// Simulates every selected view of `loaded` (and each again with the
/// record of past shortfalls, where given), on a pool of the requested size.
pub fn simulate_views(
    loaded: &LoadedScenario,
    opts: &SimulationOptions,
    control: Control,
) -> Result<Simulation, StudyError> {
    let s = &loaded.scenario;
    let spec = loaded
        .uncertainty
        .as_ref()
        .ok_or(StudyError::NoUncertainty)?;
    let main = main_target(loaded, opts)?;
    let ids: Vec<String> = s
        .economy()
        .components()
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let largest = s
        .economy()
        .base_weights()
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map_or(0, |(i, _)| i);
    let component = |opt: &Option<String>, role| match opt {
        None => Ok(largest),
        Some(id) => ids
            .iter()
            .position(|c| c == id)
            .ok_or_else(|| StudyError::UnknownComponent {
                role,
                id: id.clone(),
                known: ids.clone(),
            }),
    };
    let feasibility = component(&opts.feasibility_component, ComponentRole::Feasibility)?;
    let required = component(&opts.required_component, ComponentRole::Required)?;
    if let Some(p) = &opts.preferred_view
        && !spec.views.iter().any(|v| &v.id == p)
    {
        return Err(StudyError::UnknownView {
            role: ViewRole::Preferred,
            id: p.clone(),
            known: spec.views.iter().map(|v| v.id.clone()).collect(),
        });
    }
    let views: Vec<&View> = match &opts.views {
        None => spec.views.iter().collect(),
        Some(wanted) => wanted
            .iter()
            .map(|w| {
                spec.views
                    .iter()
                    .find(|v| &v.id == w)
                    .ok_or_else(|| StudyError::UnknownView {
                        role: ViewRole::Simulated,
                        id: w.clone(),
                        known: spec.views.iter().map(|v| v.id.clone()).collect(),
                    })
            })
            .collect::<Result<_, _>>()?,
    };
    // The answer's view must be one of those simulated.
    if let Some(p) = &opts.preferred_view
        && !views.iter().any(|v| &v.id == p)
    {
        return Err(StudyError::UnknownView {
            role: ViewRole::Preferred,
            id: p.clone(),
            known: views.iter().map(|v| v.id.clone()).collect(),
        });
    }
    let run_opts = RunOptions {
        scenarios: opts.scenarios,
        seed: opts.seed,
        precision: opts.precision,
        optimism_pp: None,
        feasibility: Some(FeasibilityRequest {
            component: feasibility,
            shifts_pp: feasibility_shifts_pp(
                grdp_core::solve::component_for_target(
                    s.economy(),
                    s.plan(),
                    main.year,
                    main.threshold_pct,
                    &ids[feasibility],
                )
                .ok()
                .map(|c| c.required_growth_pct - c.planned_growth_pct),
            ),
        }),
        required_component: Some(required),
        detail: true,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .build()
        .map_err(StudyError::Threads)?;
    let models: Vec<Model> = views
        .iter()
        .map(|v| Model::new(s, spec, v, main))
        .collect::<Result<_, _>>()?;
    // A view that already subtracts a shortfall is not run again with the
    // record: the same misses would count twice.
    let with_record =
        |v: &View| opts.optimism.is_some() && !matches!(v.centre, Centre::PlanMinus { .. });
    // The record rides on the plain run's paths (common random numbers):
    // one pass a view, except for the linear fast loop's models.
    let runs = views
        .iter()
        .zip(&models)
        .map(|(v, m)| {
            if with_record(v) && !m.pairs_on_common_draws() {
                2
            } else {
                1
            }
        })
        .sum::<u64>();
    let planned = runs.saturating_mul(opts.scenarios);
    // Scenarios of the runs already finished, for progress over the study.
    let finished = AtomicU64::new(0);
    let Control {
        progress,
        cancel,
        mut draws,
    } = control;
    let report = |done: u64, _planned: u64| {
        if let Some(p) = progress {
            p(finished.load(Ordering::Relaxed) + done, planned);
        }
    };
    let mut out = Vec::with_capacity(views.len());
    for (vi, (view, model)) in views.iter().zip(&models).enumerate() {
        let sink = match &mut draws {
            Some(d) if vi == 0 => Some(&mut **d as DrawSink),
            _ => None,
        };
        let overlaps = opts.optimism.is_some() && matches!(view.centre, Centre::PlanMinus { .. });
        let (result, with_optimism) = match &opts.optimism {
            Some(records) if with_record(view) => {
                let o = RunOptions {
                    optimism_pp: Some(
                        records
                            .used
                            .record
                            .years
                            .iter()
                            .map(|y| y.shortfall_pp)
                            .collect(),
                    ),
                    ..run_opts.clone()
                };
                let control = grdp_montecarlo::Control {
                    progress: Some(&report),
                    cancel,
                    draws: sink,
                };
                let (plain, with) =
                    pool.install(|| grdp_montecarlo::simulate_paired(model, &o, control))?;
                let passes = if model.pairs_on_common_draws() { 1 } else { 2 };
                finished.fetch_add(plain.scenarios * passes, Ordering::Relaxed);
                (plain, Some(with))
            }
            _ => (
                run_one(&pool, model, &run_opts, &report, cancel, sink, &finished)?,
                None,
            ),
        };
        out.push(ViewRun {
            view: (*view).clone(),
            centre_pct: model.centres().to_vec(),
            result,
            with_optimism,
            optimism_overlaps: overlaps,
        });
    }
    Ok(Simulation {
        metadata: Metadata {
            seed: opts.seed,
            scenarios: opts.scenarios,
            chunk_size: CHUNK_SIZE,
            rng: RNG_NAME,
            version: env!("CARGO_PKG_VERSION"),
            scenario_sha256: loaded.sha256.clone(),
        },
        target: main,
        views: out,
        optimism: opts.optimism.clone(),
    })
}

/// One run of the engine on the pool; its scenarios are added to `finished`.
fn run_one<'c>(
    pool: &rayon::ThreadPool,
    model: &Model,
    opts: &RunOptions,
    progress: &'c (dyn Fn(u64, u64) + Sync),
    cancel: Option<&'c AtomicBool>,
    draws: Option<DrawSink<'c>>,
    finished: &AtomicU64,
) -> Result<SimResult, StudyError> {
    let control = grdp_montecarlo::Control {
        progress: Some(progress),
        cancel,
        draws,
    };
    let r = pool.install(|| simulate(model, opts, control))?;
    finished.fetch_add(r.scenarios, Ordering::Relaxed);
    Ok(r)
}
