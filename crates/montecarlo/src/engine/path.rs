//! One simulated path: the economy year by year from a draw of the latent
//! normals, and what each year shows for the targets.
//!
//! A chunk first draws the random numbers of a block of paths, in the order
//! a path consumes them ([`DrawLayout`]): the weights' normals, then per year
//! the growth normals, the shortfall of the record (when one is applied),
//! and the price and population shocks. A [`PathKernel`] then runs each path
//! through grdp-core's year step, its per-component numbers in [`Lanes`]:
//! fixed-size arrays for economies of up to eight components, so loops
//! unroll and carry no bounds checks. Every floating-point operation is the
//! one the step has always taken, in the same order: results do not depend
//! on the lanes, the margins' form or the block size.

use grdp_core::step::{Lanes, PathState, YearInputs};

use crate::marginal::Transform;
use crate::model::{Model, Prices};
use crate::normal::Ziggurat;
use crate::rng::{ChunkRng, index};

/// 0 not met, 1 met, 2 unknown.
pub(super) const MET: u8 = 1;
pub(super) const UNKNOWN: u8 = 2;

/// One run of a path's random numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Draw {
    /// Standard normals.
    Normals(usize),
    /// One shortfall of the record, drawn uniformly among its values.
    Shortfall,
}

/// What one path draws from the generator, in order. It depends on the
/// model alone (which inputs are uncertain, which years keep current prices
/// and population), never on the draws.
pub(super) struct DrawLayout {
    runs: Vec<Draw>,
    /// Numbers per path (normals and shortfalls).
    pub(super) per_path: usize,
    /// Whether a shortfall is drawn each year.
    pub(super) shortfall: bool,
}

impl Model {
    /// Whether current-price levels are tracked from the base year.
    pub(super) fn tracks_levels(&self) -> bool {
        self.needs_levels && self.base_current.is_some()
    }

    /// The layout of a path's draws, with or without a shortfall a year.
    /// It mirrors [`grdp_core::step::PathState::step`]: shocks are drawn in
    /// the years whose current prices are known (the levels are kept while
    /// every year so far has prices), the population shock while population
    /// is known and grows by a given rate.
    pub(super) fn draw_layout(&self, shortfall: bool) -> DrawLayout {
        let k = self.k;
        let mut runs = Vec::new();
        let push = |runs: &mut Vec<Draw>, n: usize| {
            if n == 0 {
                return;
            }
            match runs.last_mut() {
                Some(Draw::Normals(m)) => *m += n,
                _ => runs.push(Draw::Normals(n)),
            }
        };
        if self.weight_sd.is_some() {
            push(&mut runs, k);
        }
        let mut levels = self.tracks_levels();
        let mut population = self.base_population.is_some();
        for t in 0..self.years.len() {
            push(&mut runs, k);
            if shortfall {
                runs.push(Draw::Shortfall);
            }
            if matches!(self.prices[t], Prices::Unknown) {
                levels = false;
            }
            let moves = population && self.population_growth[t].is_some();
            if levels {
                if self.price_sd.is_some() {
                    push(&mut runs, k);
                }
                if self.population_sd.is_some() && moves {
                    push(&mut runs, 1);
                }
            }
            population = moves;
        }
        let per_path = runs
            .iter()
            .map(|r| match r {
                Draw::Normals(n) => *n,
                Draw::Shortfall => 1,
            })
            .sum();
        DrawLayout {
            runs,
            per_path,
            shortfall,
        }
    }
}

impl DrawLayout {
    /// Fills `out` (a whole number of paths) with draws from `rng`, in the
    /// order the paths consume them.
    pub(super) fn fill(
        &self,
        rng: &mut ChunkRng,
        normal: &Ziggurat,
        shortfalls: Option<&[f64]>,
        out: &mut [f64],
    ) {
        if let ([Draw::Normals(_)], None) = (&self.runs[..], shortfalls) {
            // No shortfalls: one run of normals, path after path.
            for v in out.iter_mut() {
                *v = normal.sample(rng);
            }
            return;
        }
        for path in out.chunks_exact_mut(self.per_path) {
            let mut at = 0;
            for run in &self.runs {
                match *run {
                    Draw::Normals(n) => {
                        for v in &mut path[at..at + n] {
                            *v = normal.sample(rng);
                        }
                        at += n;
                    }
                    Draw::Shortfall => {
                        path[at] = shortfalls.map_or(0.0, |s| s[index(rng, s.len())]);
                        at += 1;
                    }
                }
            }
        }
    }
}

