//! The simulation: chunks of scenarios in parallel, reduced in order.
//!
//! `N` scenarios are cut into chunks of [`CHUNK_SIZE`]; chunk `c` draws from
//! its own generator, derived only from `(seed, c)`. Chunks run in batches of
//! [`BATCH_CHUNKS`] on rayon's pool; each batch's results are merged into the
//! totals serially, in chunk order, so the result is bit-identical whatever
//! the number of threads, and memory does not grow with `N`.

mod accumulate;
mod analysis;
mod linear;
mod options;
mod path;
mod results;

use rayon::prelude::*;
use std::sync::atomic::Ordering;

use crate::error::{McError, RunSetting};
use crate::model::Model;
use crate::stats::wilson_95;

use accumulate::{ChunkAcc, ChunkJob, Totals};
pub use options::{Control, DrawSink, FeasibilityRequest, RunOptions};
pub use results::{
    Checkpoint, CorrelationReport, FeasibilityCurve, FeasibilityPoint, Histogram, QUANTILE_LEVELS,
    Quantiles, RequiredGrowth, Sensitivity, SimResult, TargetProbability, YearDistribution,
};

/// Scenarios per chunk (a constant: never derived from the thread count).
/// At most 65,535, so that a chunk's histogram counts fit in `u16`.
pub const CHUNK_SIZE: u64 = 32_768;
const _: () = assert!(CHUNK_SIZE <= u16::MAX as u64);
/// Chunks per batch: the unit of progress, cancellation and precision checks.
pub const BATCH_CHUNKS: u64 = 32;
/// Bins of the streaming histogram of aggregate growth.
pub const HISTOGRAM_BINS: usize = 32_768;
/// Scenarios kept in full (the first ones) for rank statistics, the
/// feasibility curve and the required-growth distribution.
pub const DETAIL_CAP: u64 = 4 * CHUNK_SIZE;
/// The most scenarios one run accepts.
pub const MAX_SCENARIOS: u64 = 100_000_000_000;
/// Scenario counts inside the first chunk recorded in the convergence trace.
const EARLY_CHECKPOINTS: [u64; 5] = [1_024, 2_048, 4_096, 8_192, 16_384];

/// Runs the simulation of `model`.
pub fn simulate(model: &Model, opts: &RunOptions, control: Control) -> Result<SimResult, McError> {
    run(model, opts, false, control).map(|(plain, _)| plain)
}

/// Runs `model` twice on common random numbers: as [`simulate`] without
/// the record of past shortfalls (bit for bit), and the same paths with a
/// shortfall of `opts.optimism_pp` added to every component's growth each
/// year (the shortfalls drawn from a stream of their own). One pass gives
/// both, and their difference carries only the shortfalls' noise.
///
/// A model of the linear fast loop (one year, fixed weights, normal
/// marginals) has no common path to pair: it is run twice, as before.
pub fn simulate_paired(
    model: &Model,
    opts: &RunOptions,
    control: Control,
) -> Result<(SimResult, SimResult), McError> {
    if opts.optimism_pp.is_none() {
        return Err(McError::InvalidSetting {
            setting: RunSetting::OptimismRecord,
            message: "a paired run needs the record of past shortfalls".into(),
        });
    }
    if model.linear.is_some() {
        let plain_opts = RunOptions {
            optimism_pp: None,
            ..opts.clone()
        };
        let Control {
            progress,
            cancel,
            draws,
        } = control;
        let plain = simulate(
            model,
            &plain_opts,
            Control {
                progress,
                cancel,
                draws,
            },
        )?;
        let with = simulate(
            model,
            opts,
            Control {
                progress,
                cancel,
                draws: None,
            },
        )?;
        return Ok((plain, with));
    }
    let (plain, with) = run(model, opts, true, control)?;
    Ok((plain, with.expect("a paired run returns both results")))
}

