//! `grdp solve`: the growth a target needs.

use grdp_report::{documents, tables, terminal};
use grdp_study::solve::{Question, solve};

use crate::UsageError;
use crate::args::{Format, SolveArgs};
use crate::output::{Output, emit};

pub fn run(args: &SolveArgs) -> anyhow::Result<()> {
    let loaded = crate::args::load(&args.common.scenario)?;
    let question = match (args.period, args.average, args.target) {
        (Some((first_year, last_year)), Some(average_pct), _) => Question::Period {
            first_year,
            last_year,
            average_pct,
        },
        (_, _, Some(target_pct)) => match &args.component {
            Some(c) => Question::Component {
                target_pct,
                year: args.year,
                component: c.clone(),
            },
            None => Question::Uniform {
                target_pct,
                year: args.year,
            },
        },
        _ => {
            return Err(
                UsageError("--target is needed with --component or --uniform".into()).into(),
            );
        }
    };
    let answer = solve(&loaded, &question).map_err(crate::errors::in_flags)?;
    let lang = args.common.lang();
    let text = match args.common.format {
        Format::Json => documents::to_json(&documents::solve(&loaded, &answer))?,
        Format::Csv => tables::solve(&loaded, &answer, lang)?,
        Format::Table => terminal::solve(&loaded, &answer, lang),
        Format::Xlsx => {
            return Err(UsageError(
                "--format xlsx is for project, audit and simulate; solve writes table, json or csv"
                    .into(),
            )
            .into());
        }
    };
    emit(
        &Output::Text(text),
        args.common.output.as_deref(),
        &args.common.inputs(),
    )
}
