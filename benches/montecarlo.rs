//! Speed of the Monte Carlo engine.
//!
//! - `one_year_normal`: the reference model — the built-in Cần Thơ
//!   economy, one year, four components, correlated normal growth, the
//!   aggregate target only — 10⁶ scenarios at one thread and at every
//!   thread, raw sampling (`detail: false`) and with the full analysis.
//! - `six_year_paths`: the same four components over six plan years
//!   (2025-2030, the plan's growth repeated), weights rolling with every
//!   draw, persistence 0.3.
//! - `builtin_default`: `grdp simulate`'s default work for one view:
//!   every target, uncertain weights, prices and population.
//!
//! Throughput is in scenarios; results go to BENCHMARKS.md.

use std::hint::black_box;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use grdp_core::{Indicator, Plan, Scenario, TargetSet, YearPlan};
use grdp_montecarlo::engine::RunOptions;
use grdp_montecarlo::{InputUncertainty, MainTarget, Model, UncertaintySpec, simulate};

/// The allocator the `grdp` binary uses (`crates/cli/main.rs`), so that
/// these timings are the engine's as users run it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const N: u64 = 1_000_000;

fn builtin() -> (Scenario, UncertaintySpec) {
    let loaded = grdp_scenario::builtin::can_tho_2025().expect("built-in scenario loads");
    let spec = loaded
        .uncertainty
        .expect("built-in scenario has uncertainty");
    (loaded.scenario, spec)
}

/// The built-in economy with only the aggregate growth target, `years` plan years.
fn growth_only(years: i32) -> (Scenario, UncertaintySpec) {
    let (s, mut spec) = builtin();
    let e = s.economy().clone();
    let first = s.plan().years()[0].clone();
    let plan = Plan::new(
        &e,
        (0..years)
            .map(|i| YearPlan {
                year: first.year + i,
                ..first.clone()
            })
            .collect(),
    )
    .unwrap();
    let targets: Vec<_> = s
        .targets()
        .targets()
        .iter()
        .filter(|t| t.indicator == Indicator::GrowthPct && t.component.is_none())
        .cloned()
        .collect();
    let targets = TargetSet::new(&e, targets).unwrap();
    let scenario = Scenario::new("bench", e, plan, targets, vec![], vec![]).unwrap();
    spec.inputs = InputUncertainty::default();
    spec.views.truncate(1);
    // The built-in scenario prefers a view this one-view spec no longer has.
    spec.preferred_view = None;
    if years > 1 {
        spec.persistence = 0.3;
    }
    (scenario, spec)
}

fn options(detail: bool) -> RunOptions {
    RunOptions {
        scenarios: N,
        seed: 42,
        precision: None,
        optimism_pp: None,
        feasibility: None,
        required_component: None,
        detail,
    }
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
}

/// The engine's model of one view of `spec` over `s`.
fn model(s: &Scenario, spec: &UncertaintySpec) -> Model {
    Model::new(
        s,
        spec,
        &spec.views[0],
        MainTarget::from_scenario(s).unwrap(),
    )
    .unwrap()
}

/// Times `N` scenarios of `model` on a pool of `threads`.
fn run(
    g: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    threads: usize,
    model: &Model,
    detail: bool,
) {
    let p = pool(threads);
    g.bench_function(format!("{name}/{threads}_threads"), |b| {
        b.iter(|| {
            p.install(|| {
                simulate(black_box(model), &options(detail), Default::default())
                    .unwrap()
                    .probability
            })
        })
    });
}

fn bench(c: &mut Criterion) {
    let all = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut g = c.benchmark_group("montecarlo");
    g.throughput(Throughput::Elements(N));
    g.sample_size(20);

    let (s, spec) = growth_only(1);
    let one_year = model(&s, &spec);
    for threads in [1, all] {
        run(&mut g, "one_year_normal/raw", threads, &one_year, false);
        run(&mut g, "one_year_normal/full", threads, &one_year, true);
    }

    let (s6, spec6) = growth_only(6);
    let six_years = model(&s6, &spec6);
    for threads in [1, all] {
        run(&mut g, "six_year_paths", threads, &six_years, false);
    }

    let (sb, specb) = builtin();
    run(&mut g, "builtin_default", all, &model(&sb, &specb), true);
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
