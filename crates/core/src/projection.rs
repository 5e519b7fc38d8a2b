//! The projection: levels, growth, contributions and structure, year by year.
//!
//! With constant-2010-price levels `V[i,t]` (additive, no chain-linking),
//! weights `w[i,t-1] = V[i,t-1] / V[t-1]`, aggregate real growth is exactly
//! `g[t] = Σ w[i,t-1] · g[i,t]` and component `i` contributes
//! `c[i,t] = 100 · w[i,t-1] · g[i,t]` percentage points. Current-price levels
//! follow `Y[i,t] = Y[i,t-1] · (1 + g[i,t]) · (1 + π[i,t])`.

use serde::Serialize;

use crate::economy::{ComponentKind, Economy};
use crate::plan::{Plan, PricePath};
use crate::step::{PathState, YearInputs, YearPrices};

/// One component in one projected year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentYear {
    /// Component id.
    pub id: String,
    /// Real growth at constant 2010 prices, percent.
    pub growth_pct: f64,
    /// Weight: share of last year's constant-2010-price GRDP, percent.
    pub weight_pct: f64,
    /// Contribution to aggregate real growth, percentage points.
    pub contribution_pp: f64,
    /// Share of the increase in value added, percent (the national office's
    /// convention: over value-added components only, so they sum to 100);
    /// `null` for product taxes and when value added did not change.
    pub share_of_increase_pct: Option<f64>,
    /// Deflator growth of this component, percent; `null` if prices are unknown.
    pub price_growth_pct: Option<f64>,
    /// Share of GRDP at current prices (structure), percent.
    pub share_current_pct: Option<f64>,
    /// Level at constant 2010 prices, billion VND; `null` where the base gives only weights.
    pub constant_bn_vnd: Option<f64>,
    /// Level at current prices, billion VND.
    pub current_bn_vnd: Option<f64>,
}

/// Aggregate and component figures of one projected year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearResult {
    /// Calendar year.
    pub year: i32,
    /// Real GRDP growth at constant 2010 prices, percent.
    pub growth_pct: f64,
    /// Nominal GRDP growth at current prices, percent.
    pub nominal_growth_pct: Option<f64>,
    /// Growth of the implicit GRDP deflator, percent: `(1 + nominal) / (1 + real) − 1`.
    pub deflator_growth_pct: Option<f64>,
    /// GRDP at constant 2010 prices, billion VND.
    pub grdp_constant_bn_vnd: Option<f64>,
    /// GRDP at current prices, billion VND.
    pub grdp_current_bn_vnd: Option<f64>,
    /// Average population, thousand persons.
    pub population_thousand: Option<f64>,
    /// Employed workers, thousand persons.
    pub employed_thousand: Option<f64>,
    /// GRDP per capita at current prices, million VND per person.
    pub grdp_per_capita_mn_vnd: Option<f64>,
    /// Labour productivity at current prices, million VND per worker.
    pub labour_productivity_mn_vnd: Option<f64>,
    /// Real growth of labour productivity (constant prices), percent:
    /// `(1 + g) / (1 + employment growth) − 1`.
    pub labour_productivity_growth_pct: Option<f64>,
    /// The components, in the economy's order.
    pub components: Vec<ComponentYear>,
}

/// The base year as the projection starts from it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BaseSnapshot {
    /// Calendar year.
    pub year: i32,
    /// GRDP at constant 2010 prices, billion VND.
    pub grdp_constant_bn_vnd: Option<f64>,
    /// GRDP at current prices, billion VND.
    pub grdp_current_bn_vnd: Option<f64>,
    /// Average population, thousand persons.
    pub population_thousand: Option<f64>,
    /// Employed workers, thousand persons.
    pub employed_thousand: Option<f64>,
    /// GRDP per capita at current prices, million VND per person.
    pub grdp_per_capita_mn_vnd: Option<f64>,
    /// Labour productivity at current prices, million VND per worker.
    pub labour_productivity_mn_vnd: Option<f64>,
    /// Constant-price weights, percent, per component.
    pub weight_pct: Vec<f64>,
    /// Current-price structure, percent, per component.
    pub share_current_pct: Option<Vec<f64>>,
}

/// The whole projection: the base year and every planned year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    /// The base year.
    pub base: BaseSnapshot,
    /// One result per planned year, in order.
    pub years: Vec<YearResult>,
}

impl Projection {
    /// The result of one year.
    pub fn year(&self, year: i32) -> Option<&YearResult> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The weights that apply to `year`'s growth, as fractions: the
    /// constant-price structure of the year before, and the year before's
    /// current-price structure where known. `None` for a year outside the projection.
    pub fn weights_for(&self, year: i32) -> Option<(Vec<f64>, Option<Vec<f64>>)> {
        let this = self.year(year)?;
        let constant = this
            .components
            .iter()
            .map(|c| c.weight_pct / 100.0)
            .collect();
        let current = if year == self.base.year + 1 {
            self.base
                .share_current_pct
                .as_ref()
                .map(|s| s.iter().map(|p| p / 100.0).collect())
        } else {
            self.year(year - 1)?
                .components
                .iter()
                .map(|c| c.share_current_pct.map(|p| p / 100.0))
                .collect::<Option<Vec<f64>>>()
        };
        Some((constant, current))
    }
}

