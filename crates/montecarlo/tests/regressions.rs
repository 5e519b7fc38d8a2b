//! Regression tests of the engine: each names the bug it guards (issue
//! "Right answers off the built-in path") and failed before its fix.

use std::sync::atomic::AtomicBool;

use grdp_montecarlo::engine::{CHUNK_SIZE, RunOptions};
use grdp_montecarlo::{Control, MainTarget, Marginal, McError, Model, simulate};

mod common;
use common::{one_year, spec_as_written};

/// Bug 1: a linear model (the fast loop) cancelled before a chunk draws
/// anything reported "non-finite aggregate growth" (exit 1) instead of the
/// cancellation (exit 130): the empty chunk's minimum stayed +∞.
#[test]
fn a_cancelled_run_of_the_fast_loop_reports_the_cancellation() {
    let s = one_year(&[30.0, 70.0], &[5.0, 8.0], 7.0);
    let u = spec_as_written(vec![
        Marginal::Normal {
            mean: None,
            sd: 2.0
        };
        2
    ]);
    let model = Model::new(&s, &u, &u.views[0], MainTarget::from_scenario(&s).unwrap()).unwrap();
    let opts = RunOptions {
        scenarios: 64 * CHUNK_SIZE,
        seed: 1,
        precision: None,
        optimism_pp: None,
        feasibility: None,
        required_component: None,
        detail: false,
    };
    let cancel = AtomicBool::new(true);
    let control = Control {
        cancel: Some(&cancel),
        ..Default::default()
    };
    let e = simulate(&model, &opts, control).unwrap_err();
    assert!(matches!(e, McError::Cancelled { done: 0, .. }), "{e}");
}
