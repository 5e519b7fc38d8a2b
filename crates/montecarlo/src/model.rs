//! A scenario, its uncertainty and one view, compiled for fast simulation.

use grdp_core::step::YearPrices;
use grdp_core::{Direction, Indicator, PricePath, Scenario};

use grdp_core::uncertainty::{Centre, UncertaintyError, UncertaintySpec, View, correlation};

use crate::error::{McError, RunSetting};
use crate::marginal::{Transform, compile, mean, std_normal_cdf};

/// The aggregate growth target a simulation estimates the probability of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MainTarget {
    /// The year.
    pub year: i32,
    /// The threshold, percent; the target is met when growth ≥ threshold (inclusive).
    pub threshold_pct: f64,
}

impl MainTarget {
    /// The scenario's aggregate growth target with a minimum, in the
    /// earliest year that has one.
    pub fn from_scenario(s: &Scenario) -> Option<Self> {
        s.targets()
            .targets()
            .iter()
            .filter(|t| t.indicator == Indicator::GrowthPct && t.component.is_none())
            .filter_map(|t| t.bound.min.map(|m| (t.year, m)))
            .min_by_key(|(y, _)| *y)
            .map(|(year, threshold_pct)| Self {
                year,
                threshold_pct,
            })
    }
}

/// A target ready to test per draw.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CompiledTarget {
    pub id: String,
    pub year_index: usize,
    pub indicator: Indicator,
    /// The component's index, for indicators of one component.
    pub component: Option<usize>,
    /// Which way the target points; `[lo, hi]` are the values that meet it.
    pub direction: Direction,
    pub lo: f64,
    pub hi: f64,
}

/// One target's test, listed under its year (see [`Model`]'s `tests`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct YearTest {
    /// The target's index in [`Model`]'s `targets`.
    pub slot: usize,
    pub indicator: Indicator,
    pub component: Option<usize>,
    /// `[lo, hi]` are the values that meet the target.
    pub lo: f64,
    pub hi: f64,
}

impl CompiledTarget {
    /// Whether the target is on aggregate real growth.
    pub(crate) fn is_aggregate_growth(&self) -> bool {
        self.indicator == Indicator::GrowthPct && self.component.is_none()
    }
}

/// Prices of one year.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Prices {
    /// One GRDP deflator growth (fraction); sector prices move together.
    Common(f64),
    /// Deflator growth per component (fractions).
    PerComponent(Vec<f64>),
    /// Not given: current-price figures unknown.
    Unknown,
}

impl Prices {
    /// The year step's view of these prices.
    pub(crate) fn as_year_prices(&self) -> YearPrices<'_> {
        match self {
            Prices::Common(p) => YearPrices::Common(*p),
            Prices::PerComponent(v) => YearPrices::PerComponent(v),
            Prices::Unknown => YearPrices::Unknown,
        }
    }
}

/// The compiled model of one view.
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) k: usize,
    pub(crate) ids: Vec<String>,
    pub(crate) years: Vec<i32>,
    pub(crate) transforms: Vec<Vec<Transform>>,
    /// Lower Cholesky factor, row-major; `None` for independent components.
    pub(crate) chol: Option<Vec<f64>>,
    pub(crate) persistence: f64,
    pub(crate) base_weights: Vec<f64>,
    pub(crate) weight_sd: Option<Vec<f64>>,
    pub(crate) base_current: Option<Vec<f64>>,
    pub(crate) base_population: Option<f64>,
    pub(crate) base_employed: Option<f64>,
    pub(crate) prices: Vec<Prices>,
    pub(crate) price_sd: Option<Vec<f64>>,
    pub(crate) population_growth: Vec<Option<f64>>,
    pub(crate) population_sd: Option<f64>,
    pub(crate) employment_growth: Vec<Option<f64>>,
    pub(crate) targets: Vec<CompiledTarget>,
    /// The targets' tests grouped by plan year: year `t` tests
    /// `tests[tests_by_year[t].0..tests_by_year[t].1]`, so a path checks
    /// only what each year must show.
    pub(crate) tests: Vec<YearTest>,
    pub(crate) tests_by_year: Vec<(usize, usize)>,
    pub(crate) main_index: usize,
    pub(crate) main: MainTarget,
    pub(crate) needs_levels: bool,
    /// `G = c0 + a · z` when the model is one year of normal marginals with
    /// fixed weights and nothing else random.
    pub(crate) linear: Option<(f64, Vec<f64>)>,
    /// Each component's centre under this view, main year, percent.
    pub(crate) centres: Vec<f64>,
    /// The standard-normal sampler.
    pub(crate) normal: crate::normal::Ziggurat,
}

impl Model {
    /// Whether [`simulate_paired`](crate::simulate_paired) runs the record
    /// of past shortfalls on the plain run's own paths (every model but
    /// those of the linear fast loop).
    pub fn pairs_on_common_draws(&self) -> bool {
        self.linear.is_none()
    }

