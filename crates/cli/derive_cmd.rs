//! `grdp derive`: constant-price weights from a statistics release, as a
//! `[base.constant_weight_pct]` block ready to paste.

use std::fmt::Write as _;

use grdp_report::documents;
use grdp_study::StudyError;
use grdp_study::release::derive;

use crate::UsageError;
use crate::args::{CalibrateFormat, DeriveArgs};
use crate::output::{Output, emit};

pub fn run(args: &DeriveArgs) -> anyhow::Result<()> {
    // A release covers a year or part of one, never a plan's years.
    if let Some((a, b)) = args.period.split_once('-')
        && a.len() == 4
        && b.len() == 4
        && b.bytes().all(|c| c.is_ascii_digit())
    {
        return Err(UsageError(crate::args::in_lang(
            format!(
                "--period {}: a plan's years; expected the year (2024) or part of a year (2024-9M) a release covers",
                args.period
            ),
            format!(
                "--period {}: đây là một giai đoạn kế hoạch; cần kỳ của số liệu công bố: một năm (`2024`) hoặc lũy kế trong năm (`2024-9M`)",
                args.period
            ),
        ))
        .into());
    }
    let (history, origin) = crate::args::load_history(&args.history)?;
    let weights = derive(&history, &args.region, &args.period, args.rest.as_deref()).map_err(
        |e| match e {
            StudyError::UnknownRegion { id, known } => UsageError(crate::args::in_lang(
                format!(
                    "--region {id}: no such region in {origin}; expected one of: {}",
                    known.join(", ")
                ),
                format!(
                    "--region {id}: không có địa phương này trong {}; cần một trong: {}",
                    crate::args::history_name_vi(&origin),
                    known.join(", ")
                ),
            ))
            .into(),
            other => crate::errors::in_flags(other),
        },
    )?;
    let text = match args.format {
        CalibrateFormat::Json => documents::to_json(&weights)?,
        CalibrateFormat::Toml => {
            documents::derived_base_block(&weights, &command_line(args), &origin)
        }
    };
    emit(
        &Output::Text(text),
        args.output.as_deref(),
        &args.history.as_deref().into_iter().collect::<Vec<_>>(),
    )
}

/// The command that reproduces the derivation: the block's source.
fn command_line(args: &DeriveArgs) -> String {
    let mut c = String::from("grdp derive");
    if let Some(h) = &args.history {
        let _ = write!(c, " {}", h.display());
    }
    let _ = write!(c, " --region {} --period {}", args.region, args.period);
    if let Some(r) = &args.rest {
        let _ = write!(c, " --rest {r}");
    }
    c
}
