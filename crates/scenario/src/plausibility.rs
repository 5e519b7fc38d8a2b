//! Numbers that load but are not what they seem: a thousands dot read as a
//! decimal point, GRDP in million VND, growth typed as fractions, a target
//! no projection reaches, a written number no view reads. The impossible is
//! refused; the implausible is loaded with a warning that says what to check.

use std::fmt;

use grdp_core::Scenario;
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
                        "GRDP of {} billion VND over {} thousand people is {per_capita:.3} million VND a person, outside anything Vietnam's provinces have (about 40 to 500): check for a thousands dot read as a decimal point (133.065 for 133,065), GRDP in million rather than billion VND, or population in persons rather than thousands",
                        tidy(grdp),
                        tidy(pop)
                    ),
                ));
            }
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
        Ok(out)
    }
}

/// A number as a person wrote it: at most three decimals, no trailing zeros.
fn tidy(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
