//! `grdp-montecarlo`: how likely is a growth target?
//!
//! Sector growth is drawn from per-component distributions ([`Marginal`])
//! tied together by a Gaussian copula with a requested rank correlation,
//! pushed through the projection year by year, and scored against the
//! scenario's targets. [`simulate`] runs `N` scenarios in fixed-size chunks,
//! each with its own generator derived from (seed, chunk), on rayon's pool,
//! and reduces them in chunk order: the same seed gives bit-identical results
//! at any thread count, and memory does not depend on `N`.
//!
//! [`calibrate`] estimates distributions and correlations from history and
//! repairs a correlation estimate that is not positive definite.
//!
//! Units follow the rest of grdp: `_pct` percent, `_pp` percentage points;
//! probabilities are fractions in [0, 1].
//!
//! ```
//! use grdp_core::{BaseYear, Bound, Component, Direction, ConstantPriceBase, Economy, Indicator, Plan, Scenario, Target, TargetSet, YearPlan};
//! use grdp_montecarlo::engine::RunOptions;
//! use grdp_montecarlo::{Centre, MainTarget, Marginal, Model, UncertaintySpec, View, simulate};
//!
//! // One sector, growth ~ Normal(8, 2): P(growth ≥ 8) is one half.
//! let economy = Economy::new(
//!     vec![Component::value_added("all")],
//!     BaseYear { year: 2024, current_bn_vnd: None, constant: ConstantPriceBase::WeightsPct(vec![100.0]),
//!                population_thousand: None, employed_thousand: None },
//! )?;
//! let plan = Plan::new(&economy, vec![YearPlan { year: 2025, real_growth_pct: vec![8.0], prices: None,
//!                                                population_growth_pct: None, employment_growth_pct: None }])?;
//! let target = Target { id: "g".into(), year: 2025, indicator: Indicator::GrowthPct, component: None,
//!                       bound: Bound { min: Some(8.0), max: None }, direction: Direction::AtLeast };
//! let targets = TargetSet::new(&economy, vec![target])?;
//! let scenario = Scenario::new("one sector", economy, plan, targets, vec![], vec![])?;
//! let spec = UncertaintySpec {
//!     growth: vec![Marginal::Normal { mean: None, sd: 2.0 }],
//!     growth_by_year: Default::default(),
//!     rank_correlation: None,
//!     persistence: 0.0,
//!     inputs: Default::default(),
//!     views: vec![View { id: "plan".into(), name_en: "Plan".into(), name_vi: "Kế hoạch".into(), centre: Centre::Plan }],
//!     preferred_view: None,
//!     supported_sd_pp: Vec::new(),
//! };
//! let model = Model::new(&scenario, &spec, &spec.views[0], MainTarget { year: 2025, threshold_pct: 8.0 }).unwrap();
//! let opts = RunOptions { scenarios: 100_000, seed: 1, precision: None, optimism_pp: None,
//!                         feasibility: None, required_component: None, detail: false };
//! let result = simulate(&model, &opts, Default::default()).unwrap();
//! assert!((result.probability - 0.5).abs() < 4.0 * result.std_error);
//! # Ok::<(), grdp_core::ModelError>(())
//! ```

pub mod calibrate;
pub mod copula;
mod cpu;
pub mod engine;
pub mod error;
pub mod marginal;
pub mod model;
pub mod normal;
pub mod rng;
pub mod stats;

pub use engine::{Control, RunOptions, SimResult, simulate, simulate_paired};
pub use error::{McError, RunSetting};
pub use grdp_core::uncertainty::{Centre, InputUncertainty, Marginal, UncertaintySpec, View};
pub use model::{MainTarget, Model};
