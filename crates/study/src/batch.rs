//! Many regions at once: each region's growth target against a one-year
//! model of what it is likely to reach, from whatever a row of the
//! provincial table holds (for `grdp batch`).
//!
//! For each region with a growth target in the year asked for:
//! - **Last year's growth** is the centre (the `recent` view, the naive
//!   forecast that the backtest scores): the region's own figure where the
//!   table has one, otherwise the nation's, said so in the row.
//! - **The model.** Where the table holds last year's growth *and* weights
//!   for at least three sectors covering at least
//!   [`SECTOR_COVERAGE_PCT`] of the economy, a sector model: each sector
//!   normal around its own last-year growth, correlated as the national
//!   sectors' one-year-ahead errors are, weighted by constant-price weights
//!   derived from the published contributions (`w = c / g`) where given,
//!   else by the current-price structure (an assumption, said so). A sector
//!   the table lacks is left out and the weights are renormalised. Otherwise
//!   a one-component model of the aggregate.
//! - **The spread** is that of one-year-ahead errors of last year's growth
//!   as a forecast, not of growth itself: by default the nation's record
//!   (root mean square of `g[t] − g[t−1]` over the national series), or
//!   Cần Thơ's record, or a stated number. Sectors get the national sector
//!   records, scaled by the ratio of the chosen aggregate spread to the
//!   national aggregate record.
//! - **P(target)** from grdp's Monte Carlo engine (the same draws for
//!   every region, so differences between regions are not sampling noise),
//!   with its standard error; regions run in parallel and the result does
//!   not depend on the thread count.
//! - **The outcome** of the year where the table has one, with its basis:
//!   the same region, or the region as merged on 1 July 2025 (`X
//!   (merged)`), whose outcome cannot be scored against a target set for
//!   the old province without saying so.
//!
//! Region names follow the provincial table: `X`, `X (old)` for the
//! province before the merger, `X (merged)` after it; other notes in
//! brackets (`basis unclear`) are not matched.

use grdp_core::{
    BaseYear, Bound, Component, ConstantPriceBase, Direction, Economy, Indicator, Plan, Scenario,
    Target, TargetSet, YearPlan,
};
use grdp_montecarlo::{
    Centre, Control, InputUncertainty, MainTarget, Marginal, Model, RunOptions, UncertaintySpec,
    View,
};
use grdp_scenario::History;
use rayon::prelude::*;
use serde::Serialize;

use crate::error::StudyError;

/// The sectors a sector model may use, in the order of grdp's scenarios.
pub const SECTORS: [&str; 4] = [
    "agriculture",
    "industry_construction",
    "services",
    "product_taxes",
];

/// Fewest percent of the economy (current-price structure or derived
/// weights) the sectors of a sector model must cover.
pub const SECTOR_COVERAGE_PCT: f64 = 90.0;

/// Most percent the sectors' weights may add to before the row falls back
/// on the aggregate: rounded contributions give a little over 100, a
/// table's slip much more.
pub const MAX_COVERAGE_PCT: f64 = 102.0;

/// The national series the default spread comes from (region id in the
/// history).
pub const NATIONAL_REGION: &str = "vietnam";

/// Where the spread of one-year-ahead errors comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SpreadSource {
    /// The nation's record: the root mean square of one-year changes in
    /// national GDP growth (last year's growth as the forecast).
    National,
    /// Cần Thơ's record of the same naive forecast (the backtest's `recent`
    /// view), a single province's.
    CanTho,
    /// Given by the user.
    Stated,
}

/// One-year-ahead errors of last year's growth as a forecast, over a
/// series: `g[t] − g[t−1]` for consecutive years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorRecord {
    /// The series (region and component).
    pub series: String,
    /// Years forecast (t).
    pub years: Vec<i32>,
    /// The errors, percentage points.
    pub errors_pp: Vec<f64>,
    /// Their root mean square, percentage points.
    pub rms_pp: f64,
}

/// The naive forecast's errors over `region`/`component`'s growth in
/// `history` (latest vintage, whole consecutive years), or `None` with
/// fewer than two errors.
pub fn naive_errors(history: &History, region: &str, component: &str) -> Option<ErrorRecord> {
    let s = history.annual(region, component, "growth_pct");
    let (years, errors_pp): (Vec<i32>, Vec<f64>) = s
        .windows(2)
        .filter(|w| w[1].0 == w[0].0 + 1)
        .map(|w| (w[1].0, w[1].1 - w[0].1))
        .unzip();
    (errors_pp.len() >= 2).then(|| ErrorRecord {
        series: format!("{region} {component}"),
        rms_pp: (errors_pp.iter().map(|e| e * e).sum::<f64>() / errors_pp.len() as f64).sqrt(),
        years,
        errors_pp,
    })
}

