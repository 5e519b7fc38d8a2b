//! `grdp calibrate`: sector growth distributions and correlations from
//! history, printed as an `[uncertainty]` block ready to paste.

use std::fmt::Write as _;

use anyhow::Context;
use grdp_montecarlo::calibrate::{self, Calibration, Optimism, Series};
use grdp_scenario::{History, builtin, read_history};
use serde::Serialize;

use crate::UsageError;
use crate::args::{CalibrateArgs, CalibrateFormat};
use crate::output::{emit, json};

#[derive(Serialize)]
struct CalibrateJson<'a> {
    region: &'a str,
    left_out: &'a [String],
    history: String,
    excluded_years: &'a [i32],
    calibration: &'a Calibration,
    scale: Option<Scale>,
    optimism: Option<Optimism>,
}

/// How the source region's volatility was scaled to the target region's.
#[derive(Serialize, Clone)]
struct Scale {
    to_region: String,
    factor: f64,
    years: Vec<i32>,
}

pub fn run(args: &CalibrateArgs) -> anyhow::Result<()> {
    let (history, origin) = match &args.history {
        Some(p) => (read_history(p)?, p.display().to_string()),
        None => (
            builtin::history().context("the built-in history failed to load (a bug)")?,
            "data/history.csv (built-in)".to_string(),
        ),
    };
    let in_range = |y: i32| {
        args.from.is_none_or(|f| y >= f)
            && args.to.is_none_or(|t| y <= t)
            && !args.exclude.contains(&y)
    };
    let regions: Vec<&str> = {
        let mut r: Vec<&str> = history.records.iter().map(|r| r.region.as_str()).collect();
        r.sort_unstable();
        r.dedup();
        r
    };
    if !regions.contains(&args.region.as_str()) {
        return Err(UsageError(format!(
            "--region {}: no such region in {origin}; expected one of: {}",
            args.region,
            regions.join(", ")
        ))
        .into());
    }
    let components: Vec<String> = match &args.components {
        Some(list) => list.clone(),
        None => {
            let mut c: Vec<String> = history
                .records
                .iter()
                .filter(|r| {
                    r.region == args.region && r.indicator == "growth_pct" && r.component != "total"
                })
                .map(|r| r.component.clone())
                .collect();
            c.dedup();
            let order = [
                "agriculture",
                "industry_construction",
                "services",
                "product_taxes",
            ];
            c.sort_by_key(|x| order.iter().position(|o| o == x).unwrap_or(order.len()));
            c.dedup();
            c
        }
    };
    let all: Vec<(String, Series)> = components
        .iter()
        .map(|c| {
            let s: Series = history
                .annual(&args.region, c, "growth_pct")
                .into_iter()
                .filter(|(y, _)| in_range(*y))
                .collect();
            (c.clone(), s)
        })
        .collect();
    // Components found by themselves need two years; named ones must have them.
    let (series, left_out): (Vec<_>, Vec<_>) = all
        .into_iter()
        .partition(|(_, s)| args.components.is_some() || s.len() >= 2);
    let left_out: Vec<String> = left_out
        .iter()
        .map(|(c, s)| {
            format!(
                "{c} ({} year{})",
                s.len(),
                if s.len() == 1 { "" } else { "s" }
            )
        })
        .collect();
    let mut cal = calibrate::estimate(&series)?;
    let scale = match &args.scale_to {
        Some(to) => {
            let target: Series = history
                .annual(to, "total", "growth_pct")
                .into_iter()
                .filter(|(y, _)| in_range(*y))
                .collect();
            let source: Series = history
                .annual(&args.region, "total", "growth_pct")
                .into_iter()
                .filter(|(y, _)| in_range(*y))
                .collect();
            let (factor, years) = calibrate::volatility_ratio(&target, &source)?;
            for c in &mut cal.components {
                c.sd_pp *= factor;
            }
            Some(Scale {
                to_region: to.clone(),
                factor,
                years,
            })
        }
        None => None,
    };
    let optimism_region = args.scale_to.as_deref().unwrap_or(&args.region);
    let optimism = optimism_pairs(&history, optimism_region)
        .ok()
        .and_then(|p| calibrate::optimism(&p).ok());
    let text = match args.format {
        CalibrateFormat::Json => json(&CalibrateJson {
            region: &args.region,
            left_out: &left_out,
            history: origin,
            excluded_years: &args.exclude,
            calibration: &cal,
            scale,
            optimism,
        })?,
        CalibrateFormat::Toml => {
            let mut t = toml_block(
                args,
                &origin,
                &cal,
                scale.as_ref(),
                optimism.as_ref(),
                optimism_region,
            );
            if !left_out.is_empty() {
                t.insert_str(
                    0,
                    &format!(
                        "# Left out, too few years to estimate: {}.\n",
                        left_out.join(", ")
                    ),
                );
            }
            t
        }
    };
    emit(&text, args.output.as_deref())
}

