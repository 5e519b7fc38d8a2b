//! One year of the economy: the step the projection takes through the plan
//! and every simulated path takes through its draws. The economics of a
//! year live here once.
//!
//! From last year's state (constant-2010-price weights `w`, fractions
//! summing to 1; current-price levels `Y`, billion VND; population and
//! employment, thousand persons) and this year's real growth `g` by
//! component (percent), prices, population and employment growth:
//!
//! - aggregate real growth `G = Σ w_i g_i` (percent), and each component's
//!   contribution `w_i g_i` (percentage points);
//! - current-price levels `Y'_i = Y_i (1 + g_i/100)(1 + π_i)`, where a
//!   common GRDP deflator `p` sets one price change `c` for every component
//!   with `(1 + c) Σ Y_i (1 + g_i/100) = (1 + p)(1 + G/100) Σ Y_i`;
//! - nominal growth, the implicit deflator, per capita and productivity;
//! - then [`PathState::advance`] rolls the weights forward,
//!   `w'_i = w_i (1 + g_i/100) / Σ_j w_j (1 + g_j/100)`, and the levels.
//!
//! The state is allocated once and reused, so a simulation takes the step
//! millions of times without allocating. Its per-component numbers live in
//! [`Lanes`]: a `Vec<f64>` of any length (the projection), or an array
//! `[f64; K]` whose length the compiler knows, so the year's loops unroll
//! and carry no bounds checks (a simulation of a small economy). Both run
//! the same code, so they give the same bits.

use std::fmt::Debug;

use crate::targets::Indicator;

/// Storage for one number per component: `Vec<f64>` for any number of
/// components, `[f64; K]` for exactly `K`.
pub trait Lanes: AsRef<[f64]> + AsMut<[f64]> + Clone + Debug + PartialEq {
    /// `k` zeros.
    ///
    /// # Panics
    /// For `[f64; K]`, when `k != K` (a programming error, never user data).
    fn zeros(k: usize) -> Self;
}

impl Lanes for Vec<f64> {
    fn zeros(k: usize) -> Self {
        vec![0.0; k]
    }
}

impl<const K: usize> Lanes for [f64; K] {
    fn zeros(k: usize) -> Self {
        assert_eq!(k, K, "a state for {K} components asked to hold {k}");
        [0.0; K]
    }
}

/// How prices move in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YearPrices<'a> {
    /// One GRDP deflator growth (a fraction: 0.04 for 4 %); sector prices
    /// move together, scaled so the implicit GRDP deflator grows by exactly this.
    Common(f64),
    /// Deflator growth per component (fractions).
    PerComponent(&'a [f64]),
    /// Not given: current-price figures are unknown from this year on.
    Unknown,
}

/// What one year takes as given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearInputs<'a> {
    /// Real growth per component at constant 2010 prices, percent.
    pub growth_pct: &'a [f64],
    /// Prices.
    pub prices: YearPrices<'a>,
    /// Population growth (a fraction); `None` leaves population unknown.
    pub population_growth: Option<f64>,
    /// Employment growth (a fraction); `None` leaves employment unknown.
    pub employment_growth: Option<f64>,
}

/// The state carried from one year to the next, its per-component numbers
/// in `L` (see [`Lanes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct PathState<L: Lanes = Vec<f64>> {
    /// Last year's constant-price weights, fractions summing to 1.
    weights: L,
    /// Last year's current-price levels, billion VND (meaningful while `levels`).
    current: L,
    /// This year's current-price levels, billion VND.
    next_current: L,
    /// This year's deflator growth per component, fractions.
    price: L,
    /// This year's volume factors `1 + g/100` (floored at 0), from the last
    /// [`step`](PathState::step): computed once, used for the levels and the
    /// roll-forward of the weights.
    factor: L,
    /// Whether current-price levels are tracked (known so far, and wanted).
    levels: bool,
    population: Option<f64>,
    employed: Option<f64>,
}

