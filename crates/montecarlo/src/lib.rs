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

pub mod calibrate;
pub mod copula;
pub mod engine;
pub mod error;
pub mod marginal;
pub mod model;
pub mod normal;
pub mod rng;
pub mod spec;
pub mod stats;

pub use engine::{Control, RunOptions, SimResult, simulate};
pub use error::McError;
pub use marginal::Marginal;
pub use model::{MainTarget, Model};
pub use spec::{Centre, InputUncertainty, UncertaintySpec, View};