/// The spread every region's model uses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spread {
    /// Where the aggregate spread comes from.
    pub source: SpreadSource,
    /// The aggregate spread, percentage points (the SD of a one-component
    /// model's growth).
    pub sd_pp: f64,
    /// The national aggregate record.
    pub national: ErrorRecord,
    /// The national sector records (agriculture, industry and construction,
    /// services; product taxes use the aggregate's).
    pub sectors: Vec<ErrorRecord>,
    /// Each sector's spread in a sector model, percentage points, in
    /// [`SECTORS`] order: its national record × `sd_pp` / national record.
    pub sector_sd_pp: [f64; 4],
    /// Rank correlation of the national sector errors (pairwise over common
    /// years, repaired to a valid matrix where needed), [`SECTORS`] order;
    /// product taxes uncorrelated.
    pub sector_rank_correlation: Vec<Vec<f64>>,
}

impl Spread {
    /// The spread from `history`'s national series: its record, and
    /// `sd_pp` with `source` (for [`SpreadSource::National`], pass `None`
    /// and the national record is used).
    pub fn new(
        history: &History,
        source: SpreadSource,
        sd_pp: Option<f64>,
    ) -> Result<Self, StudyError> {
        let missing = |what: &str| StudyError::Batch {
            reason: format!(
                "the history has no national series of {what} growth with two consecutive years or more (region `{NATIONAL_REGION}`); expected the built-in history or one with Vietnam's series"
            ),
        };
        let national =
            naive_errors(history, NATIONAL_REGION, "total").ok_or_else(|| missing("GDP"))?;
        let sectors: Vec<ErrorRecord> = SECTORS[..3]
            .iter()
            .map(|c| naive_errors(history, NATIONAL_REGION, c).ok_or_else(|| missing(c)))
            .collect::<Result<_, _>>()?;
        let sd_pp = sd_pp.unwrap_or(national.rms_pp);
        if !(sd_pp.is_finite() && sd_pp > 0.0 && sd_pp <= 50.0) {
            return Err(StudyError::Batch {
                reason: format!(
                    "the spread is {sd_pp}; expected a positive number of percentage points, at most 50"
                ),
            });
        }
        let scale = sd_pp / national.rms_pp;
        let sector_sd_pp = [
            sectors[0].rms_pp * scale,
            sectors[1].rms_pp * scale,
            sectors[2].rms_pp * scale,
            sd_pp,
        ];
        let series: Vec<(String, Vec<(i32, f64)>)> = sectors
            .iter()
            .map(|r| {
                (
                    r.series.clone(),
                    r.years
                        .iter()
                        .copied()
                        .zip(r.errors_pp.iter().copied())
                        .collect(),
                )
            })
            .collect();
        let cal = grdp_montecarlo::calibrate::estimate(&series).map_err(StudyError::Engine)?;
        let mut rank = vec![vec![0.0; 4]; 4];
        for (i, row) in rank.iter_mut().enumerate() {
            for (j, v) in row.iter_mut().enumerate() {
                *v = if i == j {
                    1.0
                } else if i < 3 && j < 3 {
                    cal.rank_correlation[i][j]
                } else {
                    0.0
                };
            }
        }
        Ok(Self {
            source,
            sd_pp,
            national,
            sectors,
            sector_sd_pp,
            sector_rank_correlation: rank,
        })
    }
}

/// A figure of the table, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The value, in the unit its field names.
    pub value: f64,
    /// The region as the table writes it (with its basis note).
    pub region: String,
    /// The period.
    pub period: String,
    /// Status as written.
    pub status: String,
    /// Source address.
    pub source: String,
}

/// How a region's outcome relates to its target's basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The same region as the target's.
    Same,
    /// The region as merged on 1 July 2025; the target was set before.
    Merged,
}

/// Where last year's growth came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RecentSource {
    /// The region's own figure.
    Own(Figure),
    /// No figure for the region: the nation's, an assumption.
    National {
        /// The national figure's year.
        year: i32,
    },
    /// A scenario file's own outcome of its base year.
    Scenario {
        /// The base year.
        year: i32,
    },
    /// A scenario file that records no outcome of its base year.
    Unknown,
}

