//! `grdp simulate`: how likely is the target, under each view of the centre?

use std::io::{IsTerminal, Write as _};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::Context;
use grdp_montecarlo::calibrate::{self, Optimism};
use grdp_montecarlo::engine::{CHUNK_SIZE, Control, FeasibilityRequest, RunOptions};
use grdp_montecarlo::rng::RNG_NAME;
use grdp_montecarlo::{MainTarget, Model, SimResult, UncertaintySpec, simulate};
use grdp_scenario::{LoadedScenario, builtin, read_history};
use serde::Serialize;

use crate::UsageError;
use crate::args::{Format, OptimismBias, SimulateArgs};
use crate::output::{csv_num, csv_text, emit, json};
use crate::table::Table;
use grdp_report::Lang;

/// The largest draws file `--save-draws` writes, bytes (estimated).
const MAX_DRAWS_BYTES: f64 = 2e9;

/// Run metadata, in every output.
#[derive(Serialize, Clone)]
pub struct Metadata {
    pub seed: u64,
    pub scenarios: u64,
    pub chunk_size: u64,
    pub rng: &'static str,
    pub version: &'static str,
    pub scenario_sha256: String,
}

/// One view's result.
#[derive(Serialize)]
pub struct ViewResult {
    pub id: String,
    pub name: String,
    pub centre_pct: Vec<f64>,
    #[serde(flatten)]
    pub result: SimResult,
    pub with_optimism_bias: Option<SimResult>,
}

/// The JSON document (contract in docs/json.md).
#[derive(Serialize)]
pub struct SimulateJson<'a> {
    metadata: &'a Metadata,
    scenario: &'a str,
    view: &'a str,
    #[serde(flatten)]
    main: &'a SimResult,
    views: Vec<ViewSummary<'a>>,
    optimism_bias: Option<&'a Optimism>,
}

#[derive(Serialize)]
struct ViewSummary<'a> {
    id: &'a str,
    name: &'a str,
    centre_pct: &'a [f64],
    probability: f64,
    probability_ci95: [f64; 2],
    std_error: f64,
    mean_pct: f64,
    sd_pct: f64,
    quantiles_pct: &'a grdp_montecarlo::engine::Quantiles,
    expected_shortfall_pp: Option<f64>,
    all_targets_probability: Option<f64>,
    with_optimism_bias: Option<OptimismSummary>,
}

#[derive(Serialize)]
struct OptimismSummary {
    probability: f64,
    probability_ci95: [f64; 2],
    mean_pct: f64,
}

/// Everything a simulation run produced, for this command and the report.
pub struct Outcome {
    pub metadata: Metadata,
    pub views: Vec<ViewResult>,
    pub optimism: Option<Optimism>,
}

pub fn run(args: &SimulateArgs) -> anyhow::Result<()> {
    let loaded = crate::args::load(&args.common.scenario)?;
    let outcome = run_views(&loaded, args)?;
    let lang = args.common.lang();
    let text = match args.common.format {
        Format::Json => json(&document(&loaded, &outcome))?,
        Format::Csv => csv(&outcome)?,
        Format::Table => table(&loaded, &outcome, lang),
    };
    emit(&text, args.common.output.as_deref())
}

/// The JSON document of `grdp simulate`.
pub fn document<'a>(loaded: &'a LoadedScenario, o: &'a Outcome) -> SimulateJson<'a> {
    let first = &o.views[0];
    SimulateJson {
        metadata: &o.metadata,
        scenario: &loaded.meta.name,
        view: &first.id,
        main: &first.result,
        views: o
            .views
            .iter()
            .map(|v| ViewSummary {
                id: &v.id,
                name: &v.name,
                centre_pct: &v.centre_pct,
                probability: v.result.probability,
                probability_ci95: v.result.probability_ci95,
                std_error: v.result.std_error,
                mean_pct: v.result.mean_pct,
                sd_pct: v.result.sd_pct,
                quantiles_pct: &v.result.quantiles_pct,
                expected_shortfall_pp: v.result.expected_shortfall_pp,
                all_targets_probability: v.result.all_targets_probability,
                with_optimism_bias: v.with_optimism_bias.as_ref().map(|w| OptimismSummary {
                    probability: w.probability,
                    probability_ci95: w.probability_ci95,
                    mean_pct: w.mean_pct,
                }),
            })
            .collect(),
        optimism_bias: o.optimism.as_ref(),
    }
}