/// One path's draws, read in order.
struct Tape<'a> {
    draws: &'a [f64],
    at: usize,
}

impl Tape<'_> {
    #[inline]
    fn next(&mut self) -> f64 {
        let v = self.draws[self.at];
        self.at += 1;
        v
    }

    #[inline]
    fn lanes<L: Lanes>(&mut self, out: &mut L) {
        let out = out.as_mut();
        out.copy_from_slice(&self.draws[self.at..self.at + out.len()]);
        self.at += out.len();
    }
}

/// Where a path's latent numbers come from.
pub(super) enum Latent<'a> {
    /// Drawn: one path's numbers laid out by [`DrawLayout`].
    Drawn(&'a [f64]),
    /// Fixed latent scores per year and component (for the tornado and the
    /// median path): the normal score of each year's growth itself, after
    /// persistence, so a score of Φ⁻¹(0.1) puts a component at its own
    /// 10th percentile that year. Inputs stay at their centres.
    Fixed(&'a [Vec<f64>]),
}

/// Marginal transforms, standard-normal score to growth (percent), resolved
/// once per chunk.
pub(super) trait Margins<L> {
    /// `g_i = h_{t,i}(e_i)` for plan year `t`.
    fn apply(&self, t: usize, e: &L, g: &mut L);
}

/// Every marginal normal: `g = μ + σ e`, the same arithmetic as
/// [`Transform::apply`] without its dispatch.
pub(super) struct NormalMargins<L> {
    mu: Vec<L>,
    sd: Vec<L>,
}

impl<L: Lanes> NormalMargins<L> {
    /// `None` unless every transform of every year is normal.
    pub(super) fn new(model: &Model) -> Option<Self> {
        let mut mu = Vec::with_capacity(model.years.len());
        let mut sd = Vec::with_capacity(model.years.len());
        for row in &model.transforms {
            let (mut m, mut s) = (L::zeros(model.k), L::zeros(model.k));
            for ((m, s), t) in m.as_mut().iter_mut().zip(s.as_mut()).zip(row) {
                let Transform::Normal { mu, sd } = t else {
                    return None;
                };
                (*m, *s) = (*mu, *sd);
            }
            mu.push(m);
            sd.push(s);
        }
        Some(Self { mu, sd })
    }
}

impl<L: Lanes> Margins<L> for NormalMargins<L> {
    #[inline]
    fn apply(&self, t: usize, e: &L, g: &mut L) {
        for (((g, e), mu), sd) in g
            .as_mut()
            .iter_mut()
            .zip(e.as_ref())
            .zip(self.mu[t].as_ref())
            .zip(self.sd[t].as_ref())
        {
            *g = mu + sd * e;
        }
    }
}

/// Any marginals: each component's [`Transform`].
pub(super) struct AnyMargins<'m>(pub(super) &'m [Vec<Transform>]);

impl<L: Lanes> Margins<L> for AnyMargins<'_> {
    #[inline]
    fn apply(&self, t: usize, e: &L, g: &mut L) {
        for ((g, e), tr) in g.as_mut().iter_mut().zip(e.as_ref()).zip(&self.0[t]) {
            *g = tr.apply(*e);
        }
    }
}

/// What one path leaves behind, and its working buffers (reused).
pub(super) struct PathScratch<L: Lanes> {
    state: PathState<L>,
    z: L,
    x: L,
    e: L,
    g: L,
    /// Component growth of the target year, percent.
    pub(super) main_g: L,
    /// The weights the target year's growth used, fractions.
    pub(super) main_w: L,
    /// Per target: [`MET`], [`UNKNOWN`] or 0.
    pub(super) met: Vec<u8>,
    /// Aggregate growth of every plan year, percent.
    pub(super) year_growth: Vec<f64>,
    /// Whether this path drew a component's growth at or below −100 % in
    /// some year (floored there: the sector lost all its output).
    pub(super) collapsed: bool,
}

