//! One simulated path: the economy year by year from a draw of the latent
//! normals, and what each year shows for the targets.
//!
//! A chunk first draws the random numbers of a block of paths, in the order
//! a path consumes them ([`DrawLayout`]): the weights' normals, then per year
//! the growth normals, the shortfall of the record (when one is applied),
//! and the price and population shocks. A [`PathKernel`] then runs several
//! paths side by side (grdp-core's [`Paths`](grdp_core::step::Paths), one
//! lane each) through grdp-core's year step, their per-component numbers in
//! fixed-size arrays for economies of up to eight components, so loops
//! unroll, carry no bounds checks and work on several paths per SIMD
//! instruction (eight in the AVX-512 build). Every floating-point operation is the one the step has
//! always taken on one path, in the same order: results do not depend on
//! the lanes, the margins' form or the block size.

use grdp_core::step::{Components, PathState, Real, Shocks, YearInputs, sum};

use crate::marginal::Transform;
use crate::model::{Model, Prices};
use crate::normal::Ziggurat;
use crate::rng::{ChunkRng, index};

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
    /// Fills `out` (a whole number of paths, in this layout, which draws a
    /// shortfall each year) with the normals of `plain` (the same paths in
    /// the layout without shortfalls, path after path, `plain_per_path`
    /// numbers each) and a shortfall of `shortfalls` each year drawn from
    /// `rng`: the record of past shortfalls on common random numbers, so the
    /// run with it differs from the plain run by the shortfalls alone.
    pub(super) fn fill_paired(
        &self,
        plain: &[f64],
        plain_per_path: usize,
        rng: &mut ChunkRng,
        shortfalls: &[f64],
        out: &mut [f64],
    ) {
        for (path, normals) in out
            .chunks_exact_mut(self.per_path)
            .zip(plain.chunks_exact(plain_per_path))
        {
            let (mut at, mut from) = (0, 0);
            for run in &self.runs {
                match *run {
                    Draw::Normals(n) => {
                        path[at..at + n].copy_from_slice(&normals[from..from + n]);
                        at += n;
                        from += n;
                    }
                    Draw::Shortfall => {
                        path[at] = shortfalls[index(rng, shortfalls.len())];
                        at += 1;
                    }
                }
            }
        }
    }

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
            normal.fill(rng, out);
            return;
        }
        for path in out.chunks_exact_mut(self.per_path) {
            let mut at = 0;
            for run in &self.runs {
                match *run {
                    Draw::Normals(n) => {
                        normal.fill(rng, &mut path[at..at + n]);
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

/// The draws of the paths side by side in one run of the kernel, read in
/// order: lane `p` reads the path starting at `draws[base[p]]`.
struct Tape<'a> {
    draws: &'a [f64],
    base: [usize; MAX_LANES],
    at: usize,
}

/// The most paths side by side.
pub(super) const MAX_LANES: usize = 8;

impl Tape<'_> {
    #[inline(always)]
    fn next<R: Real>(&mut self) -> R {
        let v = R::from_fn(|p| self.draws[self.base[p] + self.at]);
        self.at += 1;
        v
    }
}

/// Uncertain prices and population, drawn once prices are known: price
/// shocks first, in component order, then population's.
struct DrawnShocks<'t, 'd, C> {
    tape: &'t mut Tape<'d>,
    /// Whether the paths are drawn (fixed paths take no shocks).
    drawn: bool,
    /// Deflator growth's SD per component, fractions.
    price_sd: Option<&'t C>,
    /// Population growth's SD, a fraction.
    population_sd: Option<f64>,
}

impl<R: Real, C: Components<R>> Shocks<R> for DrawnShocks<'_, '_, C> {
    #[inline(always)]
    fn apply(self, price: &mut [R], population_moves: bool) -> R {
        if !self.drawn {
            return R::splat(0.0);
        }
        if let Some(sd) = self.price_sd {
            for (pi, sd) in price.iter_mut().zip(sd.as_ref()) {
                *pi = *pi + *sd * self.tape.next();
            }
        }
        match self.population_sd {
            Some(sd) if population_moves => R::splat(sd) * self.tape.next(),
            _ => R::splat(0.0),
        }
    }
}

/// Where the latent numbers of the paths side by side come from.
pub(super) enum Latent<'a> {
    /// Drawn: `lanes` paths laid out by [`DrawLayout`], `per_path` numbers
    /// each, from `first` on in `draws`. When fewer than the kernel's lanes
    /// are left, the last one is repeated (its copies are not recorded).
    Drawn {
        draws: &'a [f64],
        first: usize,
        lanes: usize,
        per_path: usize,
    },
    /// Fixed latent scores per year and component (for the tornado and the
    /// median path): the normal score of each year's growth itself, after
    /// persistence, so a score of Φ⁻¹(0.1) puts a component at its own
    /// 10th percentile that year. Inputs stay at their centres.
    Fixed(&'a [Vec<f64>]),
}

/// Marginal transforms, standard-normal score to growth (percent), resolved
/// once per chunk.
pub(super) trait Margins<R: Real, C: Components<R>> {
    /// `g_i = h_{t,i}(e_i)` for plan year `t`.
    fn apply(&self, t: usize, e: &C, g: &mut C);
}

/// Every marginal normal: `g = μ + σ e`, the same arithmetic as
/// [`Transform::apply`] without its dispatch.
pub(super) struct NormalMargins<C> {
    mu: Vec<C>,
    sd: Vec<C>,
}

impl<C> NormalMargins<C> {
    /// `None` unless every transform of every year is normal.
    pub(super) fn new<R: Real>(model: &Model) -> Option<Self>
    where
        C: Components<R>,
    {
        let mut mu = Vec::with_capacity(model.years.len());
        let mut sd = Vec::with_capacity(model.years.len());
        for row in &model.transforms {
            let (mut m, mut s) = (C::zeros(model.k), C::zeros(model.k));
            for ((m, s), t) in m.as_mut().iter_mut().zip(s.as_mut()).zip(row) {
                let Transform::Normal { mu, sd } = t else {
                    return None;
                };
                (*m, *s) = (R::splat(*mu), R::splat(*sd));
            }
            mu.push(m);
            sd.push(s);
        }
        Some(Self { mu, sd })
    }
}

impl<R: Real, C: Components<R>> Margins<R, C> for NormalMargins<C> {
    #[inline(always)]
    fn apply(&self, t: usize, e: &C, g: &mut C) {
        for (((g, e), mu), sd) in g
            .as_mut()
            .iter_mut()
            .zip(e.as_ref())
            .zip(self.mu[t].as_ref())
            .zip(self.sd[t].as_ref())
        {
            *g = *mu + *sd * *e;
        }
    }
}

/// Any marginals: each component's [`Transform`], lane by lane.
pub(super) struct AnyMargins<'m>(pub(super) &'m [Vec<Transform>]);

impl<R: Real, C: Components<R>> Margins<R, C> for AnyMargins<'_> {
    #[inline(always)]
    fn apply(&self, t: usize, e: &C, g: &mut C) {
        for ((g, e), tr) in g.as_mut().iter_mut().zip(e.as_ref()).zip(&self.0[t]) {
            *g = R::from_fn(|p| tr.apply(e.lane(p)));
        }
    }
}