/// One sector of a sector model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectorInput {
    /// Sector id (one of [`SECTORS`]).
    pub id: String,
    /// Last year's growth, percent.
    pub growth_pct: f64,
    /// Its weight before renormalising, percent: a derived constant-price
    /// weight (`contribution / growth`) or a current-price share.
    pub weight_pct: f64,
}

/// What model a row used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowModel {
    /// A scenario file's own model, under its preferred view.
    Scenario {
        /// The file.
        file: String,
        /// The view whose P the row gives.
        view: String,
    },
    /// One component: the aggregate.
    Aggregate,
    /// Sectors.
    Sectors {
        /// The sectors used.
        sectors: Vec<SectorInput>,
        /// Whether the weights were derived from contributions (true) or
        /// taken from the current-price structure (false, an assumption).
        weights_from_contributions: bool,
        /// Percent of the economy the sectors cover (sum of `weight_pct`).
        coverage_pct: f64,
        /// Sectors left out for want of growth or weight.
        left_out: Vec<String>,
        /// Last year's aggregate growth the sectors imply with the
        /// renormalised weights, percent (against the published figure).
        implied_pct: f64,
        /// Added to every sector's centre so that they add up to last
        /// year's published aggregate, percentage points (published −
        /// implied): the row is centred on last year's growth, as the
        /// aggregate rows are.
        shift_pp: f64,
    },
}

/// One region's inputs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionInput {
    /// The region, as the target names it.
    pub region: String,
    /// The growth target, percent (a floor).
    pub target: Figure,
    /// Last year's aggregate growth, percent, where known.
    pub recent_pct: Option<f64>,
    /// Where it came from.
    pub recent: RecentSource,
    /// Sector detail, where enough is known.
    pub model: RowModel,
    /// The year's outcome, where known.
    pub outcome: Option<(Figure, Basis)>,
    /// What the row could not use, and why.
    pub note: Option<String>,
}

/// One region's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BatchRow {
    /// The inputs.
    #[serde(flatten)]
    pub input: RegionInput,
    /// Target − last year's growth, percentage points, where last year's
    /// growth is known.
    pub step_up_pp: Option<f64>,
    /// The model's mean growth, percent.
    pub centre_pct: f64,
    /// The model's SD of growth, percentage points (simulated).
    pub sd_pp: f64,
    /// P(growth ≥ target), a fraction.
    pub probability: f64,
    /// Its Monte Carlo standard error.
    pub std_error: f64,
    /// Whether the outcome reached the target (where there is an outcome).
    pub met: Option<bool>,
}

/// The outcomes against the batch's probabilities, by basis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeSummary {
    /// Regions with an outcome on the target's own basis.
    pub same_basis: usize,
    /// Of those, targets met.
    pub same_basis_met: usize,
    /// Their mean P(target).
    pub same_basis_mean_probability: Option<f64>,
    /// Their mean Brier score, (P − met)² (0.25 is what always saying 0.5 earns).
    pub same_basis_brier: Option<f64>,
    /// Of those, rows centred on the nation's growth for want of their own.
    pub same_basis_national_centre: usize,
    /// Regions whose outcome is for the region as merged after the target was set.
    pub merged: usize,
    /// Of those, outcomes at or above the old province's target.
    pub merged_met: usize,
}

impl OutcomeSummary {
    fn of(rows: &[BatchRow]) -> Self {
        let same: Vec<&BatchRow> = rows
            .iter()
            .filter(|r| matches!(r.input.outcome, Some((_, Basis::Same))))
            .collect();
        let merged: Vec<&BatchRow> = rows
            .iter()
            .filter(|r| matches!(r.input.outcome, Some((_, Basis::Merged))))
            .collect();
        let n = same.len() as f64;
        let met = |r: &BatchRow| r.met == Some(true);
        Self {
            same_basis: same.len(),
            same_basis_met: same.iter().filter(|r| met(r)).count(),
            same_basis_mean_probability: (!same.is_empty())
                .then(|| same.iter().map(|r| r.probability).sum::<f64>() / n),
            same_basis_brier: (!same.is_empty()).then(|| {
                same.iter()
                    .map(|r| (r.probability - if met(r) { 1.0 } else { 0.0 }).powi(2))
                    .sum::<f64>()
                    / n
            }),
            same_basis_national_centre: same
                .iter()
                .filter(|r| matches!(r.input.recent, RecentSource::National { .. }))
                .count(),
            merged: merged.len(),
            merged_met: merged.iter().filter(|r| met(r)).count(),
        }
    }
}

