//! `grdp report`: the briefing, written atomically as a folder.

use grdp_study::{Study, StudyOptions};

use crate::args::ReportArgs;

pub fn run(args: &ReportArgs) -> anyhow::Result<()> {
    crate::args::note_target_and_known(args.target, args.year_so_far.known);
    let mut loaded = crate::args::load(&args.scenario, args.builtin)?;
    let (history, history_name) = crate::args::load_history(&args.history)?;
    // The area's own record in the history, where the scenario names one.
    let region: Option<String> = crate::args::own_region(
        &loaded,
        &args.scenario,
        args.builtin,
        &history,
        &history_name,
    )?
    .map(str::to_string);
    let region = region.as_deref();
    let simulation = args.simulation_options(&history, region)?;
    // A release newer than the scenario's: its year so far replaces the
    // scenario's `[known]` for the target year, and the page, chart and
    // tables follow it.
    let year = grdp_study::simulation::main_target(&loaded, &simulation)
        .map_err(crate::errors::in_flags)?
        .year;
    // A --year that is no plan year is refused by the simulation, in its
    // own words; the known part is not applied to it first.
    if (args.year_so_far.known.is_some()
        || args.year_so_far.quarter_shares.is_some()
        || args.year_so_far.rest_spread.is_some())
        && loaded.scenario.plan().year(year).is_some()
    {
        let file = loaded.scenario.known().filter(|k| k.year == year).cloned();
        let (part, growth_pct) = match (args.year_so_far.known, &file) {
            (Some(k), _) => k,
            (None, Some(k)) => (k.part, k.growth_pct),
            (None, None) => {
                return Err(crate::UsageError(crate::args::in_lang(
                    "--quarter-shares and --rest-spread go with --known PART=PCT (or a [known] block for the target year)".into(),
                    "--quarter-shares và --rest-spread đi cùng --known KỲ=PCT (hoặc khối [known] cho năm chỉ tiêu trong kịch bản)".into(),
                ))
                .into());
            }
        };
        let shares = crate::args::quarter_shares(args.year_so_far.quarter_shares.as_deref())?
            .or(file.as_ref().map(|k| k.shares))
            .unwrap_or(grdp_study::partly_known::QuarterShares::EQUAL);
        let known = grdp_study::partly_known::KnownYear {
            year,
            part,
            growth_pct,
            shares,
            target_path_pct: file.map(|k| k.target_path_pct).unwrap_or_default(),
        };
        loaded.scenario = loaded
            .scenario
            .clone()
            .with_known(known)
            .map_err(|e| crate::UsageError(format!("--known: {e}")))?;
        // Where the figure comes from, for the page: not the scenario's
        // source, which it replaces.
        if let Some((_, pct)) = args.year_so_far.known {
            loaded.provenance.retain(|p| p.field != "known.growth_pct");
            loaded.provenance.push(grdp_scenario::Provenance {
                field: "known.growth_pct".into(),
                value: pct,
                status: None,
                source: Some("--known".into()),
                note: Some("given with --known, not in the scenario file".into()),
                note_vi: Some("nhập bằng --known, không có trong tệp kịch bản".into()),
                line: 0,
            });
        }
    }
    // The target year under way, its first quarter out, and nothing of it
    // in the scenario: the briefing answers as before any release, and
    // says so; the user may not know a release can go in.
    let date = issue_date()?;
    let known_now =
        args.year_so_far.known.is_some() || loaded.scenario.known().is_some_and(|k| k.year == year);
    // Said once the study has run, so that it never comes before an error
    // that stops the report.
    let under_way_note = (year == date.year && date.month >= 4 && !known_now).then(|| {
        crate::args::in_lang(
            format!(
                "note: {year} is under way and the scenario holds none of its releases, so the briefing gives the chance before any {year} figure; for the chance as the year stands, add the latest year-to-date growth with --known PART=PCT (e.g. --known 9M=7.5) or a [known] block"
            ),
            format!(
                "lưu ý: năm {year} đang diễn ra mà kịch bản chưa có số liệu công bố nào của năm này, nên báo cáo cho khả năng đạt xét khi chưa có số liệu nào của năm {year}; để có khả năng theo tình hình hiện tại, thêm tốc độ tăng lũy kế từ đầu năm mới nhất bằng --known KỲ=PCT (ví dụ --known 9M=7.5) hoặc khối `[known]`"
            ),
        )
    });
    // The provincial table (given, or built in) for the comparison with
    // the neighbours the scenario names.
    let provinces = match (&loaded.meta.compare, &args.provinces) {
        (None, Some(_)) => {
            return Err(crate::UsageError(crate::args::in_lang(
                "--provinces is read for the comparison with the neighbours, and the scenario names none: add a [compare] block (docs/scenario-format.md), or drop --provinces".into(),
                "--provinces dùng cho phần so sánh với các địa phương lân cận, nhưng kịch bản chưa nêu địa phương nào để so sánh: thêm khối `[compare]` (docs/scenario-format.md), hoặc bỏ --provinces".into(),
            ))
            .into());
        }
        (Some(_), Some(path)) => Some((
            grdp_scenario::read_history(path)?,
            path.display().to_string(),
        )),
        (Some(_), None) => Some((
            grdp_scenario::builtin::provinces()?,
            grdp_scenario::builtin::PROVINCES_ORIGIN.to_string(),
        )),
        (None, None) => None,
    };
    let options = StudyOptions {
        simulation: Some(simulation),
        history: region.map(|region| (&history, region)),
        rest_spread_ratio: args.year_so_far.rest_spread,
        provinces: provinces.as_ref().map(|(t, name)| (t, name.as_str())),
    };
    let progress = crate::progress::Progress::new(args.quiet);
    let report = |done, planned| progress.update(done, planned);
    let control = grdp_study::Control {
        progress: Some(&report),
        cancel: Some(&crate::INTERRUPTED),
        draws: None,
    };
    // An input saved in an earlier report's folder under one of the names
    // that report wrote would be replaced by the new report's file (other
    // files in the folder are kept).
    if let (Ok(folder), Some(written)) = (
        std::fs::canonicalize(&args.output),
        grdp_report::write::report_files(&args.output),
    ) {
        for input in [&args.scenario, &args.history, &args.provinces]
            .into_iter()
            .flatten()
        {
            // The path as given and the file a link leads to: a link
            // elsewhere to a file in the folder would be replaced as well.
            let real = std::fs::canonicalize(input).unwrap_or_else(|_| input.clone());
            let in_folder = |p: &std::path::Path| {
                let dir = p.parent().filter(|d| !d.as_os_str().is_empty());
                let dir = std::fs::canonicalize(dir.unwrap_or(std::path::Path::new(".")));
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                dir.is_ok_and(|d| d == folder) && name.is_some_and(|n| written.contains(&n))
            };
            if in_folder(input) || in_folder(&real) {
                let (input, folder) = (input.display(), args.output.display());
                return Err(crate::UsageError(crate::args::in_lang(
                    format!(
                        "{input} is in the report folder {folder} under a name the report writes, so the report would replace it; move or rename it first"
                    ),
                    format!(
                        "{input} nằm trong thư mục báo cáo {folder} với tên trùng một tệp báo cáo sẽ ghi, nên sẽ bị ghi đè; hãy chuyển hoặc đổi tên tệp trước"
                    ),
                ))
                .into());
            }
        }
    }
    // Where the report goes is checked now, not after the simulations.
    grdp_report::write::check_report_path(&args.output, args.force)
        .map_err(crate::errors::report_in_flags)?;
    grdp_report::write::folder::abort_if_asked("simulating");
    let study = Study::run(&loaded, &options, control).map_err(crate::errors::in_flags)?;
    progress.clear();
    if let Some(note) = under_way_note {
        crate::say(note);
    }
    grdp_report::write::folder::abort_if_asked("rendering");
    let options = grdp_report::ReportOptions {
        lang: args.lang.into(),
        scale: args.scale,
        date,
        issuer: args.issuer.clone(),
    };
    let files = grdp_report::render(&study, &options)?;
    grdp_report::write_report_dir(&args.output, files.into_iter().map(Ok), args.force)
        .map_err(crate::errors::report_in_flags)?;
    if !args.quiet {
        let wrote = if args.lang == crate::args::LangArg::Vi {
            "đã ghi"
        } else {
            "wrote"
        };
        crate::say(format_args!(
            "{wrote} {}",
            args.output.join("index.html").display()
        ));
    }
    Ok(())
}

/// The date the briefing is issued: today (UTC), or the day of
/// `SOURCE_DATE_EPOCH` where set, so a rebuilt report is byte-identical
/// (<https://reproducible-builds.org/specs/source-date-epoch/>).
fn issue_date() -> anyhow::Result<grdp_report::CivilDate> {
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => text.trim().parse::<i64>().map_err(|_| {
            anyhow::anyhow!(crate::args::in_lang(
                format!(
                    "SOURCE_DATE_EPOCH is {text:?}; expected whole seconds since 1970-01-01 (e.g. 1767225600)"
                ),
                format!(
                    "SOURCE_DATE_EPOCH là {text:?}; cần số giây nguyên tính từ 1970-01-01 (ví dụ 1767225600)"
                ),
            ))
        })?,
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0),
    };
    Ok(grdp_report::CivilDate::from_unix(seconds))
}
