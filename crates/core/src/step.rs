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
//! millions of times without allocating. The step is written once for any
//! [`Real`]: `f64`, one path (the projection), or [`Paths`], several
//! simulated paths side by side, each lane computed with exactly the
//! operations of `f64` in the same order (the compiler packs the lanes into
//! SIMD registers, so two or four paths cost little more than one). Its
//! per-component numbers live in [`Components`]: a `Vec` of any length, or
//! an array `[R; K]` whose length the compiler knows, so the loops unroll
//! and carry no bounds checks. Every combination gives the same bits.

use std::fmt::Debug;
use std::ops::{Add, Div, Mul, Sub};

use crate::targets::Indicator;

/// A number the year step computes with: `f64` for one path, [`Paths`] for
/// several side by side. Every operation acts on each lane as it does on
/// `f64` (IEEE 754 arithmetic, correctly rounded), so a lane's result does
/// not depend on its neighbours or on how many there are.
pub trait Real:
    Copy
    + Debug
    + PartialEq
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
{
    /// Paths side by side.
    const LANES: usize;
    /// `x` in every lane.
    fn splat(x: f64) -> Self;
    /// Lane `i` (`i < LANES`).
    fn lane(self, i: usize) -> f64;
    /// The lanes `f(0)`, `f(1)`, ….
    fn from_fn(f: impl FnMut(usize) -> f64) -> Self;
    /// [`f64::max`] in every lane.
    fn max(self, other: Self) -> Self;
    /// [`f64::min`] in every lane.
    fn min(self, other: Self) -> Self;
    /// In every lane, `floor` where `self <= floor`, else `self` (NaN stays).
    fn floor_at(self, floor: f64) -> Self;
    /// In every lane, `yes` where `self > 0`, else `no`.
    fn if_positive(self, yes: Self, no: Self) -> Self;
}

impl Real for f64 {
    const LANES: usize = 1;
    #[inline]
    fn splat(x: f64) -> Self {
        x
    }
    #[inline]
    fn lane(self, _: usize) -> f64 {
        self
    }
    #[inline]
    fn from_fn(mut f: impl FnMut(usize) -> f64) -> Self {
        f(0)
    }
    #[inline]
    fn max(self, other: Self) -> Self {
        f64::max(self, other)
    }
    #[inline]
    fn min(self, other: Self) -> Self {
        f64::min(self, other)
    }
    #[inline]
    fn floor_at(self, floor: f64) -> Self {
        if self <= floor { floor } else { self }
    }
    #[inline]
    fn if_positive(self, yes: Self, no: Self) -> Self {
        if self > 0.0 { yes } else { no }
    }
}

/// `P` paths side by side: each lane is an `f64`, and every operation is
/// `f64`'s, lane by lane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paths<const P: usize>(pub [f64; P]);

macro_rules! lanewise {
    ($($trait:ident $method:ident $op:tt),*) => {$(
        impl<const P: usize> $trait for Paths<P> {
            type Output = Self;
            #[inline(always)]
            fn $method(self, rhs: Self) -> Self {
                Paths(std::array::from_fn(|i| self.0[i] $op rhs.0[i]))
            }
        }
    )*};
}
lanewise!(Add add +, Sub sub -, Mul mul *, Div div /);

impl<const P: usize> Real for Paths<P> {
    const LANES: usize = P;
    #[inline(always)]
    fn splat(x: f64) -> Self {
        Paths([x; P])
    }
    #[inline(always)]
    fn lane(self, i: usize) -> f64 {
        self.0[i]
    }
    #[inline(always)]
    fn from_fn(f: impl FnMut(usize) -> f64) -> Self {
        Paths(std::array::from_fn(f))
    }
    #[inline(always)]
    fn max(self, other: Self) -> Self {
        Paths(std::array::from_fn(|i| f64::max(self.0[i], other.0[i])))
    }
    #[inline(always)]
    fn min(self, other: Self) -> Self {
        Paths(std::array::from_fn(|i| f64::min(self.0[i], other.0[i])))
    }
    #[inline(always)]
    fn floor_at(self, floor: f64) -> Self {
        Paths(std::array::from_fn(|i| {
            if self.0[i] <= floor { floor } else { self.0[i] }
        }))
    }
    #[inline(always)]
    fn if_positive(self, yes: Self, no: Self) -> Self {
        Paths(std::array::from_fn(|i| {
            if self.0[i] > 0.0 { yes.0[i] } else { no.0[i] }
        }))
    }
}

