//! The JSON documents of every command (the contract in docs/json.md),
//! and the `[uncertainty]` block `grdp calibrate` writes.

use std::fmt::Write as _;

use grdp_core::audit::{Check, NotApplicable};
use grdp_core::{Projection, TargetOutcome};
use grdp_montecarlo::SimResult;
use grdp_montecarlo::calibrate::{self, Calibration, Optimism};
use grdp_scenario::{ComponentNames, LoadedScenario};
use grdp_study::Simulation;
use grdp_study::calibration::{CalibrationStudy, Scale, ShortfallRecords};
use grdp_study::simulation::Metadata;
use grdp_study::solve::Answer;
use serde::Serialize;

use crate::findings::message;
use crate::{Lang, ReportError};

/// Serialises to pretty JSON with a trailing newline.
pub fn to_json<T: Serialize>(value: &T) -> Result<String, ReportError> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    Ok(s)
}

#[derive(Serialize)]
struct ProjectJson<'a> {
    scenario: &'a str,
    base_year: i32,
    components: Vec<ComponentJson<'a>>,
    base: &'a grdp_core::projection::BaseSnapshot,
    years: &'a [grdp_core::YearResult],
    targets: &'a [TargetOutcome],
}

#[derive(Serialize)]
struct ComponentJson<'a> {
    id: &'a str,
    kind: grdp_core::ComponentKind,
    name_en: &'a str,
    name_vi: &'a str,
}

/// The document of `grdp project`.
pub fn project(
    loaded: &LoadedScenario,
    projection: &Projection,
    targets: &[TargetOutcome],
) -> Result<serde_json::Value, ReportError> {
    let s = &loaded.scenario;
    Ok(serde_json::to_value(ProjectJson {
        scenario: &loaded.meta.name,
        base_year: projection.base.year,
        components: s
            .economy()
            .components()
            .iter()
            .zip(&loaded.names)
            .map(|(c, n): (_, &ComponentNames)| ComponentJson {
                id: &c.id,
                kind: c.kind,
                name_en: &n.en,
                name_vi: &n.vi,
            })
            .collect(),
        base: &projection.base,
        years: &projection.years,
        targets,
    })?)
}

#[derive(Serialize)]
struct AuditJson<'a> {
    scenario: &'a str,
    checks: Vec<CheckJson<'a>>,
    not_applicable: &'a [NotApplicable],
}

#[derive(Serialize)]
struct CheckJson<'a> {
    #[serde(flatten)]
    check: &'a Check,
    message: String,
}

/// The document of `grdp audit`: every check with its figures and its
/// finding in `lang`.
pub fn audit(
    loaded: &LoadedScenario,
    audit: &grdp_core::Audit,
    lang: Lang,
) -> Result<serde_json::Value, ReportError> {
    Ok(serde_json::to_value(AuditJson {
        scenario: &loaded.meta.name,
        checks: audit
            .checks
            .iter()
            .map(|c| CheckJson {
                check: c,
                message: message(c, loaded, lang),
            })
            .collect(),
        not_applicable: &audit.not_applicable,
    })?)
}

/// The document of `grdp simulate` (serialise it: fields in contract order).
#[derive(Serialize)]
pub struct SimulateJson<'a> {
    metadata: &'a Metadata,
    scenario: &'a str,
    view: &'a str,
    #[serde(flatten)]
    main: &'a SimResult,
    views: Vec<ViewSummary<'a>>,
    optimism_bias: Option<&'a ShortfallRecords>,
    /// With `--known`: P of the target given the known part of the year.
    #[serde(skip_serializing_if = "Option::is_none")]
    given_known: Option<&'a grdp_study::partly_known::PartlyKnown>,
}

#[derive(Serialize)]
struct ViewSummary<'a> {
    id: &'a str,
    name: &'a str,
    centre_pct: &'a [f64],
    scenarios: u64,
    stopped_at_precision: bool,
    probability: f64,
    probability_ci95: [f64; 2],
    std_error: f64,
    mean_pct: f64,
    sd_pp: f64,
    quantiles_pct: &'a grdp_montecarlo::engine::Quantiles,
    expected_shortfall_pp: Option<f64>,
    all_targets_probability: Option<f64>,
    with_optimism_bias: Option<OptimismSummary>,
    /// The record was not added: the view already subtracts a shortfall.
    optimism_overlaps_view: bool,
}

#[derive(Serialize)]
struct OptimismSummary {
    probability: f64,
    probability_ci95: [f64; 2],
    mean_pct: f64,
}

