//! One simulated path: the economy year by year from a draw of the latent
//! normals, and what each year shows for the targets.

use crate::model::{CompiledTarget, Model, Prices, TargetKind};
use crate::rng::{ChunkRng, index};

/// Per-draw buffers, reused.
pub(super) struct Scratch {
    pub(super) z: Vec<f64>,
    pub(super) x: Vec<f64>,
    pub(super) e: Vec<f64>,
    pub(super) g: Vec<f64>,
    pub(super) w: Vec<f64>,
    pub(super) y: Vec<f64>,
    pub(super) y_new: Vec<f64>,
    pub(super) pi: Vec<f64>,
    pub(super) main_g: Vec<f64>,
    pub(super) main_w: Vec<f64>,
    pub(super) met: Vec<u8>,
    /// Aggregate growth of every plan year, percent.
    pub(super) year_growth: Vec<f64>,
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
            w: vec![0.0; k],
            y: vec![0.0; k],
            y_new: vec![0.0; k],
            pi: vec![0.0; k],
            main_g: vec![0.0; k],
            main_w: vec![0.0; k],
            met: vec![0; targets],
            year_growth: vec![0.0; years],
        }
    }
}

/// The random parts of one draw: where they come from.
pub(super) enum Source<'a> {
    Random(&'a mut ChunkRng, Option<&'a [f64]>),
    /// Fixed latent scores per year and component (for the tornado).
    Fixed(&'a [Vec<f64>]),
}

impl Model {
    /// One scenario, year by year. Returns aggregate growth of the target year.
    pub(super) fn draw(
        &self,
        src: &mut Source,
        s: &mut Scratch,
    ) -> Result<f64, (&'static str, i32)> {
        let k = self.k;
        s.w.copy_from_slice(&self.base_weights);
        if let (Some(sd), Source::Random(rng, _)) = (&self.weight_sd, &mut *src) {
            for (w, sd) in s.w.iter_mut().zip(sd) {
                *w = (*w + sd * self.normal.sample(*rng)).max(0.0);
            }
            let total: f64 = s.w.iter().sum();
            if total > 0.0 {
                s.w.iter_mut().for_each(|w| *w /= total);
            } else {
                s.w.copy_from_slice(&self.base_weights);
            }
        }
        let mut levels = self.needs_levels && self.base_current.is_some();
        if levels && let Some(y) = &self.base_current {
            s.y.copy_from_slice(y);
        }
        let mut population = self.base_population;
        let mut employed = self.base_employed;
        let innovation = (1.0 - self.persistence * self.persistence).sqrt();
        let mut main_growth = f64::NAN;
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
                s.e[i] = if t > 0 && self.persistence > 0.0 {
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
            let growth: f64 = s.w.iter().zip(&s.g).map(|(w, g)| w * g).sum();
            if !growth.is_finite() {
                return Err(("aggregate growth", self.years[t]));
            }
            s.year_growth[t] = growth;
            if t == self.main_index {
                main_growth = growth;
                s.main_g.copy_from_slice(&s.g);
                s.main_w.copy_from_slice(&s.w);
            }
            // Current prices, people, workers.
            let mut nominal = f64::NAN;
            let mut current_total = f64::NAN;
            let mut per_capita = f64::NAN;
            let mut productivity = f64::NAN;
            if levels {
                let y_total: f64 = s.y.iter().sum();
                let price_known = match &self.prices[t] {
                    Prices::Common(p) => {
                        let at_old: f64 =
                            s.y.iter()
                                .zip(&s.g)
                                .map(|(y, g)| y * (1.0 + g / 100.0))
                                .sum();
                        let c = (1.0 + p) * (1.0 + growth / 100.0) * y_total / at_old - 1.0;
                        s.pi.iter_mut().for_each(|x| *x = c);
                        true
                    }
                    Prices::PerComponent(v) => {
                        s.pi.copy_from_slice(v);
                        true
                    }
                    Prices::Unknown => false,
                };
                if price_known {
                    if let (Some(sd), Source::Random(rng, _)) = (&self.price_sd, &mut *src) {
                        for (pi, sd) in s.pi.iter_mut().zip(sd) {
                            *pi += sd * self.normal.sample(*rng);
                        }
                    }
                    for i in 0..k {
                        s.y_new[i] = s.y[i] * (1.0 + s.g[i] / 100.0) * (1.0 + s.pi[i]);
                    }
                    current_total = s.y_new.iter().sum();
                    nominal = 100.0 * (current_total / y_total - 1.0);
                    population = match (population, self.population_growth[t]) {
                        (Some(p), Some(gp)) => {
                            let noise = match (&self.population_sd, &mut *src) {
                                (Some(sd), Source::Random(rng, _)) => sd * self.normal.sample(*rng),
                                _ => 0.0,
                            };
                            Some(p * (1.0 + gp + noise))
                        }
                        _ => None,
                    };
                    employed = match (employed, self.employment_growth[t]) {
                        (Some(l), Some(ge)) => Some(l * (1.0 + ge)),
                        _ => None,
                    };
                    per_capita = population.map_or(f64::NAN, |p| current_total / p);
                    productivity = employed.map_or(f64::NAN, |l| current_total / l);
                    if !current_total.is_finite() {
                        return Err(("GRDP at current prices", self.years[t]));
                    }
                } else {
                    levels = false;
                }
            }
            for (m, target) in s.met.iter_mut().zip(&self.targets) {
                if target.year_index != t {
                    continue;
                }
                let figures = YearFigures {
                    growth,
                    g: &s.g,
                    w: &s.w,
                    y_new: &s.y_new,
                    current_total,
                    nominal,
                    per_capita,
                    productivity,
                    employment_growth: self.employment_growth[t],
                };
                let value = figures.value(target);
                *m = if value.is_nan() {
                    UNKNOWN
                } else if value >= target.lo && value <= target.hi {
                    MET
                } else {
                    0
                };
            }
            // Roll weights and levels forward.
            for i in 0..k {
                s.w[i] *= 1.0 + s.g[i] / 100.0;
            }
            let total: f64 = s.w.iter().sum();
            if total > 0.0 {
                s.w.iter_mut().for_each(|w| *w /= total);
            }
            if levels {
                s.y.copy_from_slice(&s.y_new);
            }
        }
        Ok(main_growth)
    }
}