/// Runs every selected view (and, with the option, each again with the
/// optimism record), on a pool of the requested size.
pub fn run_views(loaded: &LoadedScenario, args: &SimulateArgs) -> anyhow::Result<Outcome> {
    let s = &loaded.scenario;
    let spec: &UncertaintySpec = loaded.uncertainty.as_ref().ok_or_else(|| {
        anyhow::anyhow!(
            "the scenario has no [uncertainty] block, so there is nothing to simulate; add one (docs/scenario-format.md) or start from `grdp calibrate`"
        )
    })?;
    let mut main = MainTarget::from_scenario(s).unwrap_or(MainTarget {
        year: s.plan().years().first().map_or(0, |y| y.year),
        threshold_pct: f64::NAN,
    });
    if let Some(y) = args.year {
        main.year = y;
    }
    if let Some(t) = args.target {
        main.threshold_pct = t;
    }
    if main.threshold_pct.is_nan() {
        return Err(UsageError(
            "the scenario has no aggregate growth target; give one with --target PCT".into(),
        )
        .into());
    }
    let ids: Vec<String> = s
        .economy()
        .components()
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let largest = s
        .economy()
        .base_weights()
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map_or(0, |(i, _)| i);
    let component = |opt: &Option<String>, flag: &str| -> anyhow::Result<usize> {
        match opt {
            None => Ok(largest),
            Some(id) => ids.iter().position(|c| c == id).ok_or_else(|| {
                UsageError(format!(
                    "{flag} {id}: no such component; expected one of: {}",
                    ids.join(", ")
                ))
                .into()
            }),
        }
    };
    let feasibility = component(&args.feasibility, "--feasibility")?;
    let required = component(&args.required, "--required")?;
    let views: Vec<&grdp_montecarlo::View> = match &args.view {
        None => spec.views.iter().collect(),
        Some(wanted) => wanted
            .iter()
            .map(|w| {
                spec.views.iter().find(|v| &v.id == w).ok_or_else(|| {
                    let known: Vec<&str> = spec.views.iter().map(|v| v.id.as_str()).collect();
                    anyhow::Error::from(UsageError(format!(
                        "--view {w}: no such view; expected one of: {}",
                        known.join(", ")
                    )))
                })
            })
            .collect::<anyhow::Result<_>>()?,
    };
    let optimism = match args.optimism_bias {
        OptimismBias::None => None,
        OptimismBias::History => {
            let history = match &args.history {
                Some(p) => read_history(p)?,
                None => {
                    builtin::history().context("the built-in history failed to load (a bug)")?
                }
            };
            let pairs = crate::calibrate_cmd::optimism_pairs(&history, &args.history_region)?;
            Some(calibrate::optimism(&pairs)?)
        }
    };
    let opts = RunOptions {
        scenarios: args.scenarios,
        seed: args.seed,
        precision: args.precision,
        optimism_pp: None,
        feasibility: Some(FeasibilityRequest {
            component: feasibility,
            shifts_pp: (-12..=12).map(|i| f64::from(i) * 0.25).collect(),
        }),
        required_component: Some(required),
        detail: true,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.map_or(0, usize::from))
        .build()
        .context("cannot start the worker threads")?;
    let runs = views.len() as u64 * if optimism.is_some() { 2 } else { 1 };
    let progress = Progress::new(
        !args.quiet && std::io::stderr().is_terminal(),
        runs * args.scenarios,
    );
    // A CSV row of draws is about 20 characters a column: refuse files of
    // gigabytes before writing the first byte.
    if args.save_draws.is_some() {
        let bytes = args.scenarios as f64 * 20.0 * (ids.len() + 2) as f64;
        if bytes > MAX_DRAWS_BYTES {
            return Err(UsageError(format!(
                "--save-draws with -n {} would write about {:.0} GB; expected at most {} scenarios ({:.0} GB), or drop --save-draws",
                args.scenarios,
                bytes / 1e9,
                (MAX_DRAWS_BYTES / (20.0 * (ids.len() + 2) as f64)) as u64,
                MAX_DRAWS_BYTES / 1e9
            ))
            .into());
        }
    }
    let mut draws_file = match &args.save_draws {
        Some(path) => Some(DrawsFile::create(path, &ids)?),
        None => None,
    };
    let mut out = Vec::new();
    for (vi, view) in views.iter().enumerate() {
        let model = Model::new(s, spec, view, main)?;
        let name = match args.common.lang() {
            Lang::En => view.name_en.clone(),
            Lang::Vi => view.name_vi.clone(),
        };
        let run_once =
            |o: &RunOptions, draws: Option<&mut DrawsFile>| -> anyhow::Result<SimResult> {
                let report = |done: u64, _planned: u64| progress.update(done);
                let mut sink = draws.map(|d| move |rows: &[f64]| d.write(rows));
                let control = Control {
                    progress: Some(&report),
                    cancel: Some(&crate::INTERRUPTED),
                    draws: sink
                        .as_mut()
                        .map(|s| s as &mut (dyn FnMut(&[f64]) -> std::io::Result<()> + Send)),
                };
                let r = pool.install(|| simulate(&model, o, control))?;
                progress.finish_run(r.scenarios);
                Ok(r)
            };
        let result = run_once(&opts, if vi == 0 { draws_file.as_mut() } else { None })?;
        let with_optimism_bias = match &optimism {
            Some(opt) => {
                let o = RunOptions {
                    optimism_pp: Some(opt.years.iter().map(|y| y.shortfall_pp).collect()),
                    ..opts.clone()
                };
                Some(run_once(&o, None)?)
            }
            None => None,
        };
        out.push(ViewResult {
            id: view.id.clone(),
            name,
            centre_pct: model.centres().to_vec(),
            result,
            with_optimism_bias,
        });
    }
    progress.clear();
    if let (Some(file), Some(path)) = (draws_file, &args.save_draws) {
        file.persist(path)?;
    }
    Ok(Outcome {
        metadata: Metadata {
            seed: args.seed,
            scenarios: out[0].result.scenarios,
            chunk_size: CHUNK_SIZE,
            rng: RNG_NAME,
            version: env!("CARGO_PKG_VERSION"),
            scenario_sha256: loaded.sha256.clone(),
        },
        views: out,
        optimism,
    })
}