impl<L: Lanes> PathScratch<L> {
    pub(super) fn new(model: &Model) -> Self {
        let k = model.k;
        Self {
            state: PathState::zeroed(k),
            z: L::zeros(k),
            x: L::zeros(k),
            e: L::zeros(k),
            g: L::zeros(k),
            main_g: L::zeros(k),
            main_w: L::zeros(k),
            met: vec![0; model.targets.len()],
            year_growth: vec![0.0; model.years.len()],
            collapsed: false,
        }
    }
}

/// A model's per-component constants in lanes `L`, with its margins `M`.
pub(super) struct PathKernel<'m, L: Lanes, M> {
    model: &'m Model,
    margins: M,
    base_weights: L,
    weight_sd: Option<L>,
    /// Rows of the lower Cholesky factor (zeros above the diagonal).
    chol: Option<Vec<L>>,
    price_sd: Option<L>,
    /// `√(1 − ρ²)`, the weight of a year's new shock under persistence ρ.
    innovation: f64,
    levels: bool,
}

fn lanes<L: Lanes>(v: &[f64]) -> L {
    let mut l = L::zeros(v.len());
    l.as_mut().copy_from_slice(v);
    l
}

impl<'m, L: Lanes, M: Margins<L>> PathKernel<'m, L, M> {
    pub(super) fn new(model: &'m Model, margins: M) -> Self {
        let k = model.k;
        Self {
            model,
            margins,
            base_weights: lanes(&model.base_weights),
            weight_sd: model.weight_sd.as_deref().map(lanes),
            chol: model
                .chol
                .as_ref()
                .map(|c| c.chunks_exact(k).map(lanes).collect()),
            price_sd: model.price_sd.as_deref().map(lanes),
            innovation: (1.0 - model.persistence * model.persistence).sqrt(),
            levels: model.tracks_levels(),
        }
    }