/// The batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Batch {
    /// The year of the targets.
    pub year: i32,
    /// The spread the table's rows use (`None` for a folder of scenarios,
    /// each with its own `[uncertainty]`).
    pub spread: Option<Spread>,
    /// Draws per region.
    pub draws: u64,
    /// The seed (the same draws for every region).
    pub seed: u64,
    /// Rows in the table's order of targets.
    pub rows: Vec<BatchRow>,
    /// How the outcomes compare with P, by basis.
    pub outcomes: OutcomeSummary,
    /// Regions with an outcome on a basis the batch does not match (e.g.
    /// `basis unclear`), named so they are not silently dropped.
    pub unmatched_outcomes: Vec<String>,
}

/// A table name's basis note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Note {
    /// No note: the region as it was when the table's targets were set.
    Plain,
    /// `(old)` or `(old, …)`: the province before the merger.
    Old,
    /// `(merged)`: the province as merged on 1 July 2025.
    Merged,
    /// Any other note (`basis unclear`, …): matched only by its full name.
    Other,
}

impl Note {
    /// Plain and old names are one basis (before the merger).
    fn class(self) -> Note {
        match self {
            Note::Old => Note::Plain,
            n => n,
        }
    }
}

/// The region a table name refers to (trimmed, in Unicode NFC, so names
/// typed with combining accents match) and its basis note: `X (merged)`,
/// `X (old)` / `X (old, …)`, `X`, or another note (whose full name is
/// then the region).
pub fn split_region(name: &str) -> (String, Note) {
    let name = grdp_scenario::region_name(name);
    match name.split_once(" (") {
        None => (name, Note::Plain),
        Some((base, note)) => {
            let note = note.trim_end_matches(')').trim();
            let kind = if note == "merged" {
                Note::Merged
            } else if note == "old" || note.starts_with("old,") {
                Note::Old
            } else {
                Note::Other
            };
            match kind {
                Note::Other => (name.clone(), Note::Other),
                k => (base.trim().to_string(), k),
            }
        }
    }
}

fn figure(r: &grdp_scenario::HistoryRecord) -> Figure {
    Figure {
        value: r.value,
        region: r.region.clone(),
        period: r.period.clone(),
        status: r.status.clone(),
        source: r.source.clone(),
    }
}

/// The highest and lowest growth target the batch reads, percent: beyond
/// them a figure is a typing slip (950 for 9.50), not a target.
pub const TARGET_RANGE_PCT: (f64, f64) = (-10.0, 30.0);

/// The table's latest-vintage figures by (region, basis class, period,
/// component, indicator): one lookup a figure, however long the table.
struct Index<'a> {
    by_key: std::collections::HashMap<
        (String, Note, &'a str, &'a str, &'a str),
        Vec<&'a grdp_scenario::HistoryRecord>,
    >,
}

impl<'a> Index<'a> {
    fn new(table: &'a History) -> Self {
        let mut by_key: std::collections::HashMap<_, Vec<_>> = std::collections::HashMap::new();
        for r in table
            .records
            .iter()
            .filter(|r| r.vintage == grdp_scenario::history::LATEST)
        {
            let (base, note) = split_region(&r.region);
            by_key
                .entry((
                    base,
                    note.class(),
                    r.period.as_str(),
                    r.component.as_str(),
                    r.indicator.as_str(),
                ))
                .or_default()
                .push(r);
        }
        Self { by_key }
    }

    /// The figure for `base` on basis `class`, or an error when the table
    /// gives two different values for it (`A` and `A (old)`, say).
    fn get(
        &self,
        base: &str,
        class: Note,
        period: &str,
        component: &str,
        indicator: &str,
    ) -> Result<Option<&'a grdp_scenario::HistoryRecord>, StudyError> {
        let Some(found) = self
            .by_key
            .get(&(base.to_string(), class, period, component, indicator))
        else {
            return Ok(None);
        };
        let first = found[0];
        if let Some(other) = found[1..]
            .iter()
            .find(|r| r.value.to_bits() != first.value.to_bits())
        {
            return Err(StudyError::Batch {
                reason: format!(
                    "{} {period} {component} {indicator} is {} on line {} ({}) and {} on line {} ({}); expected one value for one basis: mark the older figure with another vintage, or drop one",
                    base,
                    first.value,
                    first.line,
                    first.region,
                    other.value,
                    other.line,
                    other.region
                ),
            });
        }
        Ok(Some(first))
    }
}