/// A progress bar on stderr, shown only on a terminal and only once the run
/// has lasted a second.
struct Progress {
    enabled: bool,
    total: u64,
    state: Mutex<ProgressState>,
}

struct ProgressState {
    start: Instant,
    finished_runs: u64,
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(enabled: bool, total: u64) -> Self {
        Self {
            enabled,
            total,
            state: Mutex::new(ProgressState {
                start: Instant::now(),
                finished_runs: 0,
                bar: None,
            }),
        }
    }

    fn update(&self, done_in_run: u64) {
        if !self.enabled {
            return;
        }
        let Ok(mut st) = self.state.lock() else {
            return;
        };
        let pos = st.finished_runs + done_in_run;
        if st.bar.is_none() && st.start.elapsed() > Duration::from_secs(1) {
            let bar = indicatif::ProgressBar::new(self.total);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} scenarios, {eta} left",
            ) {
                bar.set_style(style);
            }
            st.bar = Some(bar);
        }
        if let Some(b) = &st.bar {
            b.set_position(pos);
        }
    }

    fn finish_run(&self, scenarios: u64) {
        if let Ok(mut st) = self.state.lock() {
            st.finished_runs += scenarios;
        }
    }

    fn clear(&self) {
        if let Ok(st) = self.state.lock()
            && let Some(b) = &st.bar
        {
            b.finish_and_clear();
        }
    }
}

/// `--save-draws`: a temporary CSV beside the target, renamed when complete.
struct DrawsFile {
    file: std::io::BufWriter<tempfile::NamedTempFile>,
    row: u64,
    width: usize,
}