    /// Compiles `scenario` with `spec` under `view`, aiming at `main`.
    pub fn new(
        scenario: &Scenario,
        spec: &UncertaintySpec,
        view: &View,
        main: MainTarget,
    ) -> Result<Self, McError> {
        let economy = scenario.economy();
        let k = economy.len();
        let ids: Vec<String> = economy.components().iter().map(|c| c.id.clone()).collect();
        let plan = scenario.plan();
        let years: Vec<i32> = plan.years().iter().map(|y| y.year).collect();
        spec.validate(&ids, &years)?;
        let main_index =
            years
                .iter()
                .position(|y| *y == main.year)
                .ok_or_else(|| McError::InvalidSetting {
                    setting: RunSetting::TargetYear,
                    message: format!(
                        "found {}; expected a plan year ({}), or a [[plan]] for it",
                        main.year,
                        years
                            .iter()
                            .map(i32::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                })?;
        if !main.threshold_pct.is_finite() {
            return Err(McError::InvalidSetting {
                setting: RunSetting::Target,
                message: format!(
                    "found {}; expected a finite growth rate in percent",
                    main.threshold_pct
                ),
            });
        }
        let mut transforms = Vec::with_capacity(years.len());
        let mut centres = vec![0.0; k];
        for (t, yp) in plan.years().iter().enumerate() {
            let mut row = Vec::with_capacity(k);
            for i in 0..k {
                let marginal = spec.marginal(yp.year, i);
                let planned = yp.real_growth_pct[i];
                // What the distribution as written centres on: its mean.
                let written = mean(marginal, planned);
                let centre = match &view.centre {
                    Centre::Plan => planned,
                    Centre::AsWritten => written,
                    Centre::PlanMinus { shortfall_pp } => planned - shortfall_pp,
                    Centre::Growth { growth_pct } => growth_pct[i],
                };
                if t == main_index {
                    centres[i] = centre;
                }
                let transform = compile(marginal, planned, centre - written);
                let share = collapse_probability(&transform);
                if share >= MAX_COLLAPSE_PROBABILITY {
                    let field = match (&view.centre, spec.growth_by_year.get(&yp.year)) {
                        (Centre::PlanMinus { .. }, _) if centre <= -100.0 => {
                            format!("uncertainty.view.{}.shortfall_pp", view.id)
                        }
                        (_, Some(by)) if by.contains_key(&i) => {
                            format!("uncertainty.by_year.{}.{}", yp.year, ids[i])
                        }
                        _ => format!("uncertainty.growth.{}", ids[i]),
                    };
                    return Err(UncertaintyError::InvalidParameter {
                        field,
                        message: format!(
                            "under the view `{}`, {} of the draws of {} growth in {} are at or below -100% (centre {centre:.2}%); a sector cannot lose all its output. Expected a distribution that keeps growth above -100%: a smaller spread, a centre further from -100%, or bounds (truncated_normal)",
                            view.id,
                            share_text(share),
                            ids[i],
                            yp.year
                        ),
                    }
                    .into());
                }
                row.push(transform);
            }
            transforms.push(row);
        }
        let chol = match &spec.rank_correlation {
            Some(r) => Some(correlation::latent_cholesky(
                "uncertainty.rank_correlation",
                r,
                &ids,
            )?),
            None => None,
        };
        let prices = plan
            .years()
            .iter()
            .map(|y| match &y.prices {
                Some(PricePath::GrdpDeflatorPct(p)) => Prices::Common(p / 100.0),
                Some(PricePath::PerComponentPct(v)) => {
                    Prices::PerComponent(v.iter().map(|p| p / 100.0).collect())
                }
                None => Prices::Unknown,
            })
            .collect();
        let targets = compile_targets(scenario, &years)?;
        let (tests, tests_by_year) = tests_by_year(&targets, years.len());
        let needs_levels = targets.iter().any(|t| {
            !matches!(
                t.indicator,
                Indicator::GrowthPct | Indicator::ContributionPp
            )
        });
        let base = economy.base();
        let weight_sd = spec
            .inputs
            .constant_weight_sd_pp
            .as_ref()
            .filter(|v| v.iter().any(|x| *x > 0.0))
            .map(|v| v.iter().map(|x| x / 100.0).collect());
        let price_sd = spec
            .inputs
            .price_growth_sd_pp
            .as_ref()
            .filter(|v| v.iter().any(|x| *x > 0.0))
            .map(|v| v.iter().map(|x| x / 100.0).collect::<Vec<f64>>());
        let mut model = Self {
            k,
            ids,
            transforms,
            chol,
            persistence: spec.persistence,
            base_weights: economy.base_weights().to_vec(),
            weight_sd,
            base_current: base.current_bn_vnd.clone(),
            base_population: base.population_thousand,
            base_employed: base.employed_thousand,
            prices,
            price_sd,
            population_growth: plan
                .years()
                .iter()
                .map(|y| y.population_growth_pct.map(|p| p / 100.0))
                .collect(),
            population_sd: spec
                .inputs
                .population_growth_sd_pp
                .filter(|p| *p > 0.0)
                .map(|p| p / 100.0),
            employment_growth: plan
                .years()
                .iter()
                .map(|y| y.employment_growth_pct.map(|p| p / 100.0))
                .collect(),
            targets,
            tests,
            tests_by_year,
            main_index,
            main,
            needs_levels,
            linear: None,
            centres,
            years,
            normal: crate::normal::Ziggurat::new(),
        };
        model.linear = model.linear_form();
        Ok(model)
    }

    /// `G = c0 + Σ a_j z_j` where that is exact.
    fn linear_form(&self) -> Option<(f64, Vec<f64>)> {
        if self.years.len() != 1 || self.weight_sd.is_some() || self.needs_levels {
            return None;
        }
        let lin: Option<Vec<(f64, f64)>> = self.transforms[0]
            .iter()
            .map(Transform::as_linear)
            .collect();
        let lin = lin?;
        // Exact only where no component can reach −100 % (the general path
        // floors it there): beyond 8 standard deviations, below 10⁻¹⁵ a draw.
        if lin.iter().any(|(mu, sd)| mu - 8.0 * sd <= -100.0) {
            return None;
        }
        let w = &self.base_weights;
        let c0: f64 = w.iter().zip(&lin).map(|(wi, (mu, _))| wi * mu).sum();
        // a_j = Σ_i w_i sd_i L_ij
        let k = self.k;
        let a = (0..k)
            .map(|j| {
                (0..k)
                    .map(|i| {
                        let l = self
                            .chol
                            .as_ref()
                            .map_or(if i == j { 1.0 } else { 0.0 }, |c| c[i * k + j]);
                        w[i] * lin[i].1 * l
                    })
                    .sum()
            })
            .collect();
        Some((c0, a))
    }

    /// Component ids, in order.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// The target the probability is about.
    pub fn main(&self) -> MainTarget {
        self.main
    }

    /// Each component's centre in the target year under this view, percent.
    pub fn centres(&self) -> &[f64] {
        &self.centres
    }
}

fn compile_targets(scenario: &Scenario, years: &[i32]) -> Result<Vec<CompiledTarget>, McError> {
    let economy = scenario.economy();
    let mut out = Vec::new();
    for t in scenario.targets().targets() {
        let Some(year_index) = years.iter().position(|y| *y == t.year) else {
            continue;
        };
        let component = t.component.as_deref().and_then(|c| economy.index_of(c));
        // A draw meets the target as the projection does: by its direction.
        let (lo, hi) = t.met_interval();
        if component.is_none()
            && matches!(
                t.indicator,
                Indicator::ShareCurrentPct | Indicator::ContributionPp
            )
        {
            continue;
        }
        out.push(CompiledTarget {
            id: t.id.clone(),
            year_index,
            indicator: t.indicator,
            component,
            direction: t.direction,
            lo,
            hi,
        });
    }
    Ok(out)
}

/// The targets' tests in year order (each year's in the targets' order),
/// and each year's range in that list.
fn tests_by_year(targets: &[CompiledTarget], years: usize) -> (Vec<YearTest>, Vec<(usize, usize)>) {
    let mut tests = Vec::with_capacity(targets.len());
    let mut ranges = Vec::with_capacity(years);
    for t in 0..years {
        let from = tests.len();
        tests.extend(
            targets
                .iter()
                .enumerate()
                .filter(|(_, c)| c.year_index == t)
                .map(|(slot, c)| YearTest {
                    slot,
                    indicator: c.indicator,
                    component: c.component,
                    lo: c.lo,
                    hi: c.hi,
                }),
        );
        ranges.push((from, tests.len()));
    }
    (tests, ranges)
}

/// The largest share of draws a specification may put at or below −100 %
/// growth (a sector losing all its output): one in ten thousand. Beyond it
/// the specification is refused; below it, the draws that still cross are
/// floored at −100 % and counted ([`crate::SimResult::paths_at_or_below_minus_100_pct`]).
pub const MAX_COLLAPSE_PROBABILITY: f64 = 1e-4;

/// P(growth ≤ −100 %) of a transform of a standard normal score: `Φ(x*)`
/// for the largest `x*` whose growth is at or below −100 (transforms never
/// decrease), found by bisection.
fn collapse_probability(t: &Transform) -> f64 {
    const FAR: f64 = 38.0;
    if t.apply(-FAR) > -100.0 {
        return 0.0;
    }
    if t.apply(FAR) <= -100.0 {
        return 1.0;
    }
    let (mut lo, mut hi) = (-FAR, FAR);
    for _ in 0..80 {
        let mid = 0.5 * (lo + hi);
        if t.apply(mid) <= -100.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    std_normal_cdf(lo)
}

/// A share of draws in words: "3.3%", "0.012%", "all".
fn share_text(p: f64) -> String {
    if p >= 0.9995 {
        "all".into()
    } else if p >= 0.001 {
        format!("{:.1}%", 100.0 * p)
    } else {
        format!("{:.3}%", 100.0 * p)
    }
}