/// Reads each region with a growth target (`growth_target_min_pct`, total)
/// for `year` from `table`, with last year's growth, sectors and the
/// year's outcome, all on the target's own basis (an outcome of the
/// region as merged is taken, marked so, for a target set before the
/// merger); `national` holds the nation's series for regions without
/// their own last-year growth.
pub fn regions(
    table: &History,
    year: i32,
    national: &History,
) -> Result<(Vec<RegionInput>, Vec<String>), StudyError> {
    let this = year.to_string();
    let last = (year - 1).to_string();
    let index = Index::new(table);
    let targets: Vec<&grdp_scenario::HistoryRecord> = table
        .records
        .iter()
        .filter(|r| {
            r.period == this
                && r.component == "total"
                && r.indicator == "growth_target_min_pct"
                && r.vintage == grdp_scenario::history::LATEST
        })
        .collect();
    if targets.is_empty() {
        return Err(StudyError::Batch {
            reason: format!(
                "no region has a growth target for {year} (rows with indicator growth_target_min_pct, component total, period {year})"
            ),
        });
    }
    let national_last = national.latest(NATIONAL_REGION, &last, "total", "growth_pct");
    let mut out = Vec::new();
    let mut seen_outcomes = std::collections::HashSet::new();
    let mut missing_national = Vec::new();
    for t in targets {
        let (lo, hi) = TARGET_RANGE_PCT;
        if !(lo..=hi).contains(&t.value) {
            return Err(StudyError::Batch {
                reason: format!(
                    "{}'s growth target for {year} is {} % (line {}); expected between {lo} and {hi} %: a typing slip (a missing decimal point?)",
                    t.region, t.value, t.line
                ),
            });
        }
        let (base, note) = split_region(&t.region);
        let class = note.class();
        let recent_row = index.get(&base, class, &last, "total", "growth_pct")?;
        let (recent_pct, recent) = match (recent_row, national_last) {
            (Some(r), _) => (Some(r.value), RecentSource::Own(figure(r))),
            (None, Some(g)) => (Some(g), RecentSource::National { year: year - 1 }),
            (None, None) => {
                missing_national.push(t.region.clone());
                (None, RecentSource::Unknown)
            }
        };
        let (model, note_text) = match recent_row {
            Some(r) => sector_model(&index, &base, class, &last, r.value)?,
            None => (RowModel::Aggregate, None),
        };
        let same = index.get(&base, class, &this, "total", "growth_pct")?;
        let outcome = match same {
            Some(r) => Some((figure(r), Basis::Same)),
            None if class == Note::Plain => index
                .get(&base, Note::Merged, &this, "total", "growth_pct")?
                .map(|r| (figure(r), Basis::Merged)),
            None => None,
        };
        if let Some((f, _)) = &outcome {
            seen_outcomes.insert(f.region.clone());
        }
        out.push(RegionInput {
            region: t.region.clone(),
            target: figure(t),
            recent_pct,
            recent,
            model,
            outcome,
            note: note_text,
        });
    }
    if !missing_national.is_empty() {
        return Err(StudyError::Batch {
            reason: format!(
                "{} have no growth for {last} in the table, and the national series has none to stand in (region `{NATIONAL_REGION}` of the history); add their {last} growth_pct rows, or the nation's",
                missing_national.join(", ")
            ),
        });
    }
    let unmatched = table
        .records
        .iter()
        .filter(|r| {
            r.period == this
                && r.component == "total"
                && r.indicator == "growth_pct"
                && !seen_outcomes.contains(&r.region)
        })
        .map(|r| r.region.clone())
        .collect();
    Ok((out, unmatched))
}