impl DrawsFile {
    fn create(path: &std::path::Path, ids: &[String]) -> anyhow::Result<Self> {
        if path.is_dir() {
            anyhow::bail!(
                "--save-draws {}: it is a folder; expected a file name such as draws.csv",
                path.display()
            );
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => std::path::Path::new("."),
        };
        let tmp = tempfile::Builder::new()
            .prefix(".grdp-draws-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .with_context(|| format!("cannot write {}", path.display()))?;
        let mut file = std::io::BufWriter::new(tmp);
        let header: Vec<String> = std::iter::once("scenario".to_string())
            .chain(ids.iter().map(|i| format!("{i}_growth_pct")))
            .chain(std::iter::once("grdp_growth_pct".to_string()))
            .collect();
        writeln!(file, "{}", header.join(","))?;
        Ok(Self {
            file,
            row: 0,
            width: ids.len() + 1,
        })
    }

    fn write(&mut self, rows: &[f64]) -> std::io::Result<()> {
        for r in rows.chunks_exact(self.width) {
            self.row += 1;
            let cells: Vec<String> = r.iter().map(|v| format!("{v}")).collect();
            writeln!(self.file, "{},{}", self.row, cells.join(","))?;
        }
        Ok(())
    }

    fn persist(self, path: &std::path::Path) -> anyhow::Result<()> {
        let tmp = self
            .file
            .into_inner()
            .map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), e.error()))?;
        tmp.as_file().sync_all()?;
        tmp.persist(path)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), e.error))?;
        Ok(())
    }
}

pub fn csv(o: &Outcome) -> anyhow::Result<String> {
    let mut header = vec![
        "view",
        "probability",
        "ci95_low",
        "ci95_high",
        "std_error",
        "mean_pct",
        "sd_pct",
        "p1_pct",
        "p5_pct",
        "p10_pct",
        "p25_pct",
        "p50_pct",
        "p75_pct",
        "p90_pct",
        "p95_pct",
        "p99_pct",
        "expected_shortfall_pp",
        "all_targets_probability",
    ];
    header.push("probability_with_optimism_bias");
    let rows = o
        .views
        .iter()
        .map(|v| {
            let r = &v.result;
            let mut row = vec![
                v.id.clone(),
                csv_num(Some(r.probability)),
                csv_num(Some(r.probability_ci95[0])),
                csv_num(Some(r.probability_ci95[1])),
                csv_num(Some(r.std_error)),
                csv_num(Some(r.mean_pct)),
                csv_num(Some(r.sd_pct)),
            ];
            row.extend(r.quantiles_pct.values().iter().map(|q| csv_num(Some(*q))));
            row.push(csv_num(r.expected_shortfall_pp));
            row.push(csv_num(r.all_targets_probability));
            row.push(csv_num(
                v.with_optimism_bias.as_ref().map(|w| w.probability),
            ));
            row
        })
        .collect::<Vec<_>>();
    csv_text(&header, &rows)
}