/// What the paths side by side leave behind, and their working buffers
/// (reused). Per-year and per-target results are stored with the lanes
/// side by side (`[year][lane]`, `[target][lane]`), so a year's figures of
/// every lane are stored at once.
pub(super) struct PathScratch<R: Real, C: Components<R>> {
    state: PathState<R, C>,
    z: C,
    x: C,
    e: C,
    g: C,
    k: usize,
    /// Whether each lane's target-year components and weights are wanted
    /// ([`PathResult::main_g`], [`PathResult::main_w`]); when not, they
    /// are not copied out of the lanes.
    pub(super) keep_main: bool,
    /// Aggregate growth of the target year, percent, per lane.
    main_growth: [f64; MAX_LANES],
    /// Component growth of the target year, percent, lane after lane.
    main_g: Vec<f64>,
    /// The weights the target year's growth used, fractions, lane after lane.
    main_w: Vec<f64>,
    /// Aggregate growth of every plan year and lane, percent.
    year_growth: Vec<f64>,
    /// The lowest component growth drawn so far per lane, percent, before
    /// the floor at −100 % (NaN ignored): a lane at or below −100 % drew a
    /// sector that lost all its output.
    lowest: R,
    /// The first figure that was not finite, per lane.
    failure: [Option<(&'static str, i32)>; MAX_LANES],
}

/// One path's results, read from its lane.
pub(super) struct PathResult<'a> {
    /// Aggregate growth of the target year, percent.
    pub(super) growth: f64,
    /// Component growth of the target year, percent.
    pub(super) main_g: &'a [f64],
    /// The weights the target year's growth used, fractions.
    pub(super) main_w: &'a [f64],
    /// Whether a component's growth was floored at −100 %.
    pub(super) collapsed: bool,
}

impl<R: Real, C: Components<R>> PathScratch<R, C> {
    pub(super) fn new(model: &Model) -> Self {
        let k = model.k;
        let lanes = R::LANES;
        assert!(lanes <= MAX_LANES);
        Self {
            state: PathState::zeroed(k),
            z: C::zeros(k),
            x: C::zeros(k),
            e: C::zeros(k),
            g: C::zeros(k),
            k,
            keep_main: true,
            main_growth: [f64::NAN; MAX_LANES],
            main_g: vec![0.0; lanes * k],
            main_w: vec![0.0; lanes * k],
            year_growth: vec![0.0; lanes * model.years.len()],
            lowest: R::splat(f64::INFINITY),
            failure: [None; MAX_LANES],
        }
    }

