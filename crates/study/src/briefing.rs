//! What a briefing leads with, as data: the one probability that answers
//! the question (and why that view), the findings that matter, and a
//! consistent set of targets the resolution could state instead. The words
//! are grdp-report's.

use grdp_core::audit::{Check, CheckId, CheckStatus, Figures};
use grdp_core::solve;
use grdp_core::{Bound, Indicator, Projection, Scenario, TargetOutcome};
use grdp_montecarlo::Centre;
use serde::Serialize;
use statrs::distribution::{ContinuousCDF, Normal};

use crate::simulation::Simulation;

/// Why the preferred view was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChosenBy {
    /// The options named it (`--preferred-view`).
    Options,
    /// The scenario names it (`[uncertainty] preferred_view`).
    Scenario,
    /// grdp's rule: a view that takes the record of past shortfalls off the
    /// plan, else the first view.
    Rule,
}

/// The probability that answers the question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Preferred {
    /// The view's id.
    pub view: String,
    /// Its index among the simulation's views.
    pub index: usize,
    /// Where the view puts the centre (what the answer assumes).
    pub centre: Centre,
    /// P(the growth target is met), a fraction.
    pub probability: f64,
    /// Its 95 % interval.
    pub probability_ci95: [f64; 2],
    /// Why this view.
    pub chosen_by: ChosenBy,
    /// How P moves with the assumed spread of growth: the draws' distances
    /// from their mean scaled by each factor (0.5, 1.5), read from the
    /// view's histogram. The spread is an assumption, as the centre is.
    pub spread: Vec<SpreadCase>,
    /// P at the spreads the scenario says its evidence supports
    /// (`[uncertainty.supported_spread]`), in the order given; empty where
    /// it states none.
    pub supported: Vec<SupportedSpread>,
    /// Where the growth target is a range (10-10.5 %) and P is of its
    /// lower end: P of at least its upper end, in the same view.
    pub upper_end: Option<UpperEnd>,
    /// Where the growth target points another way than "at least" (a
    /// range to stay within, a ceiling) while P is of at least its minimum:
    /// the target as set and P of meeting it that way, in the same view.
    pub as_set: Option<AsSet>,
}

/// The growth target as set, where it is not a floor: P is of at least its
/// minimum (the question every chart asks), this is P of the target itself.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AsSet {
    /// Which way the target points.
    pub direction: grdp_core::Direction,
    /// Its minimum, percent.
    pub min_pct: f64,
    /// Its maximum, percent, where it has one.
    pub max_pct: Option<f64>,
    /// P(the target is met as set), a fraction; `null` where a draw lacked
    /// an input.
    pub probability: Option<f64>,
}

/// P of the upper end of a growth target's range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct UpperEnd {
    /// The range's upper end, percent.
    pub target_pct: f64,
    /// P(growth at or above it), a fraction, read from the view's histogram.
    pub probability: f64,
}

/// P were the spread of growth `factor` times as wide.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SpreadCase {
    /// The spread's multiple (0.5: half as wide).
    pub factor: f64,
    /// P(the growth target is met), a fraction.
    pub probability: f64,
}

/// P at a spread the scenario's evidence supports.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SupportedSpread {
    /// The spread, a standard deviation of the target year's growth,
    /// percentage points.
    pub sd_pp: f64,
    /// It over the view's simulated spread: the factor the draws' distances
    /// from their mean are scaled by.
    pub factor: f64,
    /// P(the growth target is met), a fraction.
    pub probability: f64,
}

/// The narrowest simulated spread of growth the briefing scales to the
/// scenario's supported spreads, percentage points: below it every draw is
/// nearly the same, and a factor of fifty would only magnify noise.
pub const MIN_SCALED_SD_PP: f64 = 0.1;

/// The spread's multiples the briefing reports.
pub const SPREAD_FACTORS: [f64; 2] = [0.5, 1.5];