/// A sector model for `base` when the table holds enough of last year's
/// sector detail, else the aggregate model and, where there was detail
/// that could not be used, why.
fn sector_model(
    index: &Index,
    base: &str,
    class: Note,
    last: &str,
    published_pct: f64,
) -> Result<(RowModel, Option<String>), StudyError> {
    let get = |c: &str, ind: &str| -> Result<Option<f64>, StudyError> {
        Ok(index.get(base, class, last, c, ind)?.map(|r| r.value))
    };
    let mut growth = [None; 4];
    let mut contribution = [None; 4];
    let mut share = [None; 4];
    for (i, c) in SECTORS.iter().enumerate() {
        growth[i] = get(c, "growth_pct")?;
        contribution[i] = get(c, "contribution_pp")?;
        share[i] = get(c, "share_current_pct")?;
    }
    let with_growth: Vec<usize> = (0..4).filter(|&i| growth[i].is_some()).collect();
    if with_growth.len() < 3 {
        return Ok((RowModel::Aggregate, None));
    }
    // Derived weights where every sector with growth has a contribution
    // (and growth away from zero), else current-price shares.
    let derived = with_growth
        .iter()
        .all(|&i| contribution[i].is_some() && growth[i].is_some_and(|g| g.abs() >= 0.5));
    let weight = |i: usize| -> Option<f64> {
        if derived {
            Some(contribution[i]? / growth[i]? * 100.0)
        } else {
            share[i]
        }
    };
    let used: Vec<usize> = with_growth
        .iter()
        .copied()
        .filter(|&i| weight(i).is_some_and(|w| w > 0.0))
        .collect();
    let coverage: f64 = used.iter().filter_map(|&i| weight(i)).sum();
    if used.len() < 3 || !(SECTOR_COVERAGE_PCT..=MAX_COVERAGE_PCT).contains(&coverage) {
        let why = if used.len() < 3 {
            format!(
                "{} sectors have last year's growth but only {} a positive weight (contribution or structure)",
                with_growth.len(),
                used.len()
            )
        } else {
            format!(
                "their weights add up to {coverage:.2} %; expected {SECTOR_COVERAGE_PCT}-{MAX_COVERAGE_PCT} %"
            )
        };
        return Ok((
            RowModel::Aggregate,
            Some(format!("sector detail not used: {why}")),
        ));
    }
    let sectors: Vec<SectorInput> = used
        .iter()
        .map(|&i| SectorInput {
            id: SECTORS[i].to_string(),
            growth_pct: growth[i].unwrap_or_default(),
            weight_pct: weight(i).unwrap_or_default(),
        })
        .collect();
    let implied_pct = sectors
        .iter()
        .map(|s| s.weight_pct * s.growth_pct)
        .sum::<f64>()
        / coverage;
    Ok((
        RowModel::Sectors {
            left_out: (0..4)
                .filter(|i| !used.contains(i))
                .map(|i| SECTORS[i].to_string())
                .collect(),
            sectors,
            weights_from_contributions: derived,
            coverage_pct: coverage,
            implied_pct,
            shift_pp: published_pct - implied_pct,
        },
        None,
    ))
}

/// How to run a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchOptions {
    /// Draws per region.
    pub draws: u64,
    /// The seed.
    pub seed: u64,
    /// Worker threads; `None` for every core. The result does not depend on it.
    pub threads: Option<usize>,
}

impl Default for BatchOptions {
    fn default() -> Self {
        Self {
            draws: 1_000_000,
            seed: 42,
            threads: None,
        }
    }
}