    /// Aggregate growth of every plan year and lane, percent: year after
    /// year, the lanes side by side.
    #[inline(always)]
    pub(super) fn year_growth(&self) -> &[f64] {
        &self.year_growth
    }

    /// Lane `p`'s path: its results, or the first figure that was not finite.
    #[inline]
    pub(super) fn path(&self, p: usize) -> Result<PathResult<'_>, (&'static str, i32)> {
        if let Some(f) = self.failure[p] {
            return Err(f);
        }
        let k = self.k;
        let main = if self.keep_main {
            p * k..(p + 1) * k
        } else {
            0..0
        };
        Ok(PathResult {
            growth: self.main_growth[p],
            main_g: &self.main_g[main.clone()],
            main_w: &self.main_w[main],
            collapsed: self.lowest.lane(p) <= -100.0,
        })
    }
}

/// How many of the paths drawn met each target, could not tell (a figure
/// unknown), and met every target, per lane of `R`: whole numbers, exact
/// in `f64` (a chunk's counts stay far below 2⁵³), added lane by lane so
/// that the lanes side by side are counted at once.
pub(super) struct TargetCounts<R> {
    met: Vec<R>,
    unknown: Vec<R>,
    all: R,
}

impl<R: Real> TargetCounts<R> {
    pub(super) fn new(targets: usize) -> Self {
        Self {
            met: vec![R::splat(0.0); targets],
            unknown: vec![R::splat(0.0); targets],
            all: R::splat(0.0),
        }
    }

    /// Adds the counts to `met` and `unknown` (per target) and `all`, and
    /// starts again from zero.
    pub(super) fn drain_into(&mut self, met: &mut [u64], unknown: &mut [u64], all: &mut u64) {
        let total = |x: &mut R| {
            let n = (0..R::LANES).map(|p| x.lane(p) as u64).sum::<u64>();
            *x = R::splat(0.0);
            n
        };
        for (c, m) in self.met.iter_mut().zip(met) {
            *m += total(c);
        }
        for (c, u) in self.unknown.iter_mut().zip(unknown) {
            *u += total(c);
        }
        *all += total(&mut self.all);
    }
}

/// A model's per-component constants in `C`, with its margins `M`.
pub(super) struct PathKernel<'m, R: Real, C: Components<R>, M> {
    model: &'m Model,
    margins: M,
    base_weights: C,
    weight_sd: Option<C>,
    /// Rows of the lower Cholesky factor (zeros above the diagonal).
    chol: Option<Vec<C>>,
    price_sd: Option<C>,
    /// `ρ`, the persistence of last year's score.
    persistence: R,
    /// `√(1 − ρ²)`, the weight of a year's new shock.
    innovation: R,
    levels: bool,
}

fn splat<R: Real, C: Components<R>>(v: &[f64]) -> C {
    let mut c = C::zeros(v.len());
    for (c, v) in c.as_mut().iter_mut().zip(v) {
        *c = R::splat(*v);
    }
    c
}

impl<'m, R: Real, C: Components<R>, M: Margins<R, C>> PathKernel<'m, R, C, M> {
    pub(super) fn new(model: &'m Model, margins: M) -> Self {
        let k = model.k;
        Self {
            model,
            margins,
            base_weights: splat(&model.base_weights),
            weight_sd: model.weight_sd.as_deref().map(splat),
            chol: model
                .chol
                .as_ref()
                .map(|c| c.chunks_exact(k).map(splat).collect()),
            price_sd: model.price_sd.as_deref().map(splat),
            persistence: R::splat(model.persistence),
            innovation: R::splat((1.0 - model.persistence * model.persistence).sqrt()),
            levels: model.tracks_levels(),
        }
    }

