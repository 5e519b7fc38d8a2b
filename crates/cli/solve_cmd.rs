//! `grdp solve`: the growth a target needs.

use grdp_report::{documents, tables, terminal};
use grdp_study::solve::{Question, solve};

use crate::UsageError;
use crate::args::{Format, SolveArgs};
use crate::output::{Output, emit};

pub fn run(args: &SolveArgs) -> anyhow::Result<()> {
    let remaining = args
        .remaining
        .map(|(part, _)| format!("--remaining {}=", part.label()));
    crate::args::note_fractions(&[
        ("--target", args.target, "%"),
        (
            remaining.as_deref().unwrap_or_default(),
            args.remaining.map(|(_, v)| v),
            "%",
        ),
        ("--then", args.then, "%"),
        ("--average", args.average, "%"),
    ]);
    let loaded = crate::args::load(&args.common.scenario, args.common.builtin)?;
    if args.remaining.is_none() && (args.then.is_some() || args.quarter_shares.is_some()) {
        return Err(UsageError(crate::args::in_lang(
            "--then and --quarter-shares go with --remaining PART=PCT; expected, e.g., --remaining 9M=7.39 --then 8".into(),
            "--then và --quarter-shares đi cùng --remaining KỲ=PCT; ví dụ --remaining 9M=7.39 --then 8".into(),
        ))
        .into());
    }
    if args.remaining.is_some() && args.average.is_some() {
        return Err(UsageError(crate::args::in_lang(
            "--average goes with --period, not with --remaining; expected --target PCT for the year".into(),
            "--average đi cùng --period, không đi cùng --remaining; cần --target PCT cho cả năm".into(),
        ))
        .into());
    }
    // Without --target, the scenario's own growth target for the year.
    let year = args
        .year
        .or_else(|| loaded.scenario.plan().years().first().map(|y| y.year));
    let target = args
        .target
        .or_else(|| year.and_then(|y| loaded.scenario.targets().growth_floor_pct(y)));
    let question = match (args.period, args.average, target) {
        _ if args.remaining.is_some() => {
            let (known, known_growth_pct) = args.remaining.expect("checked above");
            let shares = crate::args::quarter_shares(args.quarter_shares.as_deref())?;
            if target.is_none() && args.then.is_none() {
                return Err(UsageError(crate::args::in_lang(
                    format!(
                        "the scenario has no GRDP growth target for {}; give one with --target PCT, or ask what the year comes to with --then PCT",
                        year.map_or("its first plan year".to_string(), |y| y.to_string())
                    ),
                    format!(
                        "kịch bản không có chỉ tiêu tăng trưởng GRDP cho {}; hãy nêu bằng --target PCT, hoặc hỏi cả năm đạt bao nhiêu bằng --then PCT",
                        year.map_or("năm kế hoạch đầu tiên".to_string(), |y| format!("năm {y}"))
                    ),
                ))
                .into());
            }
            Question::Remaining {
                year: args.year,
                known,
                known_growth_pct,
                target_pct: target,
                then_pct: args.then,
                shares,
            }
        }
        (Some((first_year, last_year)), Some(average_pct), _) => Question::Period {
            first_year,
            last_year,
            average_pct,
        },
        (_, _, Some(target_pct)) => match (&args.component, &args.all_but) {
            (Some(c), _) => Question::Component {
                target_pct,
                year: args.year,
                component: c.clone(),
            },
            (None, Some(held)) => Question::Rest {
                target_pct,
                year: args.year,
                held: held.clone(),
            },
            (None, None) => Question::Uniform {
                target_pct,
                year: args.year,
            },
        },
        _ => {
            return Err(UsageError(crate::args::in_lang(
                format!(
                    "the scenario has no GRDP growth target for {}; give one with --target PCT",
                    year.map_or("its first plan year".to_string(), |y| y.to_string())
                ),
                format!(
                    "kịch bản không có chỉ tiêu tăng trưởng GRDP cho {}; hãy nêu bằng --target PCT",
                    year.map_or("năm kế hoạch đầu tiên".to_string(), |y| format!(
                        "năm {y}"
                    ))
                ),
            ))
            .into());
        }
    };
    let answer = solve(&loaded, &question).map_err(crate::errors::in_flags)?;
    let lang = args.common.lang();
    let text = match args.common.format {
        Format::Json => documents::to_json(&documents::solve(&loaded, &answer))?,
        Format::Csv => tables::solve(&loaded, &answer, lang)?,
        Format::Table => terminal::solve(&loaded, &answer, lang),
        Format::Xlsx => {
            return Err(UsageError(crate::args::in_lang(
                "--format xlsx is for project, audit and simulate; solve writes table, json or csv"
                    .into(),
                "--format xlsx dành cho project, audit và simulate; solve ghi table, json hoặc csv"
                    .into(),
            ))
            .into());
        }
    };
    emit(
        &Output::Text(text),
        args.common.output.as_deref(),
        &args.common.inputs(),
    )
}