/// A finding the briefing states up front, with its figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    /// The sector targets, weighted at constant prices, fall short of the
    /// aggregate target.
    SectorTargetsShort {
        /// The year.
        year: i32,
        /// The aggregate target's minimum, percent.
        target_pct: f64,
        /// Its maximum, where it is a range, percent.
        target_max_pct: Option<f64>,
        /// Whether some sectors have no growth target, so that their
        /// planned growth stands in for one.
        partly_plan: bool,
        /// What the sector targets imply at constant-2010-price weights, percent.
        implied_pct: f64,
        /// What they imply at last year's current-price shares, percent.
        implied_current_shares_pct: Option<f64>,
        /// How much `implied_pct` rests on the constant-price weights, where
        /// the scenario gives their uncertainty and `year` is the first plan
        /// year (whose weights are the base year's).
        weights: Option<WeightsSpread>,
    },
    /// The structure ranges cannot all hold: their bounds do not bracket 100.
    StructureCannotHold {
        /// The year.
        year: i32,
        /// The sum of the lower bounds, percent.
        sum_min_pct: f64,
        /// The sum of the upper bounds, percent.
        sum_max_pct: f64,
    },
    /// The per-capita target is set below what growth and prices give.
    PerCapitaUnderstated {
        /// The year.
        year: i32,
        /// The target's range, million VND a person.
        target: Bound,
        /// The projection, million VND a person.
        projected_mn_vnd: f64,
    },
}

/// How far a sum of sector targets moves with the uncertainty of the
/// constant-price weights it is weighted by.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightsSpread {
    /// Whether the scenario derives or assumes the weights (any with the
    /// status `derived` or `assumption`) rather than taking them from a
    /// statistics release.
    pub derived: bool,
    /// The implied growth's standard deviation from the weights'
    /// uncertainty, percentage points, to first order
    /// ([`grdp_core::audit::SectorGrowthFigures::sd_from_weights_pp`]).
    pub sd_pp: f64,
    /// The implied growth's 95 % range (± 1.96 standard deviations, kept
    /// between the slowest and the fastest sector's growth), percent.
    pub implied_range_95_pct: [f64; 2],
    /// The chance, a fraction, that the weights are such that the sector
    /// targets meet the aggregate target: at or above its minimum, and at
    /// or below its maximum where it has one (normal, to first order).
    pub chance_reaching_target: f64,
}

/// The constant-price weights' uncertainty, for the findings.
#[derive(Debug, Clone, Copy)]
pub struct WeightsUncertainty<'a> {
    /// The first plan year: the year whose weights are the base year's.
    pub first_year: i32,
    /// Each sector's weight's standard deviation, percentage points.
    pub sd_pp: &'a [f64],
    /// Whether the weights are derived or assumed rather than published.
    pub derived: bool,
}