/// What one year shows: every indicator a target can name. Figures that
/// cannot be known (no prices, no population) are NaN.
#[derive(Debug, Clone, Copy)]
pub struct YearFigures<'a> {
    /// Aggregate real growth, percent.
    pub growth_pct: f64,
    /// Real growth per component, percent.
    pub component_growth_pct: &'a [f64],
    /// The weights this year's growth used (last year's constant-price
    /// structure), fractions.
    pub weights: &'a [f64],
    /// Current-price levels per component, billion VND; `None` when unknown.
    pub current_bn_vnd: Option<&'a [f64]>,
    /// Deflator growth per component, fractions; `None` when unknown.
    pub price_growth: Option<&'a [f64]>,
    /// GRDP at current prices, billion VND.
    pub grdp_current_bn_vnd: f64,
    /// Nominal GRDP growth, percent.
    pub nominal_growth_pct: f64,
    /// Average population, thousand persons.
    pub population_thousand: Option<f64>,
    /// Employed workers, thousand persons.
    pub employed_thousand: Option<f64>,
    /// Employment growth (a fraction), where given.
    pub employment_growth: Option<f64>,
}

impl YearFigures<'_> {
    /// Component `i`'s contribution to aggregate growth, percentage points.
    #[inline]
    pub fn contribution_pp(&self, i: usize) -> f64 {
        self.weights[i] * self.component_growth_pct[i]
    }

    /// Growth of the implicit GRDP deflator, percent:
    /// `(1 + nominal) / (1 + real) − 1`.
    #[inline]
    pub fn deflator_growth_pct(&self) -> f64 {
        100.0 * ((1.0 + self.nominal_growth_pct / 100.0) / (1.0 + self.growth_pct / 100.0) - 1.0)
    }

    /// GRDP per capita at current prices, million VND per person.
    #[inline]
    pub fn per_capita_mn_vnd(&self) -> f64 {
        self.population_thousand
            .map_or(f64::NAN, |p| self.grdp_current_bn_vnd / p)
    }

    /// Labour productivity at current prices, million VND per worker.
    #[inline]
    pub fn productivity_mn_vnd(&self) -> f64 {
        self.employed_thousand
            .map_or(f64::NAN, |l| self.grdp_current_bn_vnd / l)
    }

    /// Real growth of labour productivity, percent:
    /// `(1 + g) / (1 + employment growth) − 1`.
    #[inline]
    pub fn productivity_growth_pct(&self) -> f64 {
        self.employment_growth.map_or(f64::NAN, |e| {
            100.0 * ((1.0 + self.growth_pct / 100.0) / (1.0 + e) - 1.0)
        })
    }

    /// Component `i`'s share of GRDP at current prices, percent.
    #[inline]
    pub fn share_current_pct(&self, i: usize) -> f64 {
        self.current_bn_vnd
            .map_or(f64::NAN, |y| 100.0 * y[i] / self.grdp_current_bn_vnd)
    }

    /// The value of `indicator` (of component `component` where it names
    /// one) this year; NaN where an input is unknown or the pair makes no
    /// sense (a share without a component).
    #[inline]
    pub fn value(&self, indicator: Indicator, component: Option<usize>) -> f64 {
        match (indicator, component) {
            (Indicator::GrowthPct, None) => self.growth_pct,
            (Indicator::GrowthPct, Some(i)) => self.component_growth_pct[i],
            (Indicator::ContributionPp, Some(i)) => self.contribution_pp(i),
            (Indicator::ShareCurrentPct, Some(i)) => self.share_current_pct(i),
            (Indicator::ContributionPp | Indicator::ShareCurrentPct, None) => f64::NAN,
            (Indicator::GrdpPerCapitaMnVnd, _) => self.per_capita_mn_vnd(),
            (Indicator::LabourProductivityMnVnd, _) => self.productivity_mn_vnd(),
            (Indicator::LabourProductivityGrowthPct, _) => self.productivity_growth_pct(),
            (Indicator::NominalGrowthPct, _) => self.nominal_growth_pct,
            (Indicator::DeflatorGrowthPct, _) => self.deflator_growth_pct(),
            (Indicator::GrdpCurrentBnVnd, _) => self.grdp_current_bn_vnd,
        }
    }
}

