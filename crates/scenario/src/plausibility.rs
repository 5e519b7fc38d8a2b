//! Numbers that load but are not what they seem: a thousands dot read as a
//! decimal point, GRDP in million VND, growth typed as fractions, a target
//! no projection reaches, a written number no view reads. The impossible is
//! refused; the implausible is loaded with a warning that says what to check.

use std::fmt;

use grdp_core::Scenario;
use grdp_core::plan::PricePath;
use grdp_core::targets::Indicator;
use grdp_core::uncertainty::{Centre, Marginal, UncertaintySpec};

use crate::error::LoadError;
use crate::scenario::Builder;

/// Something in a scenario file that loads but probably is not what was meant.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// The file.
    pub origin: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// Dotted path of the field.
    pub field: String,
    /// What was found and what to check.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.origin)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}: {}", self.field, self.message)
    }
}

/// GRDP per capita, million VND a person, beyond which a base is taken for
/// a typing slip: Vietnam's provinces ranged from about 40 to 500 in 2024.
const PER_CAPITA_RANGE_MN_VND: (f64, f64) = (5.0, 5000.0);
/// Employment as a share of population outside this range is suspicious.
const EMPLOYMENT_SHARE: (f64, f64) = (0.1, 1.0);
/// A population beyond this (thousand persons) is no province's.
const MAX_POPULATION_THOUSAND: f64 = 1_000_000.0;
/// A step from the last known growth to the plan's first year beyond this,
/// percentage points, is worth a second look.
const MAX_STEP_FROM_HISTORY_PP: f64 = 15.0;
/// Sector growth beyond this, percent, is taken for a typing slip.
const MAX_PLAUSIBLE_GROWTH_PCT: f64 = 50.0;
/// Price growth beyond this, percent a year, is taken for a typing slip
/// (Vietnam's GDP deflator has not risen 50 % in a year since the 1980s).
const MAX_PLAUSIBLE_PRICE_GROWTH_PCT: f64 = 50.0;
/// A component's relative price in the base year (its share of GRDP at
/// current prices over its weight at constant 2010 prices) outside this
/// range is taken for a slip in one level (a thousands dot): sector prices
/// have not moved apart by a factor of five since 2010.
const RELATIVE_PRICE_RANGE: (f64, f64) = (0.2, 5.0);
/// Sector price growth beyond this, percent a year, is taken for a typing
/// slip (one sector's prices move more than the whole deflator: mining's
/// rose by about half in some years).
const MAX_PLAUSIBLE_SECTOR_PRICE_GROWTH_PCT: f64 = 100.0;
/// Price growth all below this, percent, is taken for fractions typed for
/// percents (4.06 % typed 0.0406).
const MAX_FRACTION_LIKE_PRICE_PCT: f64 = 0.2;
/// Growth spreads all below this, percentage points, are taken for
/// fractions typed for percents.
const MIN_PLAUSIBLE_SD_PP: f64 = 0.1;