/// What one simulated year shows, for testing targets.
pub(super) struct YearFigures<'a> {
    pub(super) growth: f64,
    pub(super) g: &'a [f64],
    pub(super) w: &'a [f64],
    pub(super) y_new: &'a [f64],
    pub(super) current_total: f64,
    pub(super) nominal: f64,
    pub(super) per_capita: f64,
    pub(super) productivity: f64,
    pub(super) employment_growth: Option<f64>,
}

impl YearFigures<'_> {
    /// The target's indicator this year; NaN where an input is unknown.
    pub(super) fn value(&self, t: &CompiledTarget) -> f64 {
        match t.kind {
            TargetKind::Growth => self.growth,
            TargetKind::ComponentGrowth(i) => self.g[i],
            TargetKind::Contribution(i) => self.w[i] * self.g[i],
            TargetKind::Share(i) => 100.0 * self.y_new[i] / self.current_total,
            TargetKind::PerCapita => self.per_capita,
            TargetKind::Productivity => self.productivity,
            TargetKind::ProductivityGrowth => self.employment_growth.map_or(f64::NAN, |e| {
                100.0 * ((1.0 + self.growth / 100.0) / (1.0 + e) - 1.0)
            }),
            TargetKind::Nominal => self.nominal,
            TargetKind::Deflator => {
                100.0 * ((1.0 + self.nominal / 100.0) / (1.0 + self.growth / 100.0) - 1.0)
            }
            TargetKind::GrdpCurrent => self.current_total,
        }
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