    /// `R::LANES` scenarios side by side, year by year: the latent normals
    /// become component growth, and grdp-core's year step turns that into
    /// the economy. Read each path with [`PathScratch::path`]; the targets
    /// of drawn paths are counted in `counts` (a path repeated to fill the
    /// lanes is not counted).
    #[inline(always)]
    pub(super) fn run(
        &self,
        latent: Latent<'_>,
        shortfall: bool,
        s: &mut PathScratch<R, C>,
        mut counts: Option<&mut TargetCounts<R>>,
    ) {
        let m = self.model;
        s.state.reset(
            &m.base_weights,
            if self.levels {
                m.base_current.as_deref()
            } else {
                None
            },
            m.base_population,
            m.base_employed,
        );
        let (mut tape, fixed, expected, counted) = match latent {
            Latent::Drawn {
                draws,
                first,
                lanes,
                per_path,
            } => {
                let base = std::array::from_fn(|p| (first + p.min(lanes - 1)) * per_path);
                let counted = R::from_fn(|p| if p < lanes { 1.0 } else { 0.0 });
                (Tape { draws, base, at: 0 }, None, per_path, counted)
            }
            Latent::Fixed(scores) => (
                Tape {
                    draws: &[],
                    base: [0; MAX_LANES],
                    at: 0,
                },
                Some(scores),
                0,
                R::splat(0.0),
            ),
        };
        // Per lane, 1 while the path has met every target so far.
        let mut all = R::splat(1.0);
        let drawn = fixed.is_none();
        if let (Some(sd), true) = (&self.weight_sd, drawn) {
            let w = s.state.weights_mut();
            for (w, sd) in w.iter_mut().zip(sd.as_ref()) {
                *w = (*w + *sd * tape.next()).max(R::splat(0.0));
            }
            let total = sum(w.iter().copied());
            for (w, base) in w.iter_mut().zip(self.base_weights.as_ref()) {
                *w = total.if_positive(*w / total, *base);
            }
        }
        let persistent = drawn && m.persistence > 0.0;
        s.lowest = R::splat(f64::INFINITY);
        s.failure = [None; MAX_LANES];
        let k = s.k;
        for t in 0..m.years.len() {
            match fixed {
                None => {
                    for z in s.z.as_mut() {
                        *z = tape.next();
                    }
                    match &self.chol {
                        Some(rows) => {
                            for (i, (x, row)) in s.x.as_mut().iter_mut().zip(rows).enumerate() {
                                *x = sum(row.as_ref()[..=i]
                                    .iter()
                                    .zip(s.z.as_ref())
                                    .map(|(a, b)| *a * *b));
                            }
                        }
                        None => s.x.as_mut().copy_from_slice(s.z.as_ref()),
                    }
                }
                Some(scores) => {
                    for (x, v) in s.x.as_mut().iter_mut().zip(&scores[t]) {
                        *x = R::splat(*v);
                    }
                }
            }
            if persistent && t > 0 {
                for (e, x) in s.e.as_mut().iter_mut().zip(s.x.as_ref()) {
                    *e = self.persistence * *e + self.innovation * *x;
                }
            } else {
                s.e.as_mut().copy_from_slice(s.x.as_ref());
            }
            self.margins.apply(t, &s.e, &mut s.g);
            if shortfall && drawn {
                let add: R = tape.next();
                for g in s.g.as_mut() {
                    *g = *g + add;
                }
            }
            for g in s.g.as_mut() {
                s.lowest = s.lowest.min(*g);
                *g = g.floor_at(-100.0);
            }
            let inputs = YearInputs {
                growth_pct: s.g.as_ref(),
                prices: m.prices[t].as_year_prices(),
                population_growth: m.population_growth[t],
                employment_growth: m.employment_growth[t],
            };
            let shocks = DrawnShocks {
                tape: &mut tape,
                drawn,
                price_sd: self.price_sd.as_ref(),
                population_sd: m.population_sd,
            };
            let figures = s.state.step_with(&inputs, shocks);
            let growth = figures.growth_pct;
            let year = m.years[t];
            // Zero in every lane where both figures are finite.
            let levels = figures.current_bn_vnd.is_some();
            let probe = growth * R::splat(0.0)
                + if levels {
                    figures.grdp_current_bn_vnd * R::splat(0.0)
                } else {
                    R::splat(0.0)
                };
            if (0..R::LANES).any(|p| probe.lane(p) != 0.0) {
                for (p, failure) in s.failure.iter_mut().enumerate().take(R::LANES) {
                    if failure.is_some() {
                        continue;
                    }
                    if !growth.lane(p).is_finite() {
                        *failure = Some(("aggregate growth", year));
                    } else if levels && !figures.grdp_current_bn_vnd.lane(p).is_finite() {
                        *failure = Some(("GRDP at current prices", year));
                    }
                }
            }
            for p in 0..R::LANES {
                s.year_growth[t * R::LANES + p] = growth.lane(p);
            }
            if t == m.main_index {
                for p in 0..R::LANES {
                    s.main_growth[p] = growth.lane(p);
                }
            }
            if t == m.main_index && s.keep_main {
                for p in 0..R::LANES {
                    let lane = p * k..(p + 1) * k;
                    for ((out, g), w) in s.main_g[lane.clone()]
                        .iter_mut()
                        .zip(s.g.as_ref())
                        .zip(&mut s.main_w[lane].iter_mut().zip(figures.weights))
                    {
                        *out = g.lane(p);
                        *w.0 = w.1.lane(p);
                    }
                }
            }
            let (from, to) = m.tests_by_year[t];
            for test in &m.tests[from..to] {
                let value = figures.value(test.indicator, test.component);
                if let Some(c) = counts.as_deref_mut() {
                    // 1 where met, else 0 (a NaN fails both comparisons).
                    let met = R::from_fn(|p| {
                        let v = value.lane(p);
                        if (v >= test.lo) & (v <= test.hi) {
                            1.0
                        } else {
                            0.0
                        }
                    });
                    let unknown = R::from_fn(|p| if value.lane(p).is_nan() { 1.0 } else { 0.0 });
                    c.met[test.slot] = c.met[test.slot] + met * counted;
                    c.unknown[test.slot] = c.unknown[test.slot] + unknown * counted;
                    all = all * met;
                }
            }
            s.state.roll_forward();
        }
        if let Some(c) = counts {
            c.all = c.all + all * counted;
        }
        debug_assert!(
            fixed.is_some() || tape.at == expected,
            "the layout and the path disagree"
        );
    }
}