/// The document of `grdp simulate`: the first view in full, every view in
/// summary, view names in `lang`.
pub fn simulate<'a>(
    loaded: &'a LoadedScenario,
    sim: &'a Simulation,
    lang: Lang,
) -> SimulateJson<'a> {
    let first = sim.main();
    SimulateJson {
        metadata: &sim.metadata,
        scenario: &loaded.meta.name,
        view: &first.view.id,
        main: &first.result,
        views: sim
            .views
            .iter()
            .map(|v| ViewSummary {
                id: &v.view.id,
                name: lang.view_name(&v.view),
                centre_pct: &v.centre_pct,
                scenarios: v.result.scenarios,
                stopped_at_precision: v.result.stopped_at_precision,
                probability: v.result.probability,
                probability_ci95: v.result.probability_ci95,
                std_error: v.result.std_error,
                mean_pct: v.result.mean_pct,
                sd_pp: v.result.sd_pp,
                quantiles_pct: &v.result.quantiles_pct,
                expected_shortfall_pp: v.result.expected_shortfall_pp,
                all_targets_probability: v.result.all_targets_probability,
                optimism_overlaps_view: v.optimism_overlaps,
                with_optimism_bias: v.with_optimism.as_ref().map(|w| OptimismSummary {
                    probability: w.probability,
                    probability_ci95: w.probability_ci95,
                    mean_pct: w.mean_pct,
                }),
            })
            .collect(),
        optimism_bias: sim.optimism.as_ref(),
        given_known: None,
    }
}

impl<'a> SimulateJson<'a> {
    /// Adds the chance given a known part of the year (`grdp simulate --known`).
    pub fn with_given_known(mut self, given: &'a grdp_study::partly_known::PartlyKnown) -> Self {
        self.given_known = Some(given);
        self
    }
}

/// The document of `grdp solve` (serialise it: fields in contract order).
#[derive(Serialize)]
pub struct SolveJson<'a> {
    scenario: &'a str,
    #[serde(flatten)]
    answer: &'a Answer,
}

/// The document of `grdp solve`: `{ "scenario", "kind", ... }`.
pub fn solve<'a>(loaded: &'a LoadedScenario, answer: &'a Answer) -> SolveJson<'a> {
    SolveJson {
        scenario: &loaded.meta.name,
        answer,
    }
}

/// The document of `grdp calibrate` (serialise it: fields in contract order).
#[derive(Serialize)]
pub struct CalibrateJson<'a> {
    region: &'a str,
    left_out: &'a [String],
    history: &'a str,
    excluded_years: &'a [i32],
    calibration: &'a Calibration,
    scale: Option<&'a Scale>,
    optimism: Option<&'a Optimism>,
}

/// The document of `grdp calibrate`; `history` names the history read.
pub fn calibrate<'a>(c: &'a CalibrationStudy, history: &'a str) -> CalibrateJson<'a> {
    CalibrateJson {
        region: &c.options.region,
        left_out: &c.left_out,
        history,
        excluded_years: &c.options.exclude,
        calibration: &c.calibration,
        scale: c.scale.as_ref(),
        optimism: c.optimism.as_ref(),
    }
}

