//! The simulation: chunks of scenarios in parallel, reduced in order.
//!
//! `N` scenarios are cut into chunks of [`CHUNK_SIZE`]; chunk `c` draws from
//! its own generator, derived only from `(seed, c)`. Chunks run in batches on
//! rayon's pool: first the chunks whose scenarios are kept whole (four, when
//! the analysis is asked for), then [`BATCH_CHUNKS`] at a time while those
//! kept scenarios are analysed beside them; each batch's results are merged
//! into the totals serially, in chunk order, so the result is bit-identical
//! whatever the number of threads, and memory does not grow with `N`.

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
use analysis::DetailStats;
pub use options::{Control, DrawSink, FeasibilityRequest, RunOptions};
pub use results::{
    Checkpoint, CorrelationReport, FeasibilityCurve, FeasibilityPoint, Histogram, QUANTILE_LEVELS,
    Quantiles, RequiredGrowth, Sensitivity, SimResult, TargetProbability, YearDistribution,
};

/// Scenarios per chunk (a constant: never derived from the thread count).
/// At most 65,535, so that a chunk's histogram counts fit in `u16`.
pub const CHUNK_SIZE: u64 = 32_768;
const _: () = assert!(CHUNK_SIZE <= u16::MAX as u64);
/// Chunks per batch: the unit of progress, cancellation and precision checks
/// (4 with a precision goal; the first batch of a run with its analysis is
/// the [`DETAIL_CAP`] scenarios kept whole, four chunks).
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
    let (optimism, paired_record) = if paired {
        (None, opts.optimism_pp.as_deref())
    } else {
        (opts.optimism_pp.as_deref(), None)
    };
    let chunks = opts.scenarios.div_ceil(CHUNK_SIZE);
    let detail_chunks = if opts.detail {
        DETAIL_CAP.div_ceil(CHUNK_SIZE).min(chunks)
    } else {
        0
    };
    let row = (2 * model.k + 1) * (DETAIL_CAP.min(opts.scenarios) as usize);
    let mut run = Batches {
        model,
        opts,
        year_bins: &year_bins,
        optimism,
        paired_record,
        tot: Totals::new(model, year_bins.clone()),
        detail: Vec::with_capacity(if opts.detail { row } else { 0 }),
        paired_tot: paired_record.map(|_| Totals::new(model, year_bins.clone())),
        paired_detail: Vec::with_capacity(if opts.detail && paired { row } else { 0 }),
        stopped: false,
        next: 0,
        chunks,
        // With a precision goal, smaller batches waste less work past the
        // stop; the batch size never changes the result, only the chunk
        // order does.
        batch: if opts.precision.is_some() {
            4
        } else {
            BATCH_CHUNKS
        },
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
    // First the chunks whose scenarios are kept whole; then the rest, while
    // the kept scenarios are analysed beside them (the analysis depends on
    // them alone, so the result is the same bits either way).
    run.until(detail_chunks, &mut control)?;
    let detail = std::mem::take(&mut run.detail);
    let paired_detail = std::mem::take(&mut run.paired_detail);
    let (mut stats, mut paired_stats) = (None, None);
    let rest = rayon::in_place_scope(|scope| {
        scope.spawn(|_| stats = Some(DetailStats::of(model, plain_view, &detail)));
        if paired {
            scope.spawn(|_| paired_stats = Some(DetailStats::of(model, opts, &paired_detail)));
        }
        run.until(chunks, &mut control)
    });
    rest?;
    let check = |r: &SimResult| {
        if r.mean_pct.is_finite()
            && r.sd_pp.is_finite()
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
    let Batches {
        tot,
        paired_tot,
        stopped,
        ..
    } = run;
    // The scope above has joined both analyses.
    let stats = stats.expect("the analysis of the kept scenarios ran");
    let result = tot.finish(model, plain_view, stats, stopped);
    check(&result)?;
    let with = match (paired_tot, paired_stats) {
        (Some(pt), Some(ps)) => {
            let r = pt.finish(model, opts, ps, stopped);
            check(&r)?;
            Some(r)
        }
        _ => None,
    };
    Ok((result, with))
}

/// A run's chunks, drawn batch by batch and merged in chunk order.
struct Batches<'a> {
    model: &'a Model,
    opts: &'a RunOptions,
    year_bins: &'a [accumulate::Bins],
    optimism: Option<&'a [f64]>,
    paired_record: Option<&'a [f64]>,
    tot: Totals,
    detail: Vec<f64>,
    paired_tot: Option<Totals>,
    paired_detail: Vec<f64>,
    /// Stopped at the precision goal.
    stopped: bool,
    /// The next chunk to draw.
    next: u64,
    chunks: u64,
    batch: u64,
}

impl Batches<'_> {
    /// Draws and merges the chunks up to `end` (exclusive), or until the
    /// precision goal stops the run.
    fn until(&mut self, end: u64, control: &mut Control) -> Result<(), McError> {
        let (model, opts) = (self.model, self.opts);
        let bins = self.year_bins[model.main_index];
        let keep_draws = control.draws.is_some();
        while self.next < end && !self.stopped {
            let last = (self.next + self.batch).min(end);
            let results: Vec<ChunkAcc> = (self.next..last)
                .into_par_iter()
                .map(|c| {
                    let n = CHUNK_SIZE.min(opts.scenarios - c * CHUNK_SIZE);
                    model.run_chunk(&ChunkJob {
                        cancel: control.cancel,
                        seed: opts.seed,
                        chunk: c,
                        n,
                        bins,
                        year_bins: self.year_bins,
                        optimism: self.optimism,
                        paired: self.paired_record,
                        keep_detail: opts.detail && c * CHUNK_SIZE < DETAIL_CAP,
                        keep_draws,
                    })
                })
                .collect();
            // A chunk stopped by a cancellation holds a part of its draws (or
            // none): it is neither a result nor a failure.
            if control.cancel.is_some_and(|c| c.load(Ordering::SeqCst)) {
                return Err(McError::Cancelled {
                    done: self.tot.n,
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
                    self.detail.extend_from_slice(&acc.detail);
                }
                self.tot.merge(&acc);
                if let (Some(pt), Some(pa)) = (self.paired_tot.as_mut(), acc.paired.as_deref()) {
                    if !pa.detail.is_empty() {
                        self.paired_detail.extend_from_slice(&pa.detail);
                    }
                    pt.merge(pa);
                }
                let chunk = self.next + offset as u64;
                if let Some(p) = opts.precision {
                    let [lo, hi] = wilson_95(self.tot.hits, self.tot.n);
                    if 0.5 * (hi - lo) <= p && chunk + 1 < self.chunks {
                        self.stopped = true;
                        return Ok(());
                    }
                }
            }
            self.next = last;
            if let Some(progress) = control.progress {
                progress(self.tot.n, opts.scenarios);
            }
            if control.cancel.is_some_and(|c| c.load(Ordering::SeqCst)) {
                return Err(McError::Cancelled {
                    done: self.tot.n,
                    planned: opts.scenarios,
                });
            }
        }
        Ok(())
    }
}