/// (year, target minimum, outcome) for every year with both, for a region's total.
pub fn optimism_pairs(history: &History, region: &str) -> anyhow::Result<Vec<(i32, f64, f64)>> {
    let outcomes = history.annual(region, "total", "growth_pct");
    let pairs: Vec<(i32, f64, f64)> = history
        .annual(region, "total", "growth_target_min_pct")
        .into_iter()
        .filter_map(|(y, target)| {
            outcomes
                .iter()
                .find(|(y2, _)| *y2 == y)
                .map(|(_, o)| (y, target, *o))
        })
        .collect();
    if pairs.len() < 2 {
        anyhow::bail!(
            "the history has {} year(s) of {region} with both a growth target (growth_target_min_pct) and an outcome; expected at least 2",
            pairs.len()
        );
    }
    Ok(pairs)
}

fn command_line(args: &CalibrateArgs) -> String {
    let mut c = String::from("grdp calibrate");
    if let Some(h) = &args.history {
        let _ = write!(c, " {}", h.display());
    }
    let _ = write!(c, " --region {}", args.region);
    if let Some(f) = args.from {
        let _ = write!(c, " --from {f}");
    }
    if let Some(t) = args.to {
        let _ = write!(c, " --to {t}");
    }
    if !args.exclude.is_empty() {
        let _ = write!(
            c,
            " --exclude {}",
            args.exclude
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(",")
        );
    }
    if let Some(s) = &args.scale_to {
        let _ = write!(c, " --scale-to {s}");
    }
    c
}

fn toml_block(
    args: &CalibrateArgs,
    origin: &str,
    cal: &Calibration,
    scale: Option<&Scale>,
    optimism: Option<&Optimism>,
    optimism_region: &str,
) -> String {
    let cmd = command_line(args);
    let mut o = String::new();
    let _ = writeln!(o, "# {cmd}");
    let _ = writeln!(
        o,
        "# History: {origin}; growth_pct, latest vintage, region {}.",
        args.region
    );
    if !args.exclude.is_empty() {
        let _ = writeln!(
            o,
            "# Years left out: {}.",
            args.exclude
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let _ = writeln!(o, "#");
    let _ = writeln!(
        o,
        "# {:<24} {:>5} {:>8} {:>8}  years",
        "component", "n", "mean %", "sd pp"
    );
    for c in &cal.components {
        let years = match (c.years.first(), c.years.last()) {
            (Some(a), Some(b)) => format!("{a}-{b}"),
            _ => String::new(),
        };
        let _ = writeln!(
            o,
            "# {:<24} {:>5} {:>8.2} {:>8.2}  {years}",
            c.id,
            c.years.len(),
            c.mean_pct,
            c.sd_pp
        );
    }
    if let Some(s) = scale {
        let _ = writeln!(
            o,
            "# Standard deviations scaled by {:.3}: the ratio of {}'s to {}'s aggregate growth SD over their common years ({}).",
            s.factor,
            s.to_region,
            args.region,
            s.years
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let pairs_min = cal.pair_years.iter().flatten().copied().min().unwrap_or(0);
    let _ = writeln!(
        o,
        "# Rank correlation: Spearman, pairwise over the years both components have (fewest: {pairs_min}; fewer than {} give 0).",
        calibrate::MIN_PAIR_YEARS
    );
    if cal.repaired {
        let _ = writeln!(
            o,
            "# REPAIRED: the pairwise estimate was not positive definite (smallest eigenvalue {:.4}); replaced by the nearest valid correlation matrix (Higham 2002), which moved it by {:.4} (Frobenius norm).",
            cal.min_eigenvalue_before, cal.repair_distance
        );
    }
    if let Some(opt) = optimism {
        let list = opt
            .years
            .iter()
            .map(|s| format!("{} {:+.2}", s.year, s.shortfall_pp))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            o,
            "# Planning optimism ({optimism_region}, outcome − target, pp): {list}; mean {:+.2}, median {:+.2}, sd {:.2}.",
            opt.mean_pp, opt.median_pp, opt.sd_pp
        );
        let _ = writeln!(
            o,
            "# A view of the plan less the median shortfall: centre = \"plan_minus\", shortfall_pp = {:.2}.",
            -opt.median_pp
        );
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "[uncertainty]");
    let _ = writeln!(o, "status = \"derived\"");
    let _ = writeln!(o, "source = \"{cmd}\"");
    let _ = writeln!(o, "rank_correlation = [");
    for row in &cal.rank_correlation {
        let cells = row
            .iter()
            .map(|v| format!("{v:6.3}"))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(o, "  [{cells}],");
    }
    let _ = writeln!(o, "]");
    for c in &cal.components {
        let _ = writeln!(o);
        let _ = writeln!(o, "[uncertainty.growth.{}]", c.id);
        let _ = writeln!(o, "distribution = \"normal\"");
        let _ = writeln!(o, "sd = {:.2}", c.sd_pp);
        let _ = writeln!(o, "status = \"derived\"");
        let _ = writeln!(o, "source = \"{cmd}\"");
    }
    o
}