/// One line of a consistent target set: what the draft says, what would
/// hang together with the rest of the plan, and on what basis.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProposalLine {
    /// The GRDP growth the sector targets imply (constant-2010-price weights).
    GrowthFromSectors {
        /// The year.
        year: i32,
        /// The draft's aggregate target.
        draft: Bound,
        /// What the sector targets give, percent.
        consistent_pct: f64,
    },
    /// The growth one sector would need for the draft's aggregate target,
    /// the others at theirs.
    SectorForTarget {
        /// The year.
        year: i32,
        /// The sector's id.
        component: String,
        /// The draft's target for the sector, percent.
        draft_pct: f64,
        /// What it would need, percent.
        consistent_pct: f64,
        /// The aggregate target aimed at, percent: its lower end.
        target_pct: f64,
        /// The aggregate target's upper end where it is a range (10-10.5 %),
        /// percent.
        target_upper_pct: Option<f64>,
        /// What the sector would need for that upper end, percent.
        consistent_upper_pct: Option<f64>,
    },
    /// The combined growth of every component but agriculture for the
    /// draft's aggregate target, agriculture at its target or plan: land,
    /// water, salinity and prices bound it, so the rest must carry a
    /// higher target.
    RestForTarget {
        /// The year.
        year: i32,
        /// The component held at its target or plan: `agriculture`.
        held: String,
        /// Its planned growth, percent.
        held_growth_pct: f64,
        /// Its weight at constant 2010 prices, percent.
        held_weight_pct: f64,
        /// The others' combined growth as drafted or planned, percent.
        draft_pct: f64,
        /// The others' combined growth the target needs, percent.
        consistent_pct: f64,
        /// The aggregate target aimed at, percent: its lower end.
        target_pct: f64,
        /// The aggregate target's upper end where it is a range, percent.
        target_upper_pct: Option<f64>,
        /// The others' combined growth that upper end needs, percent.
        consistent_upper_pct: Option<f64>,
    },
    /// One add-on to every sector's target for the draft's aggregate target.
    UniformForTarget {
        /// The year.
        year: i32,
        /// Percentage points added to every sector's target.
        add_on_pp: f64,
        /// The aggregate target aimed at, percent: its lower end.
        target_pct: f64,
        /// The aggregate target's upper end where it is a range, percent.
        target_upper_pct: Option<f64>,
        /// The add-on that upper end needs, percentage points.
        add_on_upper_pp: Option<f64>,
    },
    /// A structure share that follows from the plan's growth and prices.
    Share {
        /// The year.
        year: i32,
        /// The sector's id.
        component: String,
        /// The draft's range, percent of GRDP at current prices.
        draft: Bound,
        /// The projection's share, percent.
        consistent_pct: f64,
    },
    /// GRDP per capita that follows from growth, the deflator and population.
    PerCapita {
        /// The year.
        year: i32,
        /// The draft's range, million VND a person.
        draft: Bound,
        /// The projection, million VND a person.
        consistent_mn_vnd: f64,
        /// Real growth, the deflator's growth and population growth behind
        /// it, percent.
        real_growth_pct: f64,
        /// Growth of the GRDP deflator, percent.
        deflator_growth_pct: Option<f64>,
        /// Population growth, percent.
        population_growth_pct: Option<f64>,
    },
    /// Labour productivity (current prices) that follows from the plan.
    Productivity {
        /// The year.
        year: i32,
        /// The draft's range, million VND a worker.
        draft: Bound,
        /// The projection, million VND a worker.
        consistent_mn_vnd: f64,
    },
    /// Labour productivity growth: at constant prices (real GRDP growth less
    /// employment growth) and, if the draft meant it, at current prices.
    ProductivityGrowth {
        /// The year.
        year: i32,
        /// The draft's range, percent.
        draft: Bound,
        /// At constant 2010 prices, percent.
        consistent_constant_pct: f64,
        /// At current prices, percent.
        consistent_current_pct: Option<f64>,
    },
}

/// What a briefing leads with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Briefing {
    /// The answer, where the study simulated.
    pub preferred: Option<Preferred>,
    /// The findings that matter most, most important first (at most three).
    pub findings: Vec<Finding>,
    /// A consistent set of targets for the first target year: a proposal.
    pub proposal: Vec<ProposalLine>,
    /// What the rest of the target year needs for its growth target, for
    /// a range of growth over its first quarter, half or nine months:
    /// the rule a planning office checks each release against. `None`
    /// where the scenario already holds a release of that year, or has no
    /// growth target.
    pub quarter_path: Option<QuarterPath>,
}

/// What the rest of a year needs for its growth target, given growth so
/// far (each figure cumulated from January, on the same period of the year
/// before; quarters weighted by the year before's shares at constant
/// prices).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterPath {
    /// The year.
    pub year: i32,
    /// The growth target, percent (a range's lower end).
    pub target_pct: f64,
    /// The quarters' shares of the year before, percent.
    pub shares_pct: [f64; 4],
    /// Whether the shares were stated (else equal, an assumption).
    pub shares_stated: bool,
    /// The growth so far each column assumes, percent.
    pub so_far_pct: Vec<f64>,
    /// One row a part of the year: Q1, H1, 9M.
    pub rows: Vec<QuarterPathRow>,
}

