//! One simulated path: the economy year by year from a draw of the latent
//! normals, and what each year shows for the targets.

use grdp_core::step::{PathState, YearInputs};

use crate::model::Model;
use crate::rng::{ChunkRng, index};

/// Per-draw buffers, reused.
pub(super) struct Scratch {
    pub(super) z: Vec<f64>,
    pub(super) x: Vec<f64>,
    pub(super) e: Vec<f64>,
    pub(super) g: Vec<f64>,
    /// The economy along the path: weights, levels, people (grdp-core's year step).
    pub(super) state: PathState,
    pub(super) main_g: Vec<f64>,
    pub(super) main_w: Vec<f64>,
    pub(super) met: Vec<u8>,
    /// Aggregate growth of every plan year, percent.
    pub(super) year_growth: Vec<f64>,
    /// Whether this path drew a component's growth at or below −100 % in
    /// some year (floored there: the sector lost all its output).
    pub(super) collapsed: bool,
}

/// 0 not met, 1 met, 2 unknown.
pub(super) const MET: u8 = 1;
pub(super) const UNKNOWN: u8 = 2;

impl Scratch {
    pub(super) fn new(k: usize, targets: usize, years: usize) -> Self {
        Self {
            z: vec![0.0; k],
            x: vec![0.0; k],
            e: vec![0.0; k],
            g: vec![0.0; k],
            state: PathState::new(k),
            main_g: vec![0.0; k],
            main_w: vec![0.0; k],
            met: vec![0; targets],
            year_growth: vec![0.0; years],
            collapsed: false,
        }
    }
}

/// The random parts of one draw: where they come from.
pub(super) enum Source<'a> {
    Random(&'a mut ChunkRng, Option<&'a [f64]>),
    /// Fixed latent scores per year and component (for the tornado and the
    /// median path): the normal score of each year's growth itself, after
    /// persistence, so a score of Φ⁻¹(0.1) puts a component at its own
    /// 10th percentile that year.
    Fixed(&'a [Vec<f64>]),
}

impl Model {
    /// One scenario, year by year: the latent normals become component
    /// growth, and grdp-core's year step turns that into the economy.
    /// Returns aggregate growth of the target year.
    pub(super) fn draw(
        &self,
        src: &mut Source,
        s: &mut Scratch,
    ) -> Result<f64, (&'static str, i32)> {
        let k = self.k;
        let levels = self.needs_levels && self.base_current.is_some();
        s.state.reset(
            &self.base_weights,
            if levels {
                self.base_current.as_deref()
            } else {
                None
            },
            self.base_population,
            self.base_employed,
        );
        if let (Some(sd), Source::Random(rng, _)) = (&self.weight_sd, &mut *src) {
            let w = s.state.weights_mut();
            for (w, sd) in w.iter_mut().zip(sd) {
                *w = (*w + sd * self.normal.sample(*rng)).max(0.0);
            }
            let total: f64 = w.iter().sum();
            if total > 0.0 {
                w.iter_mut().for_each(|w| *w /= total);
            } else {
                w.copy_from_slice(&self.base_weights);
            }
        }
        let innovation = (1.0 - self.persistence * self.persistence).sqrt();
        let mut main_growth = f64::NAN;
        let fixed = matches!(src, Source::Fixed(_));
        s.collapsed = false;
        for t in 0..self.years.len() {
            match src {
                Source::Random(rng, _) => {
                    for z in s.z.iter_mut() {
                        *z = self.normal.sample(*rng);
                    }
                    match &self.chol {
                        Some(l) => {
                            for i in 0..k {
                                let row = &l[i * k..i * k + i + 1];
                                s.x[i] = row.iter().zip(&s.z).map(|(a, b)| a * b).sum();
                            }
                        }
                        None => s.x.copy_from_slice(&s.z),
                    }
                }
                Source::Fixed(scores) => s.x.copy_from_slice(&scores[t]),
            }
            for i in 0..k {
                s.e[i] = if !fixed && t > 0 && self.persistence > 0.0 {
                    self.persistence * s.e[i] + innovation * s.x[i]
                } else {
                    s.x[i]
                };
                s.g[i] = self.transforms[t][i].apply(s.e[i]);
            }
            if let Source::Random(rng, Some(shortfalls)) = src {
                let add = shortfalls[index(*rng, shortfalls.len())];
                s.g.iter_mut().for_each(|g| *g += add);
            }
            for g in s.g.iter_mut() {
                if *g <= -100.0 {
                    *g = -100.0;
                    s.collapsed = true;
                }
            }
            let inputs = YearInputs {
                growth_pct: &s.g,
                prices: self.prices[t].as_year_prices(),
                population_growth: self.population_growth[t],
                employment_growth: self.employment_growth[t],
            };
            // Uncertain prices and population: drawn once prices are known,
            // price shocks first, in component order.
            let shocks = |price: &mut [f64], population_moves: bool| -> f64 {
                let Source::Random(rng, _) = src else {
                    return 0.0;
                };
                if let Some(sd) = &self.price_sd {
                    for (pi, sd) in price.iter_mut().zip(sd) {
                        *pi += sd * self.normal.sample(*rng);
                    }
                }
                match &self.population_sd {
                    Some(sd) if population_moves => sd * self.normal.sample(*rng),
                    _ => 0.0,
                }
            };
            let figures = s.state.step(&inputs, shocks);
            let growth = figures.growth_pct;
            if !growth.is_finite() {
                return Err(("aggregate growth", self.years[t]));
            }
            if figures.current_bn_vnd.is_some() && !figures.grdp_current_bn_vnd.is_finite() {
                return Err(("GRDP at current prices", self.years[t]));
            }
            s.year_growth[t] = growth;
            if t == self.main_index {
                main_growth = growth;
                s.main_g.copy_from_slice(&s.g);
                s.main_w.copy_from_slice(figures.weights);
            }
            for (m, target) in s.met.iter_mut().zip(&self.targets) {
                if target.year_index != t {
                    continue;
                }
                let value = figures.value(target.indicator, target.component);
                *m = if value.is_nan() {
                    UNKNOWN
                } else if value >= target.lo && value <= target.hi {
                    MET
                } else {
                    0
                };
            }
            s.state.advance(&s.g);
        }
        Ok(main_growth)
    }
}

impl Model {
    /// The deterministic aggregate growth of the target year with every
    /// latent score at `scores` (zero = every marginal at its median).
    pub(super) fn fixed_path(&self, scores: &[Vec<f64>]) -> f64 {
        let mut s = Scratch::new(self.k, self.targets.len(), self.years.len());
        self.draw(&mut Source::Fixed(scores), &mut s)
            .unwrap_or(f64::NAN)
    }

    pub(super) fn zero_scores(&self) -> Vec<Vec<f64>> {
        vec![vec![0.0; self.k]; self.years.len()]
    }
}