impl PathState {
    /// A state for `k` components, to be [`reset`](Self::reset) before each path.
    pub fn new(k: usize) -> Self {
        Self::zeroed(k)
    }
}

impl<L: Lanes> PathState<L> {
    /// A state for `k` components in lanes `L` (for `[f64; K]`, `k` must
    /// be `K`), to be [`reset`](Self::reset) before each path.
    pub fn zeroed(k: usize) -> Self {
        Self {
            weights: L::zeros(k),
            current: L::zeros(k),
            next_current: L::zeros(k),
            price: L::zeros(k),
            factor: L::zeros(k),
            levels: false,
            population: None,
            employed: None,
        }
    }

    /// Starts a path from the base year: constant-price weights (fractions
    /// summing to 1), current-price levels (billion VND; `None` when unknown
    /// or not wanted), population and employment (thousand persons).
    pub fn reset(
        &mut self,
        weights: &[f64],
        current_bn_vnd: Option<&[f64]>,
        population_thousand: Option<f64>,
        employed_thousand: Option<f64>,
    ) {
        self.weights.as_mut().copy_from_slice(weights);
        self.levels = current_bn_vnd.is_some();
        if let Some(y) = current_bn_vnd {
            self.current.as_mut().copy_from_slice(y);
        }
        self.population = population_thousand;
        self.employed = employed_thousand;
    }

    /// The weights the next step uses, fractions; a simulation may perturb
    /// them right after [`reset`](Self::reset) (and must keep them summing to 1).
    pub fn weights_mut(&mut self) -> &mut [f64] {
        self.weights.as_mut()
    }

    /// Takes one year. `shocks` is called once current prices are known, with
    /// this year's deflator growth per component (fractions) to perturb in
    /// place and whether population moves this year; it returns a shock to
    /// population growth (a fraction). A projection passes `|_, _| 0.0`.
    ///
    /// Call [`advance`](Self::advance) with the same growth after reading the figures.
    #[inline]
    pub fn step<'s, F>(&'s mut self, year: &YearInputs<'s>, shocks: F) -> YearFigures<'s>
    where
        F: FnOnce(&mut [f64], bool) -> f64,
    {
        let g = year.growth_pct;
        for (f, g) in self.factor.as_mut().iter_mut().zip(g) {
            *f = volume_factor(*g);
        }
        let growth: f64 = self
            .weights
            .as_ref()
            .iter()
            .zip(g)
            .map(|(w, g)| w * g)
            .sum();
        let mut current_total = f64::NAN;
        let mut nominal = f64::NAN;
        let mut population_shock = 0.0;
        if self.levels {
            let y_total: f64 = self.current.as_ref().iter().sum();
            match year.prices {
                YearPrices::Common(p) => {
                    let at_old: f64 = self
                        .current
                        .as_ref()
                        .iter()
                        .zip(self.factor.as_ref())
                        .map(|(y, f)| y * f)
                        .sum();
                    let c = (1.0 + p) * (1.0 + growth / 100.0) * y_total / at_old - 1.0;
                    self.price.as_mut().iter_mut().for_each(|x| *x = c);
                }
                YearPrices::PerComponent(v) => self.price.as_mut().copy_from_slice(v),
                YearPrices::Unknown => self.levels = false,
            }
            if self.levels {
                let moves = self.population.is_some() && year.population_growth.is_some();
                population_shock = shocks(self.price.as_mut(), moves);
                for (((next, y), f), pi) in self
                    .next_current
                    .as_mut()
                    .iter_mut()
                    .zip(self.current.as_ref())
                    .zip(self.factor.as_ref())
                    .zip(self.price.as_ref())
                {
                    *next = y * f * (1.0 + pi);
                }
                current_total = self.next_current.as_ref().iter().sum();
                nominal = 100.0 * (current_total / y_total - 1.0);
            }
        }
        self.population = match (self.population, year.population_growth) {
            (Some(p), Some(gp)) => Some(p * (1.0 + gp + population_shock)),
            _ => None,
        };
        self.employed = match (self.employed, year.employment_growth) {
            (Some(l), Some(ge)) => Some(l * (1.0 + ge)),
            _ => None,
        };
        YearFigures {
            growth_pct: growth,
            component_growth_pct: g,
            weights: self.weights.as_ref(),
            current_bn_vnd: self.levels.then_some(self.next_current.as_ref()),
            price_growth: self.levels.then_some(self.price.as_ref()),
            grdp_current_bn_vnd: current_total,
            nominal_growth_pct: nominal,
            population_thousand: self.population,
            employed_thousand: self.employed,
            employment_growth: year.employment_growth,
        }
    }