/// `Σ x` from the left, starting at −0 as `f64`'s [`Sum`](std::iter::Sum) does.
#[inline(always)]
pub fn sum<R: Real>(x: impl IntoIterator<Item = R>) -> R {
    let mut total = R::splat(-0.0);
    for b in x {
        total = total + b;
    }
    total
}

/// Storage for one number per component: `Vec<R>` for any number of
/// components, `[R; K]` for exactly `K`.
pub trait Components<R: Real>: AsRef<[R]> + AsMut<[R]> + Clone + Debug + PartialEq {
    /// `k` zeros.
    ///
    /// # Panics
    /// For `[R; K]`, when `k != K` (a programming error, never user data).
    fn zeros(k: usize) -> Self;
}

impl<R: Real> Components<R> for Vec<R> {
    fn zeros(k: usize) -> Self {
        vec![R::splat(0.0); k]
    }
}

impl<R: Real, const K: usize> Components<R> for [R; K] {
    fn zeros(k: usize) -> Self {
        assert_eq!(k, K, "a state for {K} components asked to hold {k}");
        [R::splat(0.0); K]
    }
}

/// The random part of a year, applied by [`PathState::step`] once current
/// prices are known: this year's deflator growth per component (fractions)
/// to perturb in place, and whether population moves this year; it returns
/// a shock to population growth (a fraction). Any
/// `FnOnce(&mut [R], bool) -> R` is one; a type of its own can be inlined
/// into [`PathState::step_with`] (a closure's body may not be).
pub trait Shocks<R: Real> {
    /// Perturbs `price` in place and returns the population shock.
    fn apply(self, price: &mut [R], population_moves: bool) -> R;
}

impl<R: Real, F: FnOnce(&mut [R], bool) -> R> Shocks<R> for F {
    #[inline(always)]
    fn apply(self, price: &mut [R], population_moves: bool) -> R {
        self(price, population_moves)
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

/// What one year takes as given (growth per path in `R`; prices,
/// population and employment growth are the same for every path).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearInputs<'a, R: Real = f64> {
    /// Real growth per component at constant 2010 prices, percent.
    pub growth_pct: &'a [R],
    /// Prices.
    pub prices: YearPrices<'a>,
    /// Population growth (a fraction); `None` leaves population unknown.
    pub population_growth: Option<f64>,
    /// Employment growth (a fraction); `None` leaves employment unknown.
    pub employment_growth: Option<f64>,
}

/// The state carried from one year to the next: of one path (`R = f64`)
/// or of several side by side ([`Paths`]), its per-component numbers in
/// `C` (see [`Components`]).
#[derive(Debug, Clone, PartialEq)]
pub struct PathState<R: Real = f64, C: Components<R> = Vec<R>> {
    /// Last year's constant-price weights, fractions summing to 1.
    weights: C,
    /// Last year's current-price levels, billion VND (meaningful while `levels`).
    current: C,
    /// This year's current-price levels, billion VND.
    next_current: C,
    /// This year's deflator growth per component, fractions.
    price: C,
    /// This year's volume factors `1 + g/100` (floored at 0), from the last
    /// [`step`](PathState::step): computed once, used for the levels and the
    /// roll-forward of the weights.
    factor: C,
    /// Whether current-price levels are tracked (known so far, and wanted).
    levels: bool,
    population: Option<R>,
    employed: Option<R>,
}

/// What one year shows: every indicator a target can name. Figures that
/// cannot be known (no prices, no population) are NaN.
#[derive(Debug, Clone, Copy)]
pub struct YearFigures<'a, R: Real = f64> {
    /// Aggregate real growth, percent.
    pub growth_pct: R,
    /// Real growth per component, percent.
    pub component_growth_pct: &'a [R],
    /// The weights this year's growth used (last year's constant-price
    /// structure), fractions.
    pub weights: &'a [R],
    /// Current-price levels per component, billion VND; `None` when unknown.
    pub current_bn_vnd: Option<&'a [R]>,
    /// Deflator growth per component, fractions; `None` when unknown.
    pub price_growth: Option<&'a [R]>,
    /// GRDP at current prices, billion VND.
    pub grdp_current_bn_vnd: R,
    /// Nominal GRDP growth, percent.
    pub nominal_growth_pct: R,
    /// Average population, thousand persons.
    pub population_thousand: Option<R>,
    /// Employed workers, thousand persons.
    pub employed_thousand: Option<R>,
    /// Employment growth (a fraction), where given.
    pub employment_growth: Option<f64>,
}