fn ratio(num: Option<f64>, den: Option<f64>) -> Option<f64> {
    match (num, den) {
        (Some(n), Some(d)) if d > 0.0 => Some(n / d),
        _ => None,
    }
}

/// Projects the economy through every year of the plan, one
/// [`PathState::step`] a year: the same step every simulated path takes.
///
/// Total: it cannot fail on a validated economy and plan, and every
/// finite input yields finite output unless levels overflow `f64`
/// (growth of thousands of percent over centuries), which callers check.
pub fn project(economy: &Economy, plan: &Plan) -> Projection {
    let n = economy.len();
    let base = economy.base();
    // Constant-price levels in billion VND where the base gives them.
    let scale = economy.base_constant_total_bn_vnd();
    let mut volume: Vec<f64> = economy
        .base_weights()
        .iter()
        .map(|w| w * scale.unwrap_or(1.0))
        .collect();
    let base_current_total = base.current_bn_vnd.as_ref().map(|c| c.iter().sum::<f64>());
    let base_snapshot = BaseSnapshot {
        year: base.year,
        grdp_constant_bn_vnd: scale,
        grdp_current_bn_vnd: base_current_total,
        population_thousand: base.population_thousand,
        employed_thousand: base.employed_thousand,
        grdp_per_capita_mn_vnd: ratio(base_current_total, base.population_thousand),
        labour_productivity_mn_vnd: ratio(base_current_total, base.employed_thousand),
        weight_pct: economy.base_weights().iter().map(|w| 100.0 * w).collect(),
        share_current_pct: economy.base_shares_current_pct(),
    };

    let mut state = PathState::new(n);
    state.reset(
        economy.base_weights(),
        base.current_bn_vnd.as_deref(),
        base.population_thousand,
        base.employed_thousand,
    );
    let mut years = Vec::with_capacity(plan.years().len());
    for yp in plan.years() {
        let prices: Option<Vec<f64>> = match &yp.prices {
            Some(PricePath::PerComponentPct(p)) => Some(p.iter().map(|x| x / 100.0).collect()),
            _ => None,
        };
        let inputs = YearInputs {
            growth_pct: &yp.real_growth_pct,
            prices: match (&yp.prices, &prices) {
                (Some(PricePath::GrdpDeflatorPct(p)), _) => YearPrices::Common(p / 100.0),
                (_, Some(v)) => YearPrices::PerComponent(v),
                _ => YearPrices::Unknown,
            },
            population_growth: yp.population_growth_pct.map(|p| p / 100.0),
            employment_growth: yp.employment_growth_pct.map(|p| p / 100.0),
        };
        let f = state.step(&inputs, |_, _| 0.0);
        let known = |v: f64| (!v.is_nan()).then_some(v);
        let current_total = f.current_bn_vnd.map(|_| f.grdp_current_bn_vnd);
        // Without current-price levels, per-component prices are still what the plan says.
        let price = f
            .price_growth
            .map(<[f64]>::to_vec)
            .or_else(|| prices.clone());
        let nominal_growth_pct = f.current_bn_vnd.map(|_| f.nominal_growth_pct);

        // Share of the increase over value added only (GSO convention).
        let va_increase_pp: f64 = economy
            .components()
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind == ComponentKind::ValueAdded)
            .map(|(i, _)| f.contribution_pp(i))
            .sum();
        for (v, g) in volume.iter_mut().zip(&yp.real_growth_pct) {
            *v *= 1.0 + g / 100.0;
        }
        let components = economy
            .components()
            .iter()
            .enumerate()
            .map(|(i, c)| ComponentYear {
                id: c.id.clone(),
                growth_pct: yp.real_growth_pct[i],
                weight_pct: 100.0 * f.weights[i],
                contribution_pp: f.contribution_pp(i),
                share_of_increase_pct: (c.kind == ComponentKind::ValueAdded
                    && va_increase_pp.abs() > f64::EPSILON)
                    .then(|| 100.0 * f.contribution_pp(i) / va_increase_pp),
                price_growth_pct: price.as_ref().map(|p| 100.0 * p[i]),
                share_current_pct: f.current_bn_vnd.map(|_| f.share_current_pct(i)),
                constant_bn_vnd: scale.map(|_| volume[i]),
                current_bn_vnd: f.current_bn_vnd.map(|cur| cur[i]),
            })
            .collect();
        years.push(YearResult {
            year: yp.year,
            growth_pct: f.growth_pct,
            nominal_growth_pct,
            deflator_growth_pct: nominal_growth_pct.map(|_| f.deflator_growth_pct()),
            grdp_constant_bn_vnd: scale.map(|_| volume.iter().sum()),
            grdp_current_bn_vnd: current_total,
            population_thousand: f.population_thousand,
            employed_thousand: f.employed_thousand,
            grdp_per_capita_mn_vnd: ratio(current_total, f.population_thousand),
            labour_productivity_mn_vnd: ratio(current_total, f.employed_thousand),
            labour_productivity_growth_pct: known(f.productivity_growth_pct()),
            components,
        });
        state.advance(&yp.real_growth_pct);
    }
    Projection {
        base: base_snapshot,
        years,
    }
}