impl Builder<'_> {
    /// A warning about `field`, at its line where the file gave one.
    fn warning(&self, field: &str, message: String) -> Warning {
        let mut path = field;
        let span = loop {
            if let Some(s) = self.spans.get(path) {
                break Some(s.clone());
            }
            match path.rfind('.') {
                Some(i) => path = &path[..i],
                None => break None,
            }
        };
        Warning {
            origin: self.loc.origin().to_string(),
            line: span.map(|s| self.loc.line_col(s.start).0),
            field: field.to_string(),
            message,
        }
    }

    /// Refuses the impossible and lists the implausible.
    pub(crate) fn plausibility(
        &self,
        s: &Scenario,
        spec: Option<&UncertaintySpec>,
        kind_given: &[bool],
    ) -> Result<Vec<Warning>, LoadError> {
        let mut out: Vec<Warning> = self
            .notes
            .iter()
            .map(|(field, message)| self.warning(field, message.clone()))
            .collect();
        let e = s.economy();
        let base = e.base();
        if let (Some(pop), Some(emp)) = (base.population_thousand, base.employed_thousand)
            && emp > pop
        {
            let w = self.warning("base.employed_thousand", String::new());
            return Err(self.loc.invalid(
                self.spans.get("base.employed_thousand").cloned(),
                w.field,
                format!(
                    "{emp} thousand employed is more than the population of {pop} thousand; expected employment at most the population (both in thousand persons)"
                ),
            ));
        }
        if let Some(pop) = base.population_thousand
            && pop > MAX_POPULATION_THOUSAND
        {
            return Err(self.loc.invalid(
                self.spans.get("base.population_thousand").cloned(),
                "base.population_thousand",
                format!(
                    "found {pop:?} thousand persons, more people than any country has; expected a province's population in thousand persons (Cần Thơ: about 1,260)"
                ),
            ));
        }
        let total = base.current_bn_vnd.as_ref().map(|c| c.iter().sum::<f64>());
        if let (Some(grdp), Some(pop)) = (total, base.population_thousand) {
            // Billion VND over thousand persons is million VND a person.
            let per_capita = grdp / pop;
            let (lo, hi) = PER_CAPITA_RANGE_MN_VND;
            if per_capita < lo || per_capita > hi {
                out.push(self.warning(
                    "base.grdp_current_bn_vnd",
                    format!(
                        "GRDP of {} billion VND over {} thousand people is {} million VND a person, outside anything Vietnam's provinces have (about 40 to 500): check for a thousands dot read as a decimal point (133.065 for 133,065), GRDP in million rather than billion VND, or population in persons rather than thousands",
                        tidy(grdp),
                        tidy(pop),
                        tidy(per_capita)
                    ),
                ));
            }
        }
        // Investment is a share of output, a third or so in Vietnam; more
        // than the whole GRDP is a unit slip (million VND for billion).
        if let (Some(grdp), Some(inv)) = (total, s.investment())
            && inv.base_bn_vnd > grdp
        {
            out.push(self.warning(
                "investment.base_bn_vnd",
                format!(
                    "investment of {} billion VND is {:.0}% of the base year's GRDP ({} billion VND); provinces invest about a third of GRDP: check that it is in billion VND, not million VND",
                    tidy(inv.base_bn_vnd),
                    100.0 * inv.base_bn_vnd / grdp,
                    tidy(grdp)
                ),
            ));
        }
        if let (Some(pop), Some(emp)) = (base.population_thousand, base.employed_thousand) {
            let share = emp / pop;
            if share < EMPLOYMENT_SHARE.0 || share > EMPLOYMENT_SHARE.1 {
                out.push(self.warning(
                    "base.employed_thousand",
                    format!(
                        "{emp} thousand employed is {:.0}% of the population of {pop} thousand; provinces employ about half their people: check the units (thousand persons)",
                        100.0 * share
                    ),
                ));
            }
        }
        let ids: Vec<&str> = e.components().iter().map(|c| c.id.as_str()).collect();
        let growth: Vec<f64> = s
            .plan()
            .years()
            .iter()
            .flat_map(|y| y.real_growth_pct.iter().copied())
            .collect();
        if !growth.is_empty()
            && growth.iter().all(|g| g.abs() < 1.0)
            && growth.iter().any(|g| *g != 0.0)
        {
            out.push(self.warning(
                "plan",
                "every growth rate of the plan is below 1%: were they typed as fractions (0.1142 for 11.42%)? Growth is written in percent".into(),
            ));
        }
        for y in s.plan().years() {
            for (g, id) in y.real_growth_pct.iter().zip(&ids) {
                if g.abs() > MAX_PLAUSIBLE_GROWTH_PCT {
                    out.push(self.warning(
                        &format!("plan.{}.growth_pct.{id}", y.year),
                        format!(
                            "{g}% is far beyond any sector's recorded growth: a typing slip (114.2 for 11.42)?"
                        ),
                    ));
                }
            }
        }
        // Growth against its own history: the first plan year's aggregate
        // (Σ w g with the base weights) far from the last known outcome.
        if let (Some(last), Some(first)) = (s.outcomes().last(), s.plan().years().first()) {
            let planned: f64 = e
                .base_weights()
                .iter()
                .zip(&first.real_growth_pct)
                .map(|(w, g)| w * g)
                .sum();
            if (planned - last.growth_pct).abs() > MAX_STEP_FROM_HISTORY_PP {
                out.push(self.warning(
                    &format!("plan.{}", first.year),
                    format!(
                        "the plan's growth in {} comes to {planned:.2}%, {:.1} points from the {:.2}% of {}: check the plan and the outcomes for a typing slip",
                        first.year,
                        (planned - last.growth_pct).abs(),
                        last.growth_pct,
                        last.year
                    ),
                ));
            }
        }
        let untyped: Vec<&str> = ids
            .iter()
            .zip(kind_given)
            .filter(|(_, given)| !**given)
            .map(|(id, _)| *id)
            .collect();
        for id in &untyped {
            out.push(self.warning(
                &format!("components.{id}"),
                "no kind given: counted as value added, so its growth enters the national office's share of the increase in value added (product taxes are left out of it); write kind = \"value_added\" or \"product_taxes\" to say which".into(),
            ));
        }
        let plan_years: Vec<i32> = s.plan().years().iter().map(|y| y.year).collect();
        if plan_years.is_empty() {
            out.push(self.warning(
                "plan",
                "the scenario has no [[plan]] year: nothing is projected, no target can be evaluated and nothing simulated".into(),
            ));
        }
        for t in s.targets().targets() {
            if plan_years.contains(&t.year) {
                continue;
            }
            let why = if t.year == base.year {
                format!(
                    "{} is the base year, which the projection starts from: it is known, not projected; move the target to a plan year, or its outcome to [[outcome]]",
                    t.year
                )
            } else {
                format!(
                    "{} is not a plan year ({}): the target cannot be evaluated; add a [[plan]] for it",
                    t.year,
                    match (plan_years.first(), plan_years.last()) {
                        (Some(a), Some(b)) if a == b => a.to_string(),
                        (Some(a), Some(b)) => format!("{a}-{b}"),
                        _ => "none".into(),
                    }
                )
            };
            out.push(self.warning(&format!("target.{}", t.id), why));
        }
        if let Some(spec) = spec
            && !spec.views.iter().any(|v| v.centre == Centre::AsWritten)
        {
            for (m, id) in spec.growth.iter().zip(&ids) {
                let written = match m {
                    Marginal::Normal { mean: Some(v), .. }
                    | Marginal::TruncatedNormal { mean: Some(v), .. } => Some(("mean", v)),
                    Marginal::StudentT {
                        location: Some(v), ..
                    } => Some(("location", v)),
                    Marginal::SplitNormal { mode: Some(v), .. } => Some(("mode", v)),
                    _ => None,
                };
                if let Some((name, v)) = written {
                    out.push(self.warning(
                        &format!("uncertainty.growth.{id}.{name}"),
                        format!(
                            "{name} = {v} is not used: every view moves the distribution's centre (to the plan, the plan less a shortfall, or given growth); only a view with centre = \"as_written\" reads it"
                        ),
                    ));
                }
            }
        }
        self.fraction_slips(s, spec, &ids, &mut out);
        Ok(out)
    }

    /// Fractions typed for percents, and a thousands dot in one level:
    /// targets in percent whose bounds all lie between 0 and 1, price
    /// growth all below 1 % or far beyond any record, spreads all below
    /// 0.1 pp, a component whose current-price share is far from its
    /// constant-price weight.
    fn fraction_slips(
        &self,
        s: &Scenario,
        spec: Option<&UncertaintySpec>,
        ids: &[&str],
        out: &mut Vec<Warning>,
    ) {
        let e = s.economy();
        let in_unit = |v: f64| v > 0.0 && v < 1.0;
        // Each target in percent with its bounds: a year's, and a period's
        // average growth.
        let percent_targets = s
            .targets()
            .targets()
            .iter()
            .filter(|t| match t.indicator {
                Indicator::GrowthPct => t.component.is_none(),
                Indicator::NominalGrowthPct
                | Indicator::LabourProductivityGrowthPct
                | Indicator::ShareCurrentPct => true,
                _ => false,
            })
            .map(|t| (format!("target.{}", t.id), &t.bound))
            .chain(
                s.period_targets()
                    .iter()
                    .map(|t| (format!("period_target.{}", t.id), &t.bound)),
            );
        for (field, bound) in percent_targets {
            let bounds: Vec<f64> = [bound.min, bound.max].into_iter().flatten().collect();
            if !bounds.is_empty() && bounds.iter().all(|&v| in_unit(v)) {
                let written: Vec<String> = bounds.iter().map(|&v| tidy(v)).collect();
                let meant: Vec<String> = bounds.iter().map(|&v| tidy(100.0 * v)).collect();
                out.push(self.warning(
                    &field,
                    format!(
                        "{} % is below 1 %: typed as a fraction ({} for {} %)? Targets are written in percent",
                        written.join("–"),
                        written.join("–"),
                        meant.join("–")
                    ),
                ));
            }
        }
        // Each price growth rate with the field it was written in: the
        // GRDP deflator's, or a sector's own.
        let prices: Vec<(String, f64, f64)> = s
            .plan()
            .years()
            .iter()
            .flat_map(|y| {
                let rates: Vec<(String, f64, f64)> = match &y.prices {
                    Some(PricePath::GrdpDeflatorPct(p)) => vec![(
                        format!("plan.{}.deflator_growth_pct", y.year),
                        *p,
                        MAX_PLAUSIBLE_PRICE_GROWTH_PCT,
                    )],
                    Some(PricePath::PerComponentPct(v)) => v
                        .iter()
                        .zip(ids)
                        .map(|(p, id)| {
                            (
                                format!("plan.{}.price_growth_pct.{id}", y.year),
                                *p,
                                MAX_PLAUSIBLE_SECTOR_PRICE_GROWTH_PCT,
                            )
                        })
                        .collect(),
                    None => Vec::new(),
                };
                rates
            })
            .collect();
        // Fractions of the usual rates (2 to 8 %) are below 0.2; a low but
        // real rate (0.8 %) is not taken for one.
        if prices.iter().any(|(_, p, _)| *p != 0.0)
            && prices
                .iter()
                .all(|(_, p, _)| p.abs() < MAX_FRACTION_LIKE_PRICE_PCT)
        {
            out.push(self.warning(
                "plan",
                format!(
                    "every price growth rate of the plan is below {MAX_FRACTION_LIKE_PRICE_PCT} %: typed as fractions (0.0406 for 4.06 %)? Price growth is written in percent"
                ),
            ));
        }
        for (field, p, limit) in &prices {
            if p.abs() > *limit {
                out.push(self.warning(
                    field,
                    format!(
                        "{}% price growth in a year is beyond {limit} %, more than any province's GRDP deflator or sector prices have moved in Vietnam since the 1980s: a typing slip (40.6 for 4.06)?",
                        tidy(*p)
                    ),
                ));
            }
        }
        if let Some(spec) = spec {
            for v in &spec.views {
                if let Centre::PlanMinus { shortfall_pp } = v.centre
                    && shortfall_pp < 0.0
                {
                    out.push(self.warning(
                        &format!("uncertainty.view.{}.shortfall_pp", v.id),
                        format!(
                            "{} points below the plan adds {} points to every sector's growth: a shortfall is written as a positive number (1.26 for growth 1.26 points under the plan)",
                            tidy(shortfall_pp),
                            tidy(-shortfall_pp)
                        ),
                    ));
                }
            }
            // Only where every uncertain sector's spread is a standard
            // deviation: other distributions are given by bounds or a scale.
            let sds: Option<Vec<f64>> = spec
                .growth
                .iter()
                .map(|m| match m {
                    Marginal::Normal { sd, .. } | Marginal::TruncatedNormal { sd, .. } => {
                        Some(vec![*sd])
                    }
                    Marginal::SplitNormal {
                        sd_lower, sd_upper, ..
                    } => Some(vec![*sd_lower, *sd_upper]),
                    // A sector held at its centre has no spread to check.
                    Marginal::Fixed => Some(Vec::new()),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()
                .map(|v| v.concat());
            if let Some(sds) = sds
                && !sds.is_empty()
                && sds.iter().all(|&sd| sd > 0.0 && sd < MIN_PLAUSIBLE_SD_PP)
            {
                out.push(self.warning(
                    "uncertainty.growth",
                    format!(
                        "every spread of sector growth is below {MIN_PLAUSIBLE_SD_PP} percentage points: typed as fractions (0.0206 for 2.06)? Spreads are written in percentage points"
                    ),
                ));
            }
        }
        let base = e.base();
        if let Some(current) = &base.current_bn_vnd {
            let total: f64 = current.iter().sum();
            for ((c, w), id) in current.iter().zip(e.base_weights()).zip(ids) {
                let relative = (c / total) / w;
                let (lo, hi) = RELATIVE_PRICE_RANGE;
                if *w > 0.0 && (relative < lo || relative > hi) {
                    // Named as the file gave it: levels or shares.
                    let as_shares = self
                        .spans
                        .contains_key(&format!("base.share_current_pct.{id}"));
                    let (field, given) = if !as_shares {
                        (
                            format!("base.current_bn_vnd.{id}"),
                            format!(
                                "{} billion VND is {:.2} % of GRDP at current prices",
                                tidy(*c),
                                100.0 * c / total
                            ),
                        )
                    } else {
                        (
                            format!("base.share_current_pct.{id}"),
                            format!(
                                "a share of {} % of GRDP at current prices",
                                tidy(100.0 * c / total)
                            ),
                        )
                    };
                    out.push(self.warning(
                        &field,
                        format!(
                            "{given}, against a weight of {:.2} % at constant 2010 prices: prices that far apart point to a typing slip in one figure, such as a thousands dot (13.253 for 13,253) or a misplaced decimal point",
                            100.0 * w
                        ),
                    ));
                }
            }
        }
    }
}

/// A number as a person wrote it: at most three decimals, no trailing zeros.
/// Beyond a thousand billion, or below a thousandth, in scientific
/// notation (1e300, not 301 digits; 2e-7, not 0).
fn tidy(x: f64) -> String {
    if x != 0.0 && x.is_finite() && !(1e-3..1e15).contains(&x.abs()) {
        let s = format!("{x:.3e}");
        return match s.split_once('e') {
            Some((m, e)) => format!("{}e{e}", m.trim_end_matches('0').trim_end_matches('.')),
            None => s,
        };
    }
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn numbers_in_warnings_are_written_as_a_person_would() {
        assert_eq!(tidy(133_065.0), "133065");
        assert_eq!(tidy(9.32), "9.32");
        assert_eq!(tidy(0.0406), "0.041");
        assert_eq!(tidy(0.0), "0");
        // A slip by many orders of magnitude: short, not 301 digits or 0.
        assert_eq!(tidy(1e300), "1e300");
        assert_eq!(tidy(-2e-7), "-2e-7");
        assert_eq!(tidy(1.0000000000000002e300), "1e300");
        assert_eq!(tidy(1.2345e20), "1.234e20");
    }
}