/// `x` in every lane.
#[inline(always)]
fn k<R: Real>(x: f64) -> R {
    R::splat(x)
}

impl<R: Real> YearFigures<'_, R> {
    /// Component `i`'s contribution to aggregate growth, percentage points.
    #[inline(always)]
    pub fn contribution_pp(&self, i: usize) -> R {
        self.weights[i] * self.component_growth_pct[i]
    }

    /// Growth of the implicit GRDP deflator, percent:
    /// `(1 + nominal) / (1 + real) − 1`.
    #[inline(always)]
    pub fn deflator_growth_pct(&self) -> R {
        k::<R>(100.0)
            * ((k::<R>(1.0) + self.nominal_growth_pct / k(100.0))
                / (k::<R>(1.0) + self.growth_pct / k(100.0))
                - k(1.0))
    }

    /// GRDP per capita at current prices, million VND per person.
    #[inline(always)]
    pub fn per_capita_mn_vnd(&self) -> R {
        self.population_thousand
            .map_or(k(f64::NAN), |p| self.grdp_current_bn_vnd / p)
    }

    /// Labour productivity at current prices, million VND per worker.
    #[inline(always)]
    pub fn productivity_mn_vnd(&self) -> R {
        self.employed_thousand
            .map_or(k(f64::NAN), |l| self.grdp_current_bn_vnd / l)
    }

    /// Real growth of labour productivity, percent:
    /// `(1 + g) / (1 + employment growth) − 1`.
    #[inline(always)]
    pub fn productivity_growth_pct(&self) -> R {
        self.employment_growth.map_or(k(f64::NAN), |e| {
            k::<R>(100.0) * ((k::<R>(1.0) + self.growth_pct / k(100.0)) / k(1.0 + e) - k(1.0))
        })
    }

    /// Component `i`'s share of GRDP at current prices, percent.
    #[inline(always)]
    pub fn share_current_pct(&self, i: usize) -> R {
        self.current_bn_vnd.map_or(k(f64::NAN), |y| {
            k::<R>(100.0) * y[i] / self.grdp_current_bn_vnd
        })
    }

    /// The value of `indicator` (of component `component` where it names
    /// one) this year; NaN where an input is unknown or the pair makes no
    /// sense (a share without a component).
    #[inline(always)]
    pub fn value(&self, indicator: Indicator, component: Option<usize>) -> R {
        match (indicator, component) {
            (Indicator::GrowthPct, None) => self.growth_pct,
            (Indicator::GrowthPct, Some(i)) => self.component_growth_pct[i],
            (Indicator::ContributionPp, Some(i)) => self.contribution_pp(i),
            (Indicator::ShareCurrentPct, Some(i)) => self.share_current_pct(i),
            (Indicator::ContributionPp | Indicator::ShareCurrentPct, None) => k(f64::NAN),
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

impl<R: Real, C: Components<R>> PathState<R, C> {
    /// A state for `k` components in `C` (for `[R; K]`, `k` must be `K`),
    /// to be [`reset`](Self::reset) before each path.
    pub fn zeroed(k: usize) -> Self {
        Self {
            weights: C::zeros(k),
            current: C::zeros(k),
            next_current: C::zeros(k),
            price: C::zeros(k),
            factor: C::zeros(k),
            levels: false,
            population: None,
            employed: None,
        }
    }

    /// Starts a path (every path of the lanes) from the base year:
    /// constant-price weights (fractions summing to 1), current-price levels
    /// (billion VND; `None` when unknown or not wanted), population and
    /// employment (thousand persons).
    pub fn reset(
        &mut self,
        weights: &[f64],
        current_bn_vnd: Option<&[f64]>,
        population_thousand: Option<f64>,
        employed_thousand: Option<f64>,
    ) {
        splat_into(self.weights.as_mut(), weights);
        self.levels = current_bn_vnd.is_some();
        if let Some(y) = current_bn_vnd {
            splat_into(self.current.as_mut(), y);
        }
        self.population = population_thousand.map(R::splat);
        self.employed = employed_thousand.map(R::splat);
    }

    /// The weights the next step uses, fractions; a simulation may perturb
    /// them right after [`reset`](Self::reset) (and must keep them summing to 1).
    pub fn weights_mut(&mut self) -> &mut [R] {
        self.weights.as_mut()
    }

    /// Takes one year. `shocks` is called once current prices are known, with
    /// this year's deflator growth per component (fractions) to perturb in
    /// place and whether population moves this year; it returns a shock to
    /// population growth (a fraction). A projection passes `|_, _| 0.0`.
    ///
    /// Call [`advance`](Self::advance) with the same growth, or
    /// [`roll_forward`](Self::roll_forward), after reading the figures.
    #[inline(always)]
    pub fn step<'s, F>(&'s mut self, year: &YearInputs<'s, R>, shocks: F) -> YearFigures<'s, R>
    where
        F: FnOnce(&mut [R], bool) -> R,
    {
        self.step_with(year, shocks)
    }

    /// [`step`](Self::step) with any [`Shocks`]: a simulation's own type,
    /// whose work is inlined into the step (a closure's may not be).
    #[inline(always)]
    pub fn step_with<'s>(
        &'s mut self,
        year: &YearInputs<'s, R>,
        shocks: impl Shocks<R>,
    ) -> YearFigures<'s, R> {
        let g = year.growth_pct;
        for (f, g) in self.factor.as_mut().iter_mut().zip(g) {
            *f = volume_factor(*g);
        }
        let growth = sum(self.weights.as_ref().iter().zip(g).map(|(w, g)| *w * *g));
        let mut current_total = k(f64::NAN);
        let mut nominal = k(f64::NAN);
        let mut population_shock = k(0.0);
        if self.levels {
            let y_total = sum(self.current.as_ref().iter().copied());
            match year.prices {
                YearPrices::Common(p) => {
                    let at_old = sum(self
                        .current
                        .as_ref()
                        .iter()
                        .zip(self.factor.as_ref())
                        .map(|(y, f)| *y * *f));
                    let c = k::<R>(1.0 + p) * (k::<R>(1.0) + growth / k(100.0)) * y_total / at_old
                        - k(1.0);
                    self.price.as_mut().iter_mut().for_each(|x| *x = c);
                }
                YearPrices::PerComponent(v) => splat_into(self.price.as_mut(), v),
                YearPrices::Unknown => self.levels = false,
            }
            if self.levels {
                let moves = self.population.is_some() && year.population_growth.is_some();
                population_shock = shocks.apply(self.price.as_mut(), moves);
                for (((next, y), f), pi) in self
                    .next_current
                    .as_mut()
                    .iter_mut()
                    .zip(self.current.as_ref())
                    .zip(self.factor.as_ref())
                    .zip(self.price.as_ref())
                {
                    *next = *y * *f * (k::<R>(1.0) + *pi);
                }
                current_total = sum(self.next_current.as_ref().iter().copied());
                nominal = k::<R>(100.0) * (current_total / y_total - k(1.0));
            }
        }
        self.population = match (self.population, year.population_growth) {
            (Some(p), Some(gp)) => Some(p * (k::<R>(1.0 + gp) + population_shock)),
            _ => None,
        };
        self.employed = match (self.employed, year.employment_growth) {
            (Some(l), Some(ge)) => Some(l * k(1.0 + ge)),
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
    pub fn advance(&mut self, growth_pct: &[R]) {
        for (f, g) in self.factor.as_mut().iter_mut().zip(growth_pct) {
            *f = volume_factor(*g);
        }
        self.roll_forward();
    }

    /// [`advance`](Self::advance) with the growth of the last
    /// [`step`](Self::step), whose volume factors the state kept: the same
    /// arithmetic, without computing them again.
    #[inline(always)]
    pub fn roll_forward(&mut self) {
        for (w, f) in self.weights.as_mut().iter_mut().zip(self.factor.as_ref()) {
            *w = *w * *f;
        }
        let total = sum(self.weights.as_ref().iter().copied());
        for w in self.weights.as_mut() {
            // Where every volume fell to zero, the weights stay as they were.
            *w = total.if_positive(*w / total, *w);
        }
        if self.levels {
            std::mem::swap(&mut self.current, &mut self.next_current);
        }
    }
}

/// Each lane of `out` set to the matching value of `values`.
#[inline(always)]
fn splat_into<R: Real>(out: &mut [R], values: &[f64]) {
    for (o, v) in out.iter_mut().zip(values) {
        *o = R::splat(*v);
    }
}

/// A component's volume after a year of `growth_pct`: `1 + g/100`, never
/// below zero (a sector can lose all its output, not more), so no weight or
/// level ever turns negative.
#[inline(always)]
fn volume_factor<R: Real>(growth_pct: R) -> R {
    (k::<R>(1.0) + growth_pct / k(100.0)).max(k(0.0))
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
        let mut a = PathState::<f64, [f64; 3]>::zeroed(3);
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

    /// Two paths side by side give each path's own bits: lane by lane,
    /// the arithmetic of `f64`, including a lane whose volumes all fall to
    /// zero (its weights stay) beside one whose do not.
    #[test]
    fn paths_side_by_side_give_each_paths_bits() {
        let growth = [
            [[3.1, 9.7, -2.3], [-150.0, -100.0, -120.0]],
            [[-20.0, 8.8, 6.1], [1.0, 2.0, 3.0]],
            [[0.4, 12.0, 3.0], [5.5, -3.0, 7.25]],
        ];
        let shock = [[0.01, -0.02], [0.003, 0.0], [-0.01, 0.04]];
        let mut lanes = PathState::<Paths<2>, [Paths<2>; 3]>::zeroed(3);
        lanes.reset(
            &[0.2, 0.5, 0.3],
            Some(&[80.0, 420.0, 300.0]),
            Some(1000.0),
            Some(500.0),
        );
        let mut one = [PathState::new(3), PathState::new(3)];
        for s in &mut one {
            s.reset(
                &[0.2, 0.5, 0.3],
                Some(&[80.0, 420.0, 300.0]),
                Some(1000.0),
                Some(500.0),
            );
        }
        for (t, year) in growth.iter().enumerate() {
            let g: [Paths<2>; 3] = std::array::from_fn(|i| Paths([year[0][i], year[1][i]]));
            let inputs = YearInputs {
                growth_pct: &g,
                prices: YearPrices::Common(0.04),
                population_growth: Some(0.0039),
                employment_growth: Some(0.01),
            };
            let f = lanes.step(&inputs, |pr, _| {
                pr[0] = pr[0] + Paths(shock[t]);
                Paths(shock[t])
            });
            let values: Vec<Paths<2>> =
                INDICATORS.iter().map(|&(ind, c)| f.value(ind, c)).collect();
            for (p, s) in one.iter_mut().enumerate() {
                let inputs = YearInputs {
                    growth_pct: &year[p],
                    prices: YearPrices::Common(0.04),
                    population_growth: Some(0.0039),
                    employment_growth: Some(0.01),
                };
                let f1 = s.step(&inputs, |pr, _| {
                    pr[0] += shock[t][p];
                    shock[t][p]
                });
                for (&(ind, c), v) in INDICATORS.iter().zip(&values) {
                    assert_eq!(
                        f1.value(ind, c).to_bits(),
                        v.0[p].to_bits(),
                        "{ind:?} {c:?} year {t} lane {p}"
                    );
                }
                s.roll_forward();
            }
            lanes.roll_forward();
        }
    }

    const INDICATORS: [(Indicator, Option<usize>); 10] = [
        (Indicator::GrowthPct, None),
        (Indicator::GrowthPct, Some(1)),
        (Indicator::ContributionPp, Some(2)),
        (Indicator::ShareCurrentPct, Some(0)),
        (Indicator::NominalGrowthPct, None),
        (Indicator::DeflatorGrowthPct, None),
        (Indicator::GrdpCurrentBnVnd, None),
        (Indicator::GrdpPerCapitaMnVnd, None),
        (Indicator::LabourProductivityMnVnd, None),
        (Indicator::LabourProductivityGrowthPct, None),
    ];

    trait Reset {
        fn reset_to(&mut self, w: &[f64], y: Option<&[f64]>, p: Option<f64>, l: Option<f64>);
    }

    impl<C: Components<f64>> Reset for PathState<f64, C> {
        fn reset_to(&mut self, w: &[f64], y: Option<&[f64]>, p: Option<f64>, l: Option<f64>) {
            self.reset(w, y, p, l);
        }
    }
}