/// One part of the year in a [`QuarterPath`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterPathRow {
    /// The part known.
    pub part: grdp_core::quarters::KnownPart,
    /// The remaining quarters' average growth the target needs, percent,
    /// one a column of [`QuarterPath::so_far_pct`].
    pub rest_needed_pct: Vec<f64>,
}

/// The points below the target the columns of a [`QuarterPath`] start
/// from: growth so far at the target, and one, two and three points short.
pub const QUARTER_PATH_STEPS_PP: [f64; 4] = [3.0, 2.0, 1.0, 0.0];

/// The [`QuarterPath`] of `year` for `target_pct`, quarters weighted by
/// `shares`.
pub fn quarter_path(
    year: i32,
    target_pct: f64,
    shares: &grdp_core::quarters::QuarterShares,
) -> Option<QuarterPath> {
    use grdp_core::quarters::{KnownPart, remaining};
    let so_far_pct: Vec<f64> = QUARTER_PATH_STEPS_PP
        .iter()
        .map(|d| target_pct - d)
        .collect();
    let rows = [KnownPart::Q1, KnownPart::H1, KnownPart::M9]
        .into_iter()
        .map(|part| {
            let rest = so_far_pct
                .iter()
                .map(|&g| {
                    remaining(year, shares, part, g, Some(target_pct), None)
                        .ok()
                        .and_then(|r| r.required_remaining_pct)
                })
                .collect::<Option<Vec<f64>>>()?;
            Some(QuarterPathRow {
                part,
                rest_needed_pct: rest,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(QuarterPath {
        year,
        target_pct,
        shares_pct: shares.pct,
        shares_stated: shares.stated,
        so_far_pct,
        rows,
    })
}

/// The preferred view: named by the options, else by the scenario, else a
/// view that takes a past shortfall off the plan, else the first.
pub fn preferred(
    sim: &Simulation,
    named: Option<&str>,
    in_scenario: Option<&str>,
    upper_end_pct: Option<f64>,
    as_set: Option<(&str, grdp_core::Direction, f64, Option<f64>)>,
    supported_sd_pp: &[f64],
) -> Option<Preferred> {
    let find = |id: &str| sim.views.iter().position(|v| v.view.id == id);
    let (index, chosen_by) = match (named.and_then(find), in_scenario.and_then(find)) {
        (Some(i), _) => (i, ChosenBy::Options),
        (None, Some(i)) => (i, ChosenBy::Scenario),
        _ => (
            sim.views
                .iter()
                .position(|v| matches!(v.view.centre, Centre::PlanMinus { .. }))
                .unwrap_or(0),
            ChosenBy::Rule,
        ),
    };
    let v = sim.views.get(index)?;
    let r = &v.result;
    // Growth g, scaled about the mean m by k, meets the target t when
    // m + k (g − m) ≥ t, that is when g ≥ m + (t − m) / k.
    let at_factor = |k: f64| {
        r.histogram
            .share_at_or_above(r.mean_pct + (r.target_pct - r.mean_pct) / k, r.scenarios)
    };
    let spread = SPREAD_FACTORS
        .iter()
        .map(|&k| SpreadCase {
            factor: k,
            probability: at_factor(k),
        })
        .collect();
    // A spread of s pp is the draws scaled by s over the simulated spread;
    // a view with next to no spread (every draw nearly the same) has
    // nothing to scale, and the page says so.
    let supported = if r.sd_pp >= MIN_SCALED_SD_PP {
        supported_sd_pp
            .iter()
            .map(|&sd| SupportedSpread {
                sd_pp: sd,
                factor: sd / r.sd_pp,
                probability: at_factor(sd / r.sd_pp),
            })
            .collect()
    } else {
        Vec::new()
    };
    Some(Preferred {
        view: v.view.id.clone(),
        index,
        centre: v.view.centre.clone(),
        probability: v.result.probability,
        probability_ci95: v.result.probability_ci95,
        chosen_by,
        spread,
        supported,
        upper_end: upper_end_pct.map(|u| UpperEnd {
            target_pct: u,
            probability: r.histogram.share_at_or_above(u, r.scenarios),
        }),
        as_set: as_set.map(|(id, direction, min_pct, max_pct)| AsSet {
            direction,
            min_pct,
            max_pct,
            probability: r
                .targets
                .iter()
                .find(|t| t.id == id && t.year == sim.target.year)
                .and_then(|t| t.probability),
        }),
    })
}

/// The findings, most important first: the sector targets against the
/// aggregate (with how much that rests on the constant-price weights, where
/// `weights` gives their uncertainty), the structure, the per-capita target.
pub fn findings(checks: &[Check], weights: Option<WeightsUncertainty>) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in checks {
        match (&c.figures, c.id, c.status) {
            (Figures::SectorGrowth(f), CheckId::SectorGrowthVsAggregate, s)
                if s != CheckStatus::Pass =>
            {
                if let Some(target_pct) = f.target_min_pct {
                    let implied = f.implied_constant_weights_pct;
                    // A weighted mean of the sectors' growth lies between the
                    // slowest and the fastest, whatever the weights.
                    let (slowest, fastest) = f
                        .sectors
                        .iter()
                        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), s| {
                            (lo.min(s.growth_pct), hi.max(s.growth_pct))
                        });
                    let spread = weights
                        .filter(|w| w.first_year == c.year)
                        .and_then(|w| Some((w, f.sd_from_weights_pp(w.sd_pp)?)))
                        .filter(|(_, sd)| *sd > 0.0 && sd.is_finite())
                        .map(|(w, sd)| WeightsSpread {
                            derived: w.derived,
                            sd_pp: sd,
                            implied_range_95_pct: [
                                (implied - 1.96 * sd).max(slowest),
                                (implied + 1.96 * sd).min(fastest),
                            ],
                            chance_reaching_target: {
                                let z = Normal::standard();
                                let above_min = z.sf((target_pct - implied) / sd);
                                let above_max =
                                    f.target_max_pct.map_or(0.0, |m| z.sf((m - implied) / sd));
                                above_min - above_max
                            },
                        });
                    out.push((
                        0,
                        Finding::SectorTargetsShort {
                            year: c.year,
                            target_pct,
                            target_max_pct: f.target_max_pct,
                            partly_plan: f
                                .sectors
                                .iter()
                                .any(|s| s.source == grdp_core::audit::GrowthSource::Plan),
                            implied_pct: implied,
                            implied_current_shares_pct: f.implied_current_shares_pct,
                            weights: spread,
                        },
                    ));
                }
            }
            (Figures::StructureSum(f), CheckId::StructureSumsTo100, CheckStatus::Fail) => {
                out.push((
                    1,
                    Finding::StructureCannotHold {
                        year: c.year,
                        sum_min_pct: f.sum_min_pct,
                        sum_max_pct: f.sum_max_pct,
                    },
                ));
            }
            (Figures::PerCapita(f), CheckId::PerCapita, CheckStatus::Understated) => {
                if let Some(p) = f.projected_mn_vnd {
                    out.push((
                        2,
                        Finding::PerCapitaUnderstated {
                            year: c.year,
                            target: Bound {
                                min: f.target_min_mn_vnd,
                                max: f.target_max_mn_vnd,
                            },
                            projected_mn_vnd: p,
                        },
                    ));
                }
            }
            _ => {}
        }
    }
    // One of each kind, the earliest year first.
    out.sort_by_key(|(rank, f)| (*rank, finding_year(f)));
    out.dedup_by_key(|(rank, _)| *rank);
    out.into_iter().map(|(_, f)| f).take(3).collect()
}

fn finding_year(f: &Finding) -> i32 {
    match f {
        Finding::SectorTargetsShort { year, .. }
        | Finding::StructureCannotHold { year, .. }
        | Finding::PerCapitaUnderstated { year, .. } => *year,
    }
}

/// The component id the briefing holds at its plan to ask what the rest of
/// the economy needs ([`ProposalLine::RestForTarget`]).
pub const AGRICULTURE: &str = "agriculture";

/// A consistent set of targets for the first year that has an aggregate
/// growth target (else the first plan year): each of the draft's targets
/// of that year beside the figure that hangs together with the rest.
pub fn proposal(
    s: &Scenario,
    projection: &Projection,
    targets: &[TargetOutcome],
) -> Vec<ProposalLine> {
    let e = s.economy();
    let Some(year) = targets
        .iter()
        .filter(|o| o.target.indicator == Indicator::GrowthPct && o.target.component.is_none())
        .map(|o| o.target.year)
        .min()
        .or_else(|| s.plan().years().first().map(|y| y.year))
    else {
        return Vec::new();
    };
    let Some(py) = projection.year(year) else {
        return Vec::new();
    };
    let of_year: Vec<&TargetOutcome> = targets.iter().filter(|o| o.target.year == year).collect();
    let mut out = Vec::new();
    let aggregate = of_year
        .iter()
        .find(|o| o.target.indicator == Indicator::GrowthPct && o.target.component.is_none());
    if let Some(agg) = aggregate {
        out.push(ProposalLine::GrowthFromSectors {
            year,
            draft: agg.target.bound,
            consistent_pct: py.growth_pct,
        });
        if let Some(target_pct) = agg.target.bound.min {
            // A range (10-10.5 %): each way to the target also for its
            // upper end.
            let target_upper_pct = agg.target.bound.max.filter(|&hi| hi > target_pct);
            // Each sector alone, largest first (the one a planner asks
            // first): what it would need with the others as they are.
            let mut by_weight: Vec<(usize, f64)> =
                e.base_weights().iter().copied().enumerate().collect();
            by_weight.sort_by(|a, b| b.1.total_cmp(&a.1));
            for (i, _) in by_weight {
                let id = &e.components()[i].id;
                if let Ok(sol) = solve::component_for_target(e, s.plan(), year, target_pct, id) {
                    let upper = target_upper_pct
                        .and_then(|hi| solve::component_for_target(e, s.plan(), year, hi, id).ok());
                    out.push(ProposalLine::SectorForTarget {
                        year,
                        component: id.clone(),
                        draft_pct: sol.planned_growth_pct,
                        consistent_pct: sol.required_growth_pct,
                        target_pct,
                        target_upper_pct: upper.as_ref().and(target_upper_pct),
                        consistent_upper_pct: upper.map(|u| u.required_growth_pct),
                    });
                }
            }
            // The economy outside agriculture (the sector a plan cannot
            // push), where there are at least two others to combine; a
            // scenario without an `agriculture` component asks `grdp solve
            // --all-but` instead.
            let held = AGRICULTURE;
            if e.index_of(held).is_some()
                && e.len() >= 3
                && let Ok(r) = solve::rest_for_target(e, s.plan(), year, target_pct, held)
            {
                let upper = target_upper_pct
                    .and_then(|hi| solve::rest_for_target(e, s.plan(), year, hi, held).ok());
                out.push(ProposalLine::RestForTarget {
                    year,
                    held: held.to_string(),
                    held_growth_pct: r.held_growth_pct,
                    held_weight_pct: r.held_weight_pct,
                    draft_pct: r.planned_rest_pct,
                    consistent_pct: r.required_rest_pct,
                    target_pct,
                    target_upper_pct: upper.as_ref().and(target_upper_pct),
                    consistent_upper_pct: upper.map(|u| u.required_rest_pct),
                });
            }
            if let Ok(u) = solve::uniform_for_target(e, s.plan(), year, target_pct) {
                let upper = target_upper_pct
                    .and_then(|hi| solve::uniform_for_target(e, s.plan(), year, hi).ok());
                out.push(ProposalLine::UniformForTarget {
                    year,
                    add_on_pp: u.add_on_pp,
                    target_pct,
                    target_upper_pct: upper.as_ref().and(target_upper_pct),
                    add_on_upper_pp: upper.map(|u| u.add_on_pp),
                });
            }
        }
    }
    for o in &of_year {
        let t = &o.target;
        let comp = t.component.as_deref().and_then(|c| e.index_of(c));
        match (t.indicator, comp) {
            (Indicator::ShareCurrentPct, Some(i)) => {
                if let Some(v) = py.components[i].share_current_pct {
                    out.push(ProposalLine::Share {
                        year,
                        component: e.components()[i].id.clone(),
                        draft: t.bound,
                        consistent_pct: v,
                    });
                }
            }
            (Indicator::GrdpPerCapitaMnVnd, _) => {
                if let Some(v) = py.grdp_per_capita_mn_vnd {
                    out.push(ProposalLine::PerCapita {
                        year,
                        draft: t.bound,
                        consistent_mn_vnd: v,
                        real_growth_pct: py.growth_pct,
                        deflator_growth_pct: py.deflator_growth_pct,
                        population_growth_pct: s
                            .plan()
                            .years()
                            .iter()
                            .find(|y| y.year == year)
                            .and_then(|y| y.population_growth_pct),
                    });
                }
            }
            (Indicator::LabourProductivityMnVnd, _) => {
                if let Some(v) = py.labour_productivity_mn_vnd {
                    out.push(ProposalLine::Productivity {
                        year,
                        draft: t.bound,
                        consistent_mn_vnd: v,
                    });
                }
            }
            (Indicator::LabourProductivityGrowthPct, _) => {
                if let Some(v) = py.labour_productivity_growth_pct {
                    let employment = s
                        .plan()
                        .years()
                        .iter()
                        .find(|y| y.year == year)
                        .and_then(|y| y.employment_growth_pct);
                    out.push(ProposalLine::ProductivityGrowth {
                        year,
                        draft: t.bound,
                        consistent_constant_pct: v,
                        consistent_current_pct: py.nominal_growth_pct.zip(employment).map(
                            |(nom, emp)| 100.0 * ((1.0 + nom / 100.0) / (1.0 + emp / 100.0) - 1.0),
                        ),
                    });
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the rest needs, by hand, equal quarters, a 10 % target:
    /// (100 · 10 − 25 · 7) / 75 = 11 after Q1 at 7 %; (1000 − 50 · 8) / 50
    /// = 12 after H1 at 8 %; (1000 − 75 · 7) / 25 = 19 after 9M at 7 %;
    /// growth so far at the target asks the target of the rest.
    #[test]
    fn the_quarter_path_gives_what_the_rest_of_the_year_needs() {
        let q = quarter_path(2026, 10.0, &grdp_core::quarters::QuarterShares::EQUAL).unwrap();
        assert_eq!(q.so_far_pct, vec![7.0, 8.0, 9.0, 10.0]);
        let at = |row: usize, col: usize| q.rows[row].rest_needed_pct[col];
        for (got, want) in [(at(0, 0), 11.0), (at(1, 1), 12.0), (at(2, 0), 19.0)] {
            assert!((got - want).abs() < 1e-9, "{got} against {want}");
        }
        for row in 0..3 {
            assert!((at(row, 3) - 10.0).abs() < 1e-9);
        }
        assert!(!q.shares_stated);
    }
}