    /// One scenario, year by year: the latent normals become component
    /// growth, and grdp-core's year step turns that into the economy.
    /// Returns aggregate growth of the target year.
    #[inline]
    pub(super) fn run(
        &self,
        latent: Latent<'_>,
        shortfall: bool,
        s: &mut PathScratch<L>,
    ) -> Result<f64, (&'static str, i32)> {
        let m = self.model;
        s.state.reset(
            self.base_weights.as_ref(),
            if self.levels {
                m.base_current.as_deref()
            } else {
                None
            },
            m.base_population,
            m.base_employed,
        );
        let (mut tape, fixed) = match latent {
            Latent::Drawn(draws) => (Tape { draws, at: 0 }, None),
            Latent::Fixed(scores) => (Tape { draws: &[], at: 0 }, Some(scores)),
        };
        let drawn = fixed.is_none();
        if let (Some(sd), true) = (&self.weight_sd, drawn) {
            let w = s.state.weights_mut();
            for (w, sd) in w.iter_mut().zip(sd.as_ref()) {
                *w = (*w + sd * tape.next()).max(0.0);
            }
            let total: f64 = w.iter().sum();
            if total > 0.0 {
                w.iter_mut().for_each(|w| *w /= total);
            } else {
                w.copy_from_slice(self.base_weights.as_ref());
            }
        }
        let persistent = drawn && m.persistence > 0.0;
        let mut main_growth = f64::NAN;
        s.collapsed = false;
        for t in 0..m.years.len() {
            match fixed {
                None => {
                    tape.lanes(&mut s.z);
                    match &self.chol {
                        Some(rows) => {
                            for (i, (x, row)) in s.x.as_mut().iter_mut().zip(rows).enumerate() {
                                *x = row.as_ref()[..=i]
                                    .iter()
                                    .zip(s.z.as_ref())
                                    .map(|(a, b)| a * b)
                                    .sum();
                            }
                        }
                        None => s.x.as_mut().copy_from_slice(s.z.as_ref()),
                    }
                }
                Some(scores) => s.x.as_mut().copy_from_slice(&scores[t]),
            }
            if persistent && t > 0 {
                for (e, x) in s.e.as_mut().iter_mut().zip(s.x.as_ref()) {
                    *e = m.persistence * *e + self.innovation * x;
                }
            } else {
                s.e.as_mut().copy_from_slice(s.x.as_ref());
            }
            self.margins.apply(t, &s.e, &mut s.g);
            if shortfall && drawn {
                let add = tape.next();
                s.g.as_mut().iter_mut().for_each(|g| *g += add);
            }
            for g in s.g.as_mut() {
                if *g <= -100.0 {
                    *g = -100.0;
                    s.collapsed = true;
                }
            }
            let inputs = YearInputs {
                growth_pct: s.g.as_ref(),
                prices: m.prices[t].as_year_prices(),
                population_growth: m.population_growth[t],
                employment_growth: m.employment_growth[t],
            };
            // Uncertain prices and population: drawn once prices are known,
            // price shocks first, in component order.
            let price_sd = &self.price_sd;
            let population_sd = m.population_sd;
            let shocks = |price: &mut [f64], population_moves: bool| -> f64 {
                if !drawn {
                    return 0.0;
                }
                if let Some(sd) = price_sd {
                    for (pi, sd) in price.iter_mut().zip(sd.as_ref()) {
                        *pi += sd * tape.next();
                    }
                }
                match population_sd {
                    Some(sd) if population_moves => sd * tape.next(),
                    _ => 0.0,
                }
            };
            let figures = s.state.step(&inputs, shocks);
            let growth = figures.growth_pct;
            if !growth.is_finite() {
                return Err(("aggregate growth", m.years[t]));
            }
            if figures.current_bn_vnd.is_some() && !figures.grdp_current_bn_vnd.is_finite() {
                return Err(("GRDP at current prices", m.years[t]));
            }
            s.year_growth[t] = growth;
            if t == m.main_index {
                main_growth = growth;
                s.main_g.as_mut().copy_from_slice(s.g.as_ref());
                s.main_w.as_mut().copy_from_slice(figures.weights);
            }
            let (from, to) = m.tests_by_year[t];
            for test in &m.tests[from..to] {
                let value = figures.value(test.indicator, test.component);
                s.met[test.slot] = if value.is_nan() {
                    UNKNOWN
                } else if value >= test.lo && value <= test.hi {
                    MET
                } else {
                    0
                };
            }
            s.state.roll_forward();
        }
        debug_assert!(fixed.is_some() || tape.at == tape.draws.len());
        Ok(main_growth)
    }
}

impl Model {
    /// Each plan year's aggregate growth with every latent score at
    /// `scores`, and the target year's (`None` where a figure is not finite).
    fn fixed_years(&self, scores: &[Vec<f64>]) -> Option<(f64, Vec<f64>)> {
        let kernel = PathKernel::<Vec<f64>, _>::new(self, AnyMargins(&self.transforms));
        let mut s = PathScratch::new(self);
        let g = kernel.run(Latent::Fixed(scores), false, &mut s).ok()?;
        Some((g, s.year_growth))
    }

    /// The deterministic aggregate growth of the target year with every
    /// latent score at `scores` (zero = every marginal at its median).
    pub(super) fn fixed_path(&self, scores: &[Vec<f64>]) -> f64 {
        self.fixed_years(scores).map_or(f64::NAN, |(g, _)| g)
    }

    /// Each plan year's aggregate growth with every marginal at its median
    /// (NaN where not finite).
    pub(super) fn median_years(&self) -> Vec<f64> {
        self.fixed_years(&self.zero_scores())
            .map_or_else(|| vec![f64::NAN; self.years.len()], |(_, y)| y)
    }

    pub(super) fn zero_scores(&self) -> Vec<Vec<f64>> {
        vec![vec![0.0; self.k]; self.years.len()]
    }
}
