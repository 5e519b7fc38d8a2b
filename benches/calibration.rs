//! Speed of calibration on the shipped history: national sector growth,
//! moments, pairwise rank correlation, and the check (and, where needed,
//! the repair) of the correlation matrix.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use grdp_montecarlo::calibrate::{self, Series};

fn bench(c: &mut Criterion) {
    let history = grdp_scenario::builtin::history().expect("built-in history loads");
    let series: Vec<(String, Series)> = ["agriculture", "industry_construction", "services"]
        .iter()
        .map(|id| (id.to_string(), history.annual("vietnam", id, "growth_pct")))
        .collect();
    c.bench_function("calibration/vietnam_three_sectors", |b| {
        b.iter(|| calibrate::estimate(black_box(&series)).unwrap())
    });
    c.bench_function("calibration/load_history_and_estimate", |b| {
        b.iter(|| {
            let h = grdp_scenario::builtin::history().unwrap();
            let s: Vec<(String, Series)> = ["agriculture", "industry_construction", "services"]
                .iter()
                .map(|id| (id.to_string(), h.annual("vietnam", id, "growth_pct")))
                .collect();
            calibrate::estimate(&s).unwrap()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