/// An `[uncertainty]` block ready to paste into a scenario, with the
/// estimates as comments. `command` is how the calibration was asked for
/// (it becomes the block's source), `history` names the history read.
pub fn uncertainty_block(c: &CalibrationStudy, command: &str, history: &str) -> String {
    let opts = &c.options;
    let cal = &c.calibration;
    let mut o = String::new();
    if !c.left_out.is_empty() {
        let _ = writeln!(
            o,
            "# Left out, too few years to estimate: {}.",
            c.left_out.join(", ")
        );
    }
    let _ = writeln!(o, "# {command}");
    let _ = writeln!(
        o,
        "# History: {history}; growth_pct, latest vintage, region {}.",
        opts.region
    );
    let years = |y: &[i32], sep: &str| y.iter().map(i32::to_string).collect::<Vec<_>>().join(sep);
    if !opts.exclude.is_empty() {
        let _ = writeln!(o, "# Years left out: {}.", years(&opts.exclude, ", "));
    }
    let _ = writeln!(o, "#");
    let _ = writeln!(
        o,
        "# {:<24} {:>5} {:>8} {:>8}  years",
        "component", "n", "mean %", "sd pp"
    );
    for e in &cal.components {
        let span = match (e.years.first(), e.years.last()) {
            (Some(a), Some(b)) => format!("{a}-{b}"),
            _ => String::new(),
        };
        let _ = writeln!(
            o,
            "# {:<24} {:>5} {:>8.2} {:>8.2}  {span}",
            e.id,
            e.years.len(),
            e.mean_pct,
            e.sd_pp
        );
    }
    if let Some(s) = &c.scale {
        let _ = writeln!(
            o,
            "# Standard deviations scaled by {:.3}: the ratio of {}'s to {}'s aggregate growth SD over their common years ({}).",
            s.factor,
            s.to_region,
            opts.region,
            years(&s.years, ", ")
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
    if let Some(opt) = &c.optimism {
        let list = opt
            .years
            .iter()
            .map(|s| format!("{} {:+.2}", s.year, s.shortfall_pp))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            o,
            "# Planning optimism ({}, outcome − target, pp): {list}; mean {:+.2}, median {:+.2}, sd {:.2}.",
            c.optimism_region, opt.mean_pp, opt.median_pp, opt.sd_pp
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
    let _ = writeln!(o, "source = \"{command}\"");
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
    for e in &cal.components {
        let _ = writeln!(o);
        let _ = writeln!(o, "[uncertainty.growth.{}]", e.id);
        let _ = writeln!(o, "distribution = \"normal\"");
        let _ = writeln!(o, "sd = {:.2}", e.sd_pp);
        let _ = writeln!(o, "status = \"derived\"");
        let _ = writeln!(o, "source = \"{command}\"");
    }
    o
}

/// `summary.json` of a report: the briefing (the preferred answer, the
/// findings, the proposal), the simulation (with the chance given the year
/// so far, where known), the projection and the audit.
pub fn summary(study: &grdp_study::Study, lang: Lang) -> Result<String, ReportError> {
    let sim = study.simulation.as_ref().ok_or(ReportError::NoSimulation)?;
    let (loaded, projection, targets, audit_result, briefing, given_known) = (
        study.loaded,
        &study.projection,
        &study.targets,
        &study.audit,
        &study.briefing,
        study.given_known.as_ref(),
    );
    let doc = simulate(loaded, sim, lang);
    let doc = match given_known {
        Some(g) => doc.with_given_known(g),
        None => doc,
    };
    let value = serde_json::json!({
        "data_vintage": lang.scenario_vintage(loaded).map(|(v, _)| v),
        "briefing": serde_json::to_value(briefing)?,
        "simulation": serde_json::to_value(doc)?,
        "projection": project(loaded, projection, targets)?,
        "audit": audit(loaded, audit_result, lang)?,
        "track_record": serde_json::to_value(&study.track_record)?,
        "neighbours": serde_json::to_value(&study.neighbours)?,
    });
    to_json(&value)
}

/// The `[base.constant_weight_pct]` block `grdp derive` writes: the weights
/// derived from a release, each with status `derived`, its source and how it
/// was obtained, and the check against the published aggregate as comments.
/// `command` is the command line that made it, `history` the file read.
pub fn derived_base_block(
    w: &grdp_study::release::ReleaseWeights,
    command: &str,
    history: &str,
) -> String {
    use grdp_study::release::Method;
    let d = &w.derived;
    let mut o = String::new();
    let _ = writeln!(o, "# {command}");
    let _ = writeln!(
        o,
        "# From {history}: region {}, period {}.",
        w.region, w.period
    );
    match w.method {
        Method::Contributions => {
            let _ = writeln!(
                o,
                "# Method: weight of the year before = contribution (pp) / growth (%), normalised,"
            );
            let _ = writeln!(o, "# then rolled forward with the release's growth.");
        }
        Method::SharesOfIncrease => {
            let _ = writeln!(
                o,
                "# Method: weight of the year before ∝ share of the increase / growth, normalised,"
            );
            let _ = writeln!(
                o,
                "# then rolled forward. Shares of the increase in value added leave product taxes out."
            );
        }
        Method::Levels => {
            let _ = writeln!(
                o,
                "# Method: level at 2010 prices = current-price level × 100 / price index; weights = shares."
            );
        }
    }
    if let Some(r) = &w.rest {
        let _ = writeln!(
            o,
            "# {} is not in the release: filled in from the total, contribution {:.2} pp, weight {:.2} %, growth {:.2} % (an assumption).",
            r.id, r.contribution_pp, r.prior_weight_pct, r.growth_pct
        );
    }
    if let (Method::Contributions, Some(sum)) = (w.method, d.prior_raw_sum_pct) {
        let off = sum - 100.0;
        if off.abs() > 1.0 {
            let _ = writeln!(
                o,
                "# The contributions give weights summing to {sum:.2} % ({off:+.2} points off 100): too far for rounding."
            );
            let _ = writeln!(
                o,
                "# Is a component missing (product taxes?)? --rest ID fills one in from the total."
            );
        } else {
            let _ = writeln!(
                o,
                "# The contributions give weights summing to {sum:.2} % before normalising ({off:+.2} points of rounding)."
            );
        }
    }
    if let (Method::SharesOfIncrease, Some(sum)) = (w.method, d.prior_raw_sum_pct) {
        let _ = writeln!(o, "# The shares of the increase sum to {sum:.2} %.");
    }
    match (d.implied_growth_pct, w.published_growth_pct) {
        (Some(i), Some(p)) => {
            let _ = writeln!(
                o,
                "# Check: they give growth of {i:.2} % for {}, against the published {p:.2} % (residual {:+.2} pp).",
                w.period,
                i - p
            );
            if w.method == Method::SharesOfIncrease {
                let _ = writeln!(
                    o,
                    "# (Value added's growth against GRDP's: product taxes sit in the published total only.)"
                );
            }
        }
        (Some(i), None) => {
            let _ = writeln!(
                o,
                "# They give growth of {i:.2} % for {} (no published total to check against: add a `total` row).",
                w.period
            );
        }
        _ => {}
    }
    if let Some(y) = w.base_year {
        let _ = writeln!(
            o,
            "# For a scenario whose [base] year is {y}: set `year = {y}` in [base]."
        );
    }
    if !w.sources.is_empty() {
        let _ = writeln!(o, "# Sources: {}", w.sources.join(" ; "));
    }
    let _ = writeln!(o, "[base.constant_weight_pct]");
    let source = format!("{command}; {history}");
    for (id, v) in w.components.iter().zip(&d.weights_pct) {
        let _ = writeln!(
            o,
            "{id} = {{ value = {v:.4}, status = \"derived\", source = {} }}",
            toml_string(&source)
        );
    }
    o
}

/// A TOML basic string: quoted, with backslashes and quotes escaped.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The `[base]` block `grdp combine` writes: the provinces' base years
/// combined, with how and from what as comments. `command` made it;
/// `sources` are the scenario files read, in order.
pub fn combined_base_block(
    c: &grdp_study::merger::CombinedBase,
    command: &str,
    sources: &[String],
) -> String {
    use grdp_study::merger::CombineMethod;
    let mut o = String::new();
    let _ = writeln!(o, "# {command}");
    for (s, share) in sources.iter().zip(&c.province_share_pct) {
        let _ = writeln!(o, "# {s}: {share:.2} % of combined GRDP at current prices");
    }
    match c.method {
        CombineMethod::ConstantLevels => {
            let _ = writeln!(
                o,
                "# Constant-2010-price levels summed by component: the weights are exact."
            );
        }
        CombineMethod::CurrentPriceWeighted => {
            let _ = writeln!(
                o,
                "# Not every province gives constant-price levels: the weights are the provinces' weights"
            );
            let _ = writeln!(
                o,
                "# averaged with their current-price GRDP, exact only if their prices moved alike since 2010."
            );
        }
    }
    if c.population_thousand.is_none() {
        let _ = writeln!(
            o,
            "# Population: not every file gives it, so the block leaves it out (per capita needs it)."
        );
    }
    if c.employed_thousand.is_none() {
        let _ = writeln!(
            o,
            "# Employment: not every file gives it, so the block leaves it out (productivity needs it)."
        );
    }
    let source = toml_string(&format!("{command}; {}", sources.join(", ")));
    let _ = writeln!(o, "[base]");
    let _ = writeln!(o, "year = {}", c.year);
    let _ = writeln!(
        o,
        "grdp_current_bn_vnd = {{ value = {:.1}, status = \"derived\", source = {source} }}",
        c.grdp_current_bn_vnd
    );
    if let Some(p) = c.population_thousand {
        let _ = writeln!(
            o,
            "population_thousand = {{ value = {p:.2}, status = \"derived\", source = {source} }}"
        );
    }
    if let Some(e) = c.employed_thousand {
        let _ = writeln!(
            o,
            "employed_thousand = {{ value = {e:.2}, status = \"derived\", source = {source} }}"
        );
    }
    let _ = writeln!(o, "\n[base.share_current_pct]");
    for (id, v) in c.components.iter().zip(&c.share_current_pct) {
        let _ = writeln!(
            o,
            "{id} = {{ value = {v:.4}, status = \"derived\", source = {source} }}"
        );
    }
    let _ = writeln!(o, "\n[base.constant_weight_pct]");
    let status = match c.method {
        CombineMethod::ConstantLevels => "derived",
        CombineMethod::CurrentPriceWeighted => "assumption",
    };
    for (id, v) in c.components.iter().zip(&c.constant_weight_pct) {
        let _ = writeln!(
            o,
            "{id} = {{ value = {v:.4}, status = \"{status}\", source = {source} }}"
        );
    }
    o
}