/// The one-year scenario and uncertainty of a region's row.
fn row_model(
    input: &RegionInput,
    year: i32,
    spread: &Spread,
) -> Result<(Scenario, UncertaintySpec), grdp_core::ModelError> {
    let (ids, weights, growth, sds, rank): (Vec<String>, Vec<f64>, Vec<f64>, Vec<f64>, _) =
        match &input.model {
            RowModel::Scenario { file, .. } => {
                return Err(grdp_core::ModelError::Unsolvable {
                    what: file.clone(),
                    reason: "a scenario file runs its own model, not a table row's".into(),
                });
            }
            RowModel::Aggregate => (
                vec!["total".into()],
                vec![100.0],
                vec![input.recent_pct.unwrap_or(f64::NAN)],
                vec![spread.sd_pp],
                None,
            ),
            RowModel::Sectors {
                sectors,
                coverage_pct,
                shift_pp,
                ..
            } => {
                let index = |id: &str| SECTORS.iter().position(|s| *s == id).unwrap_or(3);
                let idx: Vec<usize> = sectors.iter().map(|s| index(&s.id)).collect();
                (
                    sectors.iter().map(|s| s.id.clone()).collect(),
                    sectors
                        .iter()
                        .map(|s| s.weight_pct / coverage_pct * 100.0)
                        .collect(),
                    sectors.iter().map(|s| s.growth_pct + shift_pp).collect(),
                    idx.iter().map(|&i| spread.sector_sd_pp[i]).collect(),
                    Some(
                        idx.iter()
                            .map(|&i| {
                                idx.iter()
                                    .map(|&j| spread.sector_rank_correlation[i][j])
                                    .collect()
                            })
                            .collect(),
                    ),
                )
            }
        };
    let economy = Economy::new(
        ids.iter().map(Component::value_added).collect(),
        BaseYear {
            year: year - 1,
            current_bn_vnd: None,
            constant: ConstantPriceBase::WeightsPct(weights),
            population_thousand: None,
            employed_thousand: None,
        },
    )?;
    let plan = Plan::new(
        &economy,
        vec![YearPlan {
            year,
            real_growth_pct: growth,
            prices: None,
            population_growth_pct: None,
            employment_growth_pct: None,
        }],
    )?;
    let targets = TargetSet::new(
        &economy,
        vec![Target {
            id: "growth".into(),
            year,
            indicator: Indicator::GrowthPct,
            component: None,
            bound: Bound {
                min: Some(input.target.value),
                max: None,
            },
            direction: Direction::AtLeast,
        }],
    )?;
    let scenario = Scenario::new(input.region.clone(), economy, plan, targets, vec![], vec![])?;
    let spec = UncertaintySpec {
        growth: sds
            .iter()
            .map(|&sd| Marginal::Normal { mean: None, sd })
            .collect(),
        growth_by_year: Default::default(),
        rank_correlation: rank,
        persistence: 0.0,
        inputs: InputUncertainty::default(),
        views: vec![recent_view()],
        preferred_view: None,
        supported_sd_pp: Vec::new(),
    };
    Ok((scenario, spec))
}

/// The batch's view: last year's growth as the centre.
fn recent_view() -> View {
    View {
        id: "recent".into(),
        name_en: "last year's growth".into(),
        name_vi: "tốc độ năm trước".into(),
        centre: Centre::Plan,
    }
}