impl Model {
    /// Each plan year's aggregate growth with every latent score at
    /// `scores`, and the target year's (`None` where a figure is not finite).
    fn fixed_years(&self, scores: &[Vec<f64>]) -> Option<(f64, Vec<f64>)> {
        let kernel = PathKernel::<f64, Vec<f64>, _>::new(self, AnyMargins(&self.transforms));
        let mut s = PathScratch::new(self);
        kernel.run(Latent::Fixed(scores), false, &mut s, None);
        let path = s.path(0).ok()?;
        Some((path.growth, s.year_growth().to_vec()))
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

#[cfg(test)]
mod tests {
    use super::super::accumulate::ChunkJob;
    use crate::model::{MainTarget, Model, Prices};

    fn builtin_plan() -> Model {
        let loaded = grdp_scenario::builtin::can_tho_2025().unwrap();
        let spec = loaded.uncertainty.unwrap();
        let main = MainTarget::from_scenario(&loaded.scenario).unwrap();
        Model::new(&loaded.scenario, &spec, &spec.views[0], main).unwrap()
    }

    /// Runs a few paths of `model` (in a test build, the kernel asserts
    /// that each path reads exactly the numbers its layout drew) and
    /// returns how many paths were recorded.
    fn run_some(model: &Model) -> u64 {
        let year_bins = model.year_bins();
        let job = ChunkJob {
            seed: 5,
            ..ChunkJob::plain(model, &year_bins, 37)
        };
        let acc = model.run_chunk(&job);
        assert!(acc.failure.is_none());
        acc.n
    }

    /// The numbers a path draws, counted by hand from the model: the
    /// built-in scenario's four components and six plan years, with
    /// uncertain weights, prices and population, draw 4 + 6 × (4 growth +
    /// 4 price + 1 population) = 58 normals, and a shortfall a year more
    /// with the record (64). Price and population shocks stop in the year
    /// current prices become unknown (current-price levels are lost from
    /// then on, and with them every figure population moves: per capita
    /// and productivity): with prices unknown from the third year, 4 + 2 ×
    /// 9 + 4 × 4 = 38. Population's shock stops too once its growth is
    /// not given: with none in the second year, 4 + 9 + 5 × 8 = 53.
    #[test]
    fn a_path_draws_what_its_model_makes_uncertain() {
        let model = builtin_plan();
        assert_eq!((model.k, model.years.len()), (4, 6));
        assert_eq!(model.draw_layout(false).per_path, 58);
        assert_eq!(model.draw_layout(true).per_path, 64);
        assert_eq!(run_some(&model), 37);

        let mut no_prices = builtin_plan();
        for p in &mut no_prices.prices[2..] {
            *p = Prices::Unknown;
        }
        assert_eq!(no_prices.draw_layout(false).per_path, 38);
        assert_eq!(run_some(&no_prices), 37);

        let mut no_population = builtin_plan();
        no_population.population_growth[1] = None;
        assert_eq!(no_population.draw_layout(false).per_path, 53);
        assert_eq!(run_some(&no_population), 37);
    }
}
