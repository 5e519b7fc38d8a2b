//! `grdp batch`: every region's growth target at once, from a provincial
//! table (the built-in one, or the user's in the history format).

use std::path::Path;

use anyhow::Context;
use grdp_report::{documents, tables, terminal};
use grdp_scenario::{builtin, read_history, read_scenario};
use grdp_study::batch::{self, BatchOptions, Spread, SpreadSource};
use grdp_study::calibration::RecordVintage;

use crate::args::{BatchArgs, SpreadFrom, TableJsonCsv};
use crate::output::{Output, emit};
use grdp_report::write::Draft;
use std::io::Write;

pub fn run(args: &BatchArgs) -> anyhow::Result<()> {
    crate::args::note_fractions(&[("--sd", args.sd, "pp")]);
    let options = BatchOptions {
        draws: args.draws,
        seed: args.seed,
        threads: args.threads.map(usize::from),
    };
    if let Some(dir) = args.table.as_deref().filter(|p| p.is_dir()) {
        let b = scenario_folder(dir, &options)?;
        return finish(args, &b, &dir.display().to_string());
    }
    let (table, origin) = match &args.table {
        Some(p) => (read_history(p)?, p.display().to_string()),
        None => (
            builtin::provinces().with_context(|| {
                crate::args::in_lang(
                    "the built-in provincial table failed to load (a bug)".into(),
                    "không đọc được bảng số liệu các tỉnh có sẵn trong chương trình (lỗi của chương trình)".into(),
                )
            })?,
            match args.lang {
                crate::args::LangArg::En => "data/provinces/provinces.csv, built in",
                crate::args::LangArg::Vi => {
                    "data/provinces/provinces.csv, có sẵn trong chương trình"
                }
            }
            .to_string(),
        ),
    };
    // The national series (the spread, and last year's growth where a
    // region has none): the built-in history, or --history.
    let (history, _) = crate::args::load_history(&args.history)?;
    let (source, sd) = match (args.sd, args.sd_from) {
        (Some(sd), _) => (SpreadSource::Stated, Some(sd)),
        (None, SpreadFrom::National) => (SpreadSource::National, None),
        (None, SpreadFrom::Cantho) => {
            let b = grdp_study::backtest::backtest(&history, "can_tho", RecordVintage::Latest, 1.0)
                .map_err(crate::errors::in_flags)?;
            let recent = b
                .views
                .iter()
                .find(|v| v.view == "recent")
                .map(|v| v.rmse_pp)
                .with_context(|| {
                    crate::args::in_lang(
                        "Cần Thơ's record has no year with last year's growth (a bug)".into(),
                        "chuỗi số liệu của Cần Thơ không có năm nào có tốc độ tăng năm trước (lỗi của chương trình)".into(),
                    )
                })?;
            (SpreadSource::CanTho, Some(recent))
        }
    };
    let spread = Spread::new(&history, source, sd).map_err(crate::errors::in_flags)?;
    let (inputs, unmatched) =
        batch::regions(&table, args.year, &history).map_err(crate::errors::in_flags)?;
    let b = batch::run(inputs, unmatched, args.year, spread, &options)
        .map_err(crate::errors::in_flags)?;
    finish(args, &b, &origin)
}

/// Every scenario file (`*.toml`) of `dir`, in name order, each under its
/// own model.
fn scenario_folder(dir: &Path, options: &BatchOptions) -> anyhow::Result<batch::Batch> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .with_context(|| {
            crate::args::in_lang(
                format!("cannot read the folder {}", dir.display()),
                format!("không đọc được thư mục {}", dir.display()),
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(crate::UsageError(crate::args::in_lang(
            format!(
                "{} holds no scenario file (*.toml); expected one .toml scenario a region, or a provincial table (CSV)",
                dir.display()
            ),
            format!(
                "{} không có tệp kịch bản nào (*.toml); cần mỗi địa phương một kịch bản .toml, hoặc một bảng số liệu các tỉnh (CSV)",
                dir.display()
            ),
        ))
        .into());
    }
    let mut loaded = Vec::with_capacity(files.len());
    for f in &files {
        let l = read_scenario(f)?;
        for w in &l.warnings {
            crate::say(crate::args::warning_line(w));
        }
        loaded.push((f.display().to_string(), l));
    }
    let refs: Vec<(String, &grdp_scenario::LoadedScenario)> =
        loaded.iter().map(|(f, l)| (f.clone(), l)).collect();
    batch::run_scenarios(&refs, options).map_err(crate::errors::in_flags)
}

/// Writes the chart (where asked) and the table, JSON or CSV: both staged
/// first and committed together, so a failure leaves neither half-written
/// and the old files in place.
fn finish(args: &BatchArgs, b: &batch::Batch, origin: &str) -> anyhow::Result<()> {
    let text = match args.format {
        TableJsonCsv::Json => documents::to_json(b)?,
        TableJsonCsv::Csv => tables::batch(b)?,
        TableJsonCsv::Table => terminal::batch(b, origin, args.lang.into()),
    };
    let mut inputs: Vec<&Path> = args.table.as_deref().into_iter().collect();
    inputs.extend(args.history.as_deref());
    let output = args.output.as_deref().filter(|p| *p != Path::new("-"));
    let chart = match &args.chart {
        Some(path) => {
            if output.is_some_and(|o| o == path || grdp_report::write::same_file(o, path)) {
                return Err(crate::UsageError(crate::args::in_lang(
                    format!(
                        "--chart and -o both name {}; expected two different files",
                        path.display()
                    ),
                    format!(
                        "--chart và -o cùng là {}; cần hai tệp khác nhau",
                        path.display()
                    ),
                ))
                .into());
            }
            let png = grdp_report::charts::batch_chart(b, args.lang.into(), 1)?;
            let mut draft = Draft::create(path, &inputs)?;
            draft
                .write_all(&png)
                .map_err(|source| grdp_report::ReportError::Io {
                    path: path.clone(),
                    source,
                })?;
            inputs.push(path);
            Some(draft)
        }
        None => None,
    };
    match output {
        Some(path) => {
            let mut draft = Draft::create(path, &inputs)?;
            draft
                .write_all(text.as_bytes())
                .map_err(|source| grdp_report::ReportError::Io {
                    path: path.to_path_buf(),
                    source,
                })?;
            if let Some(c) = chart {
                c.commit()?;
            }
            draft.commit()?;
            Ok(())
        }
        None => {
            if let Some(c) = chart {
                c.commit()?;
            }
            emit(&Output::Text(text), None, &inputs)
        }
    }
}