fn table(loaded: &LoadedScenario, o: &Outcome, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let n = |v: f64| lang.num(v, 2);
    let p3 = |v: f64| lang.num(v, 3);
    let first = &o.views[0].result;
    let mut out = format!(
        "{}: {}\n",
        lang.labels().scenario,
        lang.scenario_name(loaded)
    );
    out += &if vi {
        format!(
            "Xác suất tăng trưởng GRDP {} ≥ {}% (tính cả trường hợp bằng đúng chỉ tiêu); {} kịch bản mỗi góc nhìn.\n\n",
            first.target_year,
            n(first.target_pct),
            lang.num(first.scenarios as f64, 0)
        )
    } else {
        format!(
            "P(GRDP growth {} ≥ {}%), the bound counted as met; {} scenarios a view.\n\n",
            first.target_year,
            n(first.target_pct),
            lang.num(first.scenarios as f64, 0)
        )
    };
    let with_opt = o.views.iter().any(|v| v.with_optimism_bias.is_some());
    let mut head = if vi {
        vec![
            "Góc nhìn",
            "Xác suất",
            "KTC 95%",
            "Trung bình (%)",
            "Độ lệch chuẩn (điểm %)",
            "P10 (%)",
            "P50 (%)",
            "P90 (%)",
        ]
    } else {
        vec![
            "View",
            "P",
            "95% interval",
            "Mean (%)",
            "SD (pp)",
            "P10 (%)",
            "P50 (%)",
            "P90 (%)",
        ]
    };
    if with_opt {
        head.push(if vi {
            "Xác suất, có thiên lệch lạc quan"
        } else {
            "P with optimism bias"
        });
    }
    let mut t = Table::new(head);
    for v in &o.views {
        let r = &v.result;
        let mut row = vec![
            v.name.clone(),
            p3(r.probability),
            format!(
                "{} – {}",
                p3(r.probability_ci95[0]),
                p3(r.probability_ci95[1])
            ),
            n(r.mean_pct),
            n(r.sd_pct),
            n(r.quantiles_pct.p10),
            n(r.quantiles_pct.p50),
            n(r.quantiles_pct.p90),
        ];
        if with_opt {
            row.push(
                v.with_optimism_bias
                    .as_ref()
                    .map_or(String::new(), |w| p3(w.probability)),
            );
        }
        t.row(row);
    }
    out += &t.render();
    if let Some(opt) = &o.optimism {
        let list = opt
            .years
            .iter()
            .map(|s| format!("{} {}", s.year, n(s.shortfall_pp)))
            .collect::<Vec<_>>()
            .join(", ");
        out += &if vi {
            format!(
                "Thiên lệch lạc quan: mỗi năm của mỗi kịch bản cộng thêm một mức hụt lấy ngẫu nhiên từ lịch sử (kết quả − chỉ tiêu, điểm %): {list}.\n"
            )
        } else {
            format!(
                "Optimism bias: each year of each scenario adds a shortfall resampled from the record (outcome − target, pp): {list}.\n"
            )
        };
    }
    let v0 = &o.views[0];
    out += &format!(
        "\n{}: {}\n",
        if vi {
            "Chi tiết theo góc nhìn"
        } else {
            "In detail, view"
        },
        v0.name
    );
    if !first.targets.is_empty() {
        let mut t = Table::new([
            if vi { "Chỉ tiêu" } else { "Target" },
            if vi { "Xác suất đạt" } else { "P(met)" },
        ]);
        for tp in &first.targets {
            t.row(vec![
                target_name(loaded, &tp.id, lang),
                tp.probability.map_or("–".into(), p3),
            ]);
        }
        if let Some(all) = first.all_targets_probability {
            t.row(vec![
                if vi {
                    "Đạt tất cả chỉ tiêu".into()
                } else {
                    "All targets together".into()
                },
                p3(all),
            ]);
        }
        out += &t.render();
        out.push('\n');
    }
    let mut t = Table::new(if vi {
        [
            "Khu vực",
            "Tỷ phần phương sai",
            "Tương quan hạng Spearman",
            "GRDP khi P10 (%)",
            "GRDP khi P90 (%)",
        ]
    } else {
        [
            "Component",
            "Variance share",
            "Spearman",
            "GRDP at its P10 (%)",
            "GRDP at its P90 (%)",
        ]
    });
    for (i, sens) in first.sensitivity.iter().enumerate() {
        t.row(vec![
            lang.component_name(loaded, i).to_string(),
            p3(sens.variance_share),
            p3(sens.spearman),
            n(sens.tornado_low_pct),
            n(sens.tornado_high_pct),
        ]);
    }
    out += &t.render();
    if let Some(req) = &first.required_growth {
        let name = lang.component_name_of(loaded, &req.component);
        out += &if vi {
            format!(
                "\nĐể đạt chỉ tiêu, {} lẽ ra cần tăng (trung vị) {}% (P10 {}%, P90 {}%), các khu vực khác như đã rút thăm.\n",
                name,
                n(req.quantiles_pct.p50),
                n(req.quantiles_pct.p10),
                n(req.quantiles_pct.p90)
            )
        } else {
            format!(
                "\nTo meet the target, {} would have needed {}% growth (median; P10 {}%, P90 {}%), the others as drawn.\n",
                name,
                n(req.quantiles_pct.p50),
                n(req.quantiles_pct.p10),
                n(req.quantiles_pct.p90)
            )
        };
    }
    let m = &o.metadata;
    out += &format!(
        "\nseed {} · {} scenarios · chunk {} · {} · grdp {} · scenario sha256 {}\n",
        m.seed,
        m.scenarios,
        m.chunk_size,
        m.rng,
        m.version,
        &m.scenario_sha256[..m.scenario_sha256.len().min(12)]
    );
    out
}

fn target_name(loaded: &LoadedScenario, id: &str, lang: Lang) -> String {
    loaded
        .scenario
        .targets()
        .targets()
        .iter()
        .find(|t| t.id == id)
        .map_or(id.to_string(), |t| {
            crate::project_cmd::target_label(loaded, t, lang)
        })
}
