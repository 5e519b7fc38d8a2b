//! The plan: what each projected year assumes.

use crate::economy::Economy;
use crate::error::{ModelError, growth_pct};

/// How prices move in a projected year.
#[derive(Debug, Clone, PartialEq)]
pub enum PricePath {
    /// One GRDP deflator growth rate, percent. Every component's prices move
    /// together (relative prices unchanged), scaled so that the implicit GRDP
    /// deflator grows by exactly this rate.
    GrdpDeflatorPct(f64),
    /// Each component's deflator growth, percent, one per component.
    PerComponentPct(Vec<f64>),
}

/// The assumptions for one projected year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearPlan {
    /// Calendar year.
    pub year: i32,
    /// Real growth of each component at constant 2010 prices, percent.
    pub real_growth_pct: Vec<f64>,
    /// Price growth; `None` leaves current-price figures unknown.
    pub prices: Option<PricePath>,
    /// Growth of average population, percent; `None` if unknown.
    pub population_growth_pct: Option<f64>,
    /// Growth of employed workers, percent; `None` if unknown.
    pub employment_growth_pct: Option<f64>,
}

/// A validated sequence of year plans, consecutive from the year after the base.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    years: Vec<YearPlan>,
}

impl Plan {
    /// Validates a plan against an economy: consecutive years after the base
    /// year, one growth rate per component, every rate finite and above -100 %.
    pub fn new(economy: &Economy, years: Vec<YearPlan>) -> Result<Self, ModelError> {
        let n = economy.len();
        for (expected, yp) in (economy.base().year + 1..).zip(years.iter()) {
            let y = yp.year;
            if y != expected {
                return Err(ModelError::YearsOutOfOrder {
                    field: format!("plan.{y}"),
                    year: y,
                    expected,
                });
            }
            let per_component = |field: &str, v: &[f64]| -> Result<(), ModelError> {
                if v.len() != n {
                    return Err(ModelError::WrongLength {
                        field: format!("plan.{y}.{field}"),
                        found: v.len(),
                        expected: n,
                    });
                }
                for (c, &g) in economy.components().iter().zip(v) {
                    growth_pct(|| format!("plan.{y}.{field}.{}", c.id), g)?;
                }
                Ok(())
            };
            per_component("growth_pct", &yp.real_growth_pct)?;
            match &yp.prices {
                Some(PricePath::PerComponentPct(p)) => per_component("price_growth_pct", p)?,
                Some(PricePath::GrdpDeflatorPct(p)) => {
                    growth_pct(|| format!("plan.{y}.deflator_growth_pct"), *p)?;
                }
                None => {}
            }
            if let Some(p) = yp.population_growth_pct {
                growth_pct(|| format!("plan.{y}.population_growth_pct"), p)?;
            }
            if let Some(e) = yp.employment_growth_pct {
                growth_pct(|| format!("plan.{y}.employment_growth_pct"), e)?;
            }
        }
        Ok(Self { years })
    }

    /// The year plans, in order.
    pub fn years(&self) -> &[YearPlan] {
        &self.years
    }

    /// The plan of one year.
    pub fn year(&self, year: i32) -> Option<&YearPlan> {
        self.years.iter().find(|y| y.year == year)
    }

    /// A copy with the real growth of `year` replaced (used by the solvers'
    /// round-trip checks and by what-if questions).
    pub fn with_real_growth(&self, year: i32, growth_pct: Vec<f64>) -> Self {
        let mut out = self.clone();
        if let Some(yp) = out.years.iter_mut().find(|y| y.year == year) {
            yp.real_growth_pct = growth_pct;
        }
        out
    }
}