/// Runs every region's model, in parallel on a pool of `opts.threads`;
/// the result does not depend on its size.
pub fn run(
    inputs: Vec<RegionInput>,
    unmatched_outcomes: Vec<String>,
    year: i32,
    spread: Spread,
    opts: &BatchOptions,
) -> Result<Batch, StudyError> {
    let run_opts = RunOptions {
        scenarios: opts.draws,
        seed: opts.seed,
        precision: None,
        optimism_pp: None,
        feasibility: None,
        required_component: None,
        detail: false,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .build()
        .map_err(StudyError::Threads)?;
    let rows = pool.install(|| {
        inputs
            .into_par_iter()
            .map(|input| {
                let (scenario, spec) =
                    row_model(&input, year, &spread).map_err(|e| StudyError::Batch {
                        reason: format!("{}: {e}", input.region),
                    })?;
                let main = MainTarget {
                    year,
                    threshold_pct: input.target.value,
                };
                // The engine's errors say what, not which region, and speak
                // of a scenario's fields; a table row's own inputs are its
                // last-year growth (the centre) and the spread.
                let in_region = |e: grdp_montecarlo::McError| {
                    // A growth distribution the engine refuses (draws at or
                    // below −100 %) comes from the row's centre and spread.
                    let of_growth = matches!(
                        &e,
                        grdp_montecarlo::McError::Spec(
                            grdp_core::uncertainty::UncertaintyError::InvalidParameter { field, .. }
                        ) if field.starts_with("uncertainty.growth.")
                    );
                    let text = e.to_string();
                    let row = match input.recent_pct {
                        Some(g) if of_growth => format!(
                            " (here the centre is the table's last-year growth, {g}%, and the spread {:.2} pp: check that figure, or state a smaller spread with --sd)",
                            spread.sd_pp
                        ),
                        _ => String::new(),
                    };
                    StudyError::Batch {
                        reason: format!("{}: {text}{row}", input.region),
                    }
                };
                let model =
                    Model::new(&scenario, &spec, &spec.views[0], main).map_err(in_region)?;
                let r = grdp_montecarlo::simulate(&model, &run_opts, Control::default())
                    .map_err(in_region)?;
                let met = input
                    .outcome
                    .as_ref()
                    .map(|(f, _)| f.value >= input.target.value);
                Ok(BatchRow {
                    step_up_pp: input.recent_pct.map(|g| input.target.value - g),
                    centre_pct: r.mean_pct,
                    sd_pp: r.sd_pp,
                    probability: r.probability,
                    std_error: r.std_error,
                    met,
                    input,
                })
            })
            .collect::<Result<Vec<_>, StudyError>>()
    })?;
    Ok(Batch {
        year,
        spread: Some(spread),
        draws: opts.draws,
        seed: opts.seed,
        outcomes: OutcomeSummary::of(&rows),
        rows,
        unmatched_outcomes,
    })
}

/// Runs every scenario file of a folder: each one's own model under its
/// preferred view (the scenario's `preferred_view`, else grdp's rule),
/// its aggregate growth target (the earliest year with one), its base
/// year's recorded outcome as last year's growth, and no outcome (a
/// scenario holds none of its target year). In parallel over files on a
/// pool of `opts.threads`, each simulation on one thread: the result does
/// not depend on the pool's size.
pub fn run_scenarios(
    files: &[(String, &grdp_scenario::LoadedScenario)],
    opts: &BatchOptions,
) -> Result<Batch, StudyError> {
    if files.is_empty() {
        return Err(StudyError::Batch {
            reason: "the folder holds no scenario (.toml) file".into(),
        });
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .build()
        .map_err(StudyError::Threads)?;
    let sim_opts = crate::SimulationOptions {
        scenarios: opts.draws,
        seed: opts.seed,
        threads: Some(1),
        ..crate::SimulationOptions::default()
    };
    let rows = pool.install(|| {
        files
            .par_iter()
            .map(|(file, loaded)| {
                let in_file = |e: StudyError| StudyError::Batch {
                    reason: format!("{file}: {e}"),
                };
                let sim =
                    crate::simulation::simulate_views(loaded, &sim_opts, crate::Control::default())
                        .map_err(in_file)?;
                let spec_view = loaded
                    .uncertainty
                    .as_ref()
                    .and_then(|u| u.preferred_view.as_deref());
                let index = crate::briefing::preferred(&sim, None, spec_view, None, None, &[])
                    .map_or(0, |p| p.index);
                let run = &sim.views[index];
                let base = loaded.scenario.economy().base().year;
                let recent_pct = loaded
                    .scenario
                    .outcomes()
                    .iter()
                    .find(|o| o.year == base)
                    .map(|o| o.growth_pct);
                let target = sim.target.threshold_pct;
                let input = RegionInput {
                    region: loaded.scenario.name.clone(),
                    target: Figure {
                        value: target,
                        region: loaded.scenario.name.clone(),
                        period: sim.target.year.to_string(),
                        status: "as the scenario file gives it".into(),
                        source: file.clone(),
                    },
                    recent_pct,
                    recent: if recent_pct.is_some() {
                        RecentSource::Scenario { year: base }
                    } else {
                        RecentSource::Unknown
                    },
                    model: RowModel::Scenario {
                        file: file.clone(),
                        view: run.view.id.clone(),
                    },
                    outcome: None,
                    note: None,
                };
                Ok(BatchRow {
                    step_up_pp: recent_pct.map(|g| target - g),
                    centre_pct: run.result.mean_pct,
                    sd_pp: run.result.sd_pp,
                    probability: run.result.probability,
                    std_error: run.result.std_error,
                    met: None,
                    input,
                })
            })
            .collect::<Result<Vec<_>, StudyError>>()
    })?;
    Ok(Batch {
        year: rows
            .first()
            .map_or(0, |r| r.input.target.period.parse().unwrap_or_default()),
        spread: None,
        draws: opts.draws,
        seed: opts.seed,
        outcomes: OutcomeSummary::of(&rows),
        rows,
        unmatched_outcomes: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_names_carry_their_basis() {
        let plain = |n: &str| split_region(n);
        assert_eq!(plain("An Giang"), ("An Giang".into(), Note::Plain));
        assert_eq!(
            plain("An Giang (merged)"),
            ("An Giang".into(), Note::Merged)
        );
        assert_eq!(
            plain("Cần Thơ (old, pre-merger)"),
            ("Cần Thơ".into(), Note::Old)
        );
        let odd = "Cần Thơ (basis unclear; reported 9 Jul 2025 after merger)";
        assert_eq!(plain(odd), (odd.into(), Note::Other));
        // Combining accents (NFD) read as the composed name.
        assert_eq!(
            plain("Ha\u{300} No\u{302}\u{323}i"),
            ("Hà Nội".into(), Note::Plain)
        );
    }
}