/// The run: plain (`opts.optimism_pp` applied to every path, if given), or
/// paired (plain paths, and the same paths again with `opts.optimism_pp`).
fn run(
    model: &Model,
    opts: &RunOptions,
    paired: bool,
    mut control: Control,
) -> Result<(SimResult, Option<SimResult>), McError> {
    if opts.scenarios == 0 {
        return Err(McError::InvalidSetting {
            setting: RunSetting::Scenarios,
            message: "found 0; expected at least 1 scenario".into(),
        });
    }
    if opts.scenarios > MAX_SCENARIOS {
        return Err(McError::InvalidSetting {
            setting: RunSetting::Scenarios,
            message: format!("found {}; expected at most {MAX_SCENARIOS}", opts.scenarios),
        });
    }
    if let Some(p) = opts.precision
        && !(p > 0.0 && p < 0.5)
    {
        return Err(McError::InvalidSetting {
            setting: RunSetting::Precision,
            message: format!(
                "found {p}; expected a half-width of the 95% interval between 0 and 0.5, such as 0.005"
            ),
        });
    }
    if let Some(o) = &opts.optimism_pp
        && (o.is_empty() || o.iter().any(|x| !x.is_finite()))
    {
        return Err(McError::InvalidSetting {
            setting: RunSetting::OptimismRecord,
            message: "the historical shortfalls are empty or not finite".into(),
        });
    }
    let year_bins = model.year_bins();
    let bins = year_bins[model.main_index];
    let (optimism, paired_record) = if paired {
        (None, opts.optimism_pp.as_deref())
    } else {
        (opts.optimism_pp.as_deref(), None)
    };
    let chunks = opts.scenarios.div_ceil(CHUNK_SIZE);
    let keep_draws = control.draws.is_some();
    let mut tot = Totals::new(model, year_bins.clone());
    let mut detail: Vec<f64> = Vec::new();
    let mut paired_tot = paired_record.map(|_| Totals::new(model, year_bins.clone()));
    let mut paired_detail: Vec<f64> = Vec::new();
    let mut stopped = false;
    let mut next = 0u64;
    // With a precision goal, smaller batches waste less work past the stop;
    // the batch size never changes the result, only the chunk order does.
    let batch = if opts.precision.is_some() {
        4
    } else {
        BATCH_CHUNKS
    };
    'batches: while next < chunks {
        let end = (next + batch).min(chunks);
        let results: Vec<ChunkAcc> = (next..end)
            .into_par_iter()
            .map(|c| {
                let n = CHUNK_SIZE.min(opts.scenarios - c * CHUNK_SIZE);
                model.run_chunk(&ChunkJob {
                    cancel: control.cancel,
                    seed: opts.seed,
                    chunk: c,
                    n,
                    bins,
                    year_bins: &year_bins,
                    optimism,
                    paired: paired_record,
                    keep_detail: opts.detail && c * CHUNK_SIZE < DETAIL_CAP,
                    keep_draws,
                })
            })
            .collect();
        // A chunk stopped by a cancellation holds a part of its draws (or
        // none): it is neither a result nor a failure.
        if control.cancel.is_some_and(|c| c.load(Ordering::SeqCst)) {
            return Err(McError::Cancelled {
                done: tot.n,
                planned: opts.scenarios,
            });
        }
        for (offset, acc) in results.into_iter().enumerate() {
            if let Some((what, year)) = acc.failure {
                return Err(McError::NonFinite {
                    what: what.into(),
                    year,
                });
            }
            if let Some(sink) = control.draws.as_mut() {
                sink(&acc.draws).map_err(McError::Draws)?;
            }
            if !acc.detail.is_empty() {
                detail.extend_from_slice(&acc.detail);
            }
            tot.merge(&acc);
            if let (Some(pt), Some(pa)) = (paired_tot.as_mut(), acc.paired.as_deref()) {
                if !pa.detail.is_empty() {
                    paired_detail.extend_from_slice(&pa.detail);
                }
                pt.merge(pa);
            }
            let chunk = next + offset as u64;
            if let Some(p) = opts.precision {
                let [lo, hi] = wilson_95(tot.hits, tot.n);
                if 0.5 * (hi - lo) <= p && chunk + 1 < chunks {
                    stopped = true;
                    break 'batches;
                }
            }
        }
        next = end;
        if let Some(progress) = control.progress {
            progress(tot.n, opts.scenarios);
        }
        if control.cancel.is_some_and(|c| c.load(Ordering::SeqCst)) {
            return Err(McError::Cancelled {
                done: tot.n,
                planned: opts.scenarios,
            });
        }
    }
    let check = |r: &SimResult| {
        if r.mean_pct.is_finite()
            && r.sd_pct.is_finite()
            && r.min_pct.is_finite()
            && r.max_pct.is_finite()
        {
            Ok(())
        } else {
            Err(McError::NonFinite {
                what: "mean or spread of aggregate growth".into(),
                year: model.main.year,
            })
        }
    };
    let plain_opts;
    let plain_view = if paired {
        plain_opts = RunOptions {
            optimism_pp: None,
            ..opts.clone()
        };
        &plain_opts
    } else {
        opts
    };
    let result = tot.finish(model, plain_view, &detail, stopped);
    check(&result)?;
    let with = match paired_tot {
        Some(pt) => {
            let r = pt.finish(model, opts, &paired_detail, stopped);
            check(&r)?;
            Some(r)
        }
        None => None,
    };
    Ok((result, with))
}