    /// Rolls the state forward after [`step`](Self::step): this year's
    /// constant-price structure becomes next year's weights, this year's
    /// current-price levels next year's base.
    #[inline]
    pub fn advance(&mut self, growth_pct: &[f64]) {
        for (f, g) in self.factor.as_mut().iter_mut().zip(growth_pct) {
            *f = volume_factor(*g);
        }
        self.roll_forward();
    }

    /// [`advance`](Self::advance) with the growth of the last
    /// [`step`](Self::step), whose volume factors the state kept: the same
    /// arithmetic, without computing them again.
    #[inline]
    pub fn roll_forward(&mut self) {
        for (w, f) in self.weights.as_mut().iter_mut().zip(self.factor.as_ref()) {
            *w *= f;
        }
        let total: f64 = self.weights.as_ref().iter().sum();
        if total > 0.0 {
            self.weights.as_mut().iter_mut().for_each(|w| *w /= total);
        }
        if self.levels {
            std::mem::swap(&mut self.current, &mut self.next_current);
        }
    }
}

/// A component's volume after a year of `growth_pct`: `1 + g/100`, never
/// below zero (a sector can lose all its output, not more), so no weight or
/// level ever turns negative.
#[inline]
fn volume_factor(growth_pct: f64) -> f64 {
    (1.0 + growth_pct / 100.0).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    #[test]
    fn a_common_deflator_moves_grdp_prices_by_exactly_that() {
        // Two sectors, 100 and 300 bn VND, growing 10 % and 0 %, weights ½ ½:
        // real growth 5 %. With a 4 % deflator, nominal GRDP is
        // 400 · 1.05 · 1.04 = 436.8, i.e. nominal growth 9.2 %.
        let mut s = PathState::new(2);
        s.reset(
            &[0.5, 0.5],
            Some(&[100.0, 300.0]),
            Some(1000.0),
            Some(500.0),
        );
        let growth = [10.0, 0.0];
        let f = s.step(
            &YearInputs {
                growth_pct: &growth,
                prices: YearPrices::Common(0.04),
                population_growth: Some(0.01),
                employment_growth: Some(0.02),
            },
            |_, moves| {
                assert!(moves);
                0.0
            },
        );
        assert_abs_diff_eq!(f.growth_pct, 5.0, epsilon = 1e-12);
        assert_abs_diff_eq!(f.grdp_current_bn_vnd, 436.8, epsilon = 1e-9);
        assert_abs_diff_eq!(f.nominal_growth_pct, 9.2, epsilon = 1e-9);
        assert_abs_diff_eq!(f.deflator_growth_pct(), 4.0, epsilon = 1e-9);
        // 436.8 bn VND over 1,010 thousand people: 0.432475 mn VND each.
        assert_abs_diff_eq!(f.per_capita_mn_vnd(), 436.8 / 1010.0, epsilon = 1e-12);
        // (1.05 / 1.02 − 1) = 2.941 %.
        assert_abs_diff_eq!(
            f.productivity_growth_pct(),
            2.941_176_470_588_2,
            epsilon = 1e-9
        );
        // The common change c: (1 + c)(110 + 300) = 436.8, c = 6.5366 %.
        assert_abs_diff_eq!(
            f.price_growth.unwrap()[0],
            436.8 / 410.0 - 1.0,
            epsilon = 1e-12
        );
        assert_abs_diff_eq!(f.contribution_pp(0), 5.0, epsilon = 1e-12);
        s.advance(&growth);
        // Next year's weights: 0.55 and 0.5 over 1.05.
        assert_abs_diff_eq!(s.weights[0], 0.55 / 1.05, epsilon = 1e-15);
    }

    #[test]
    fn unknown_prices_leave_current_figures_unknown_from_then_on() {
        let mut s = PathState::new(1);
        s.reset(&[1.0], Some(&[100.0]), None, None);
        let g = [5.0];
        let f = s.step(
            &YearInputs {
                growth_pct: &g,
                prices: YearPrices::Unknown,
                population_growth: None,
                employment_growth: None,
            },
            |_, _| unreachable!("no prices, no shocks"),
        );
        assert!(f.current_bn_vnd.is_none() && f.grdp_current_bn_vnd.is_nan());
        assert!(f.value(Indicator::ShareCurrentPct, Some(0)).is_nan());
        s.advance(&g);
        let f = s.step(
            &YearInputs {
                growth_pct: &g,
                prices: YearPrices::Common(0.02),
                population_growth: None,
                employment_growth: None,
            },
            |_, _| unreachable!("levels were lost a year ago"),
        );
        assert!(f.nominal_growth_pct.is_nan());
    }

    /// The simulation's fixed-size lanes run the projection's arithmetic:
    /// the same figures, to the bit, over several years.
    #[test]
    fn array_lanes_give_the_bits_of_vectors() {
        let mut v = PathState::new(3);
        let mut a = PathState::<[f64; 3]>::zeroed(3);
        for s in [&mut v as &mut dyn Reset, &mut a] {
            s.reset_to(
                &[0.2, 0.5, 0.3],
                Some(&[80.0, 420.0, 300.0]),
                Some(1000.0),
                Some(500.0),
            );
        }
        let growth = [[3.1, 9.7, -2.3], [-120.0, 8.8, 6.1], [1.0, 2.0, 3.0]];
        let prices = [0.04, 0.031, 0.05];
        for (g, p) in growth.iter().zip(prices) {
            let year = YearInputs {
                growth_pct: g,
                prices: YearPrices::Common(p),
                population_growth: Some(0.0039),
                employment_growth: Some(0.01),
            };
            let fv = v.step(&year, |pr, _| {
                pr[1] += 0.01;
                0.001
            });
            let fa = a.step(&year, |pr, _| {
                pr[1] += 0.01;
                0.001
            });
            for ind in [
                Indicator::GrowthPct,
                Indicator::NominalGrowthPct,
                Indicator::DeflatorGrowthPct,
                Indicator::GrdpCurrentBnVnd,
                Indicator::GrdpPerCapitaMnVnd,
                Indicator::LabourProductivityGrowthPct,
            ] {
                assert_eq!(fv.value(ind, None).to_bits(), fa.value(ind, None).to_bits());
            }
            for i in 0..3 {
                let share = Indicator::ShareCurrentPct;
                assert_eq!(
                    fv.value(share, Some(i)).to_bits(),
                    fa.value(share, Some(i)).to_bits()
                );
            }
            v.roll_forward();
            a.advance(g);
        }
        assert_eq!(v.weights.as_slice(), a.weights.as_slice());
    }

    trait Reset {
        fn reset_to(&mut self, w: &[f64], y: Option<&[f64]>, p: Option<f64>, l: Option<f64>);
    }

    impl<L: Lanes> Reset for PathState<L> {
        fn reset_to(&mut self, w: &[f64], y: Option<&[f64]>, p: Option<f64>, l: Option<f64>) {
            self.reset(w, y, p, l);
        }
    }
}
