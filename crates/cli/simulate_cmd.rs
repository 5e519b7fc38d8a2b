//! `grdp simulate`: how likely is the target, under each view of the centre?

use std::io::Write as _;
use std::path::Path;

use grdp_report::write::Draft;
use grdp_report::{documents, tables, terminal};
use grdp_study::simulation::simulate_views;

use crate::UsageError;
use crate::args::{Format, SimulateArgs};
use crate::output::{Output, emit};

/// The largest draws file `--save-draws` writes, bytes (estimated).
const MAX_DRAWS_BYTES: f64 = 2e9;

pub fn run(args: &SimulateArgs) -> anyhow::Result<()> {
    // No output may replace an input, nor the draws the table: checked
    // before anything is read or drawn.
    let mut inputs = args.common.inputs();
    inputs.extend(args.history.as_deref());
    // `--save-draws -` is standard output, as `-o -` is.
    let save_draws = args.save_draws.as_deref().map(|p| {
        if p == Path::new("-") {
            Path::new("/dev/stdout")
        } else {
            p
        }
    });
    let to_standard_output =
        |p: &Path| p == Path::new("-") || grdp_report::write::names_standard_output(p);
    if let Some(draws) = save_draws
        && to_standard_output(draws)
        && args.common.output.as_deref().is_none_or(to_standard_output)
    {
        let shown = args.save_draws.as_deref().unwrap_or(draws).display();
        return Err(UsageError(crate::args::in_lang(
            format!(
                "--save-draws {shown} and the table would both go to standard output, mixed in one stream; expected a file for one of them (-o FILE or --save-draws FILE)"
            ),
            format!(
                "--save-draws {shown} và bảng kết quả sẽ cùng ra đầu ra chuẩn, lẫn vào nhau; cần một tệp cho một trong hai (-o TỆP hoặc --save-draws TỆP)"
            ),
        ))
        .into());
    }
    if let (Some(out), Some(draws)) = (&args.common.output, save_draws)
        && grdp_report::write::same_output(out, draws)
    {
        let (out, shown) = (
            out.display(),
            args.save_draws.as_deref().unwrap_or(draws).display(),
        );
        return Err(UsageError(crate::args::in_lang(
            format!("-o {out} and --save-draws {shown} name the same file; expected two files"),
            format!("-o {out} và --save-draws {shown} là cùng một tệp; cần hai tệp khác nhau"),
        ))
        .into());
    }
    // The table on standard output, redirected into the very file the
    // draws would replace (`--save-draws d.csv >> d.csv`): the table would
    // go to a file no longer there.
    if let Some(draws) = save_draws
        && args.common.output.as_deref().is_none_or(to_standard_output)
        && grdp_report::write::same_file(draws, Path::new("/dev/stdout"))
    {
        let shown = draws.display();
        return Err(UsageError(crate::args::in_lang(
            format!(
                "--save-draws {shown} is the file standard output is redirected to, where the table goes; expected two files (name the table's with -o)"
            ),
            format!(
                "--save-draws {shown} là tệp mà đầu ra chuẩn (nơi ghi bảng kết quả) được chuyển hướng tới; cần hai tệp khác nhau (đặt tên tệp cho bảng bằng -o)"
            ),
        ))
        .into());
    }
    // The table's file is checked now, not after a long run (the draws'
    // file is created before the run).
    if let Some(out) = args
        .common
        .output
        .as_deref()
        .filter(|p| *p != std::path::Path::new("-"))
    {
        grdp_report::write::check_file_path(out, &inputs)?;
    }
    if let Some(draws) = save_draws {
        grdp_report::write::refuse_inputs(draws, &inputs)?;
    }
    crate::args::note_target_and_known(args.target, args.year_so_far.known);
    let loaded = crate::args::load(&args.common.scenario, args.common.builtin)?;
    // The scenario's own record, checked against the history where it is
    // the one applied.
    // The history, read once (it may be a pipe).
    let history = if args.optimism_bias == crate::args::OptimismBias::History {
        Some(crate::args::load_history(&args.history)?)
    } else {
        None
    };
    let own = match (&history, &args.history_region) {
        (Some((h, name)), None) => {
            crate::args::own_region(&loaded, &args.common.scenario, args.common.builtin, h, name)?
                .map(str::to_string)
        }
        _ => loaded.meta.history_region.clone(),
    };
    let options = args.simulation_options(own.as_deref(), history.as_ref())?;
    let ids: Vec<String> = loaded
        .scenario
        .economy()
        .components()
        .iter()
        .map(|c| c.id.clone())
        .collect();
    // A CSV row of draws is about 20 characters a column: refuse files of
    // gigabytes before writing the first byte.
    if args.save_draws.is_some() {
        let bytes = args.scenarios as f64 * 20.0 * (ids.len() + 2) as f64;
        if bytes > MAX_DRAWS_BYTES {
            let (n, gb) = (args.scenarios, bytes / 1e9);
            let (most, most_gb) = (
                (MAX_DRAWS_BYTES / (20.0 * (ids.len() + 2) as f64)) as u64,
                MAX_DRAWS_BYTES / 1e9,
            );
            return Err(UsageError(crate::args::in_lang(
                format!(
                    "--save-draws with -n {n} would write about {gb:.0} GB; expected at most {most} draws ({most_gb:.0} GB), or drop --save-draws"
                ),
                format!(
                    "--save-draws với -n {n} sẽ ghi khoảng {} GB; tối đa {} lần mô phỏng ({} GB), hoặc bỏ --save-draws",
                    crate::errors_vi::vn(gb.round()),
                    crate::errors_vi::vn(most as f64),
                    crate::errors_vi::vn(most_gb.round())
                ),
            ))
            .into());
        }
    }
    // Everything the options can get wrong is said before the draws.
    if matches!(args.common.format, Format::Xlsx)
        && args
            .common
            .output
            .as_deref()
            .is_none_or(|p| p == std::path::Path::new("-"))
    {
        return Err(UsageError(crate::args::in_lang(
            "--format xlsx writes an Excel workbook: name its file with -o, e.g. -o grdp.xlsx"
                .into(),
            "--format xlsx ghi một tệp Excel: đặt tên tệp bằng -o, ví dụ -o grdp.xlsx".into(),
        ))
        .into());
    }
    let target_year = grdp_study::simulation::main_target(&loaded, &options)
        .map_err(crate::errors::in_flags)?
        .year;
    // What is known of the target year: --known, else the scenario's
    // [known]; the shares from --quarter-shares, else the scenario's, else
    // equal (an assumption the output states).
    let file_known = loaded.scenario.known().filter(|k| k.year == target_year);
    let stated_shares = crate::args::quarter_shares(args.year_so_far.quarter_shares.as_deref())?;
    let known = match (args.year_so_far.known, file_known) {
        (Some((part, pct)), k) => Some((part, pct, k.map(|k| k.shares))),
        (None, Some(k)) => Some((k.part, k.growth_pct, Some(k.shares))),
        (None, None) => None,
    };
    if known.is_none()
        && (args.year_so_far.quarter_shares.is_some() || args.year_so_far.rest_spread.is_some())
    {
        return Err(UsageError(crate::args::in_lang(
            "--quarter-shares and --rest-spread go with --known PART=PCT (or a [known] block for the target year)".into(),
            "--quarter-shares và --rest-spread đi cùng --known KỲ=PCT (hoặc khối [known] cho năm chỉ tiêu trong kịch bản)".into(),
        ))
        .into());
    }
    let mut draws_file = match save_draws {
        Some(path) => Some(DrawsFile::create(path, &ids, &inputs)?),
        None => None,
    };
    // Every option is checked: the run goes on, with a word where it
    // borrows another area's record.
    let note = args.borrowed_record_note(own.as_deref(), history.as_ref())?;
    if let Some(note) = note {
        crate::say(note);
    }
    let progress = crate::progress::Progress::new(args.quiet);
    let report = |done, planned| progress.update(done, planned);
    // A failed write names the file (a full disk, say).
    let draws_path = args.save_draws.as_deref().unwrap_or(Path::new(""));
    // Draws on standard output whose reader stopped early (`| head`): the
    // rest of the draws are dropped, and the table still goes to its file.
    let draws_to_stdout = save_draws.is_some_and(to_standard_output);
    let reader_gone = std::sync::atomic::AtomicBool::new(false);
    let mut sink = draws_file.as_mut().map(|d| {
        let reader_gone = &reader_gone;
        move |rows: &[f64]| {
            if reader_gone.load(std::sync::atomic::Ordering::Relaxed) {
                return Ok(());
            }
            match d.write(rows) {
                Err(e) if draws_to_stdout && e.kind() == std::io::ErrorKind::BrokenPipe => {
                    reader_gone.store(true, std::sync::atomic::Ordering::Relaxed);
                    Ok(())
                }
                other => other.map_err(|e| {
                    std::io::Error::new(e.kind(), format!("{}: {e}", draws_path.display()))
                }),
            }
        }
    });
    let control = grdp_study::Control {
        progress: Some(&report),
        cancel: Some(&crate::INTERRUPTED),
        draws: sink
            .as_mut()
            .map(|s| s as &mut (dyn FnMut(&[f64]) -> std::io::Result<()> + Send)),
    };
    let sim = simulate_views(&loaded, &options, control).map_err(|e| {
        // What went to standard output cannot be taken back: say so.
        if draws_to_stdout {
            crate::say(crate::args::in_lang(
                "note: the draws already sent to standard output are incomplete".into(),
                "lưu ý: các lần mô phỏng đã gửi ra đầu ra chuẩn chưa đầy đủ".into(),
            ));
        }
        crate::errors::in_flags(e)
    })?;
    progress.clear();
    if let Some(file) = draws_file {
        match file.persist() {
            Err(e) if draws_to_stdout && is_broken_pipe(&e) => {}
            other => other?,
        }
    }
    if reader_gone.into_inner() {
        crate::say(
            crate::args::in_lang(
                "note: the reader of the draws on standard output stopped early; the rest of the draws were dropped".into(),
                "lưu ý: chương trình đọc các lần mô phỏng trên đầu ra chuẩn đã dừng sớm; phần còn lại bị bỏ".into(),
            ),
        );
    }
    let lang = args.common.lang();
    let given = match known {
        None => None,
        Some((part, pct, file_shares)) => {
            let shares = stated_shares
                .or(file_shares)
                .unwrap_or(grdp_study::partly_known::QuarterShares::EQUAL);
            let mut g = grdp_study::partly_known::given_known(
                &sim,
                part,
                pct,
                &shares,
                args.year_so_far.rest_spread,
            )
            .map_err(crate::errors::in_flags)?;
            g.known_source = match args.year_so_far.known {
                Some(_) => Some("--known".into()),
                None => loaded.source_of("known.growth_pct"),
            };
            Some(g)
        }
    };
    let out = match args.common.format {
        Format::Json => {
            let doc = documents::simulate(&loaded, &sim, lang);
            let doc = match &given {
                Some(g) => doc.with_given_known(g),
                None => doc,
            };
            Output::Text(documents::to_json(&doc)?)
        }
        Format::Csv => Output::Text(tables::simulation(&sim, given.as_ref())?),
        Format::Xlsx => {
            Output::Workbook(grdp_report::workbook::simulate(&sim, given.as_ref(), lang)?)
        }
        Format::Table => Output::Text(
            terminal::simulation(&loaded, &sim, lang)
                + &given
                    .as_ref()
                    .map(|g| terminal::given_known(&sim, g, lang))
                    .unwrap_or_default(),
        ),
    };
    emit(&out, args.common.output.as_deref(), &inputs)
}

/// `--save-draws`: the draws, written as they come (a locked temporary CSV
/// beside the target, renamed when complete; see grdp_report::write::Draft).
struct DrawsFile {
    file: Draft,
    row: u64,
    width: usize,
}

impl DrawsFile {
    fn create(
        path: &std::path::Path,
        ids: &[String],
        inputs: &[&std::path::Path],
    ) -> anyhow::Result<Self> {
        let mut file = Draft::create(path, inputs)?;
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

    fn persist(self) -> anyhow::Result<()> {
        Ok(self.file.commit()?)
    }
}

/// Whether `e` is, or was caused by, a broken pipe.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<grdp_report::ReportError>().is_some_and(|r| {
                matches!(r, grdp_report::ReportError::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
            })
    })
}
