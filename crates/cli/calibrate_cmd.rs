//! `grdp calibrate`: sector growth distributions and correlations from
//! history, printed as an `[uncertainty]` block ready to paste.

use std::fmt::Write as _;

use grdp_report::documents;
use grdp_study::StudyError;
use grdp_study::calibration::{CalibrateOptions, calibrate};

use crate::UsageError;
use crate::args::{CalibrateArgs, CalibrateFormat};
use crate::output::{Output, emit};

pub fn run(args: &CalibrateArgs) -> anyhow::Result<()> {
    if let Some(c) = &args.components {
        crate::args::refuse_repeats("--components", c)?;
    }
    if let (Some(from), Some(to)) = (args.from, args.to)
        && from > to
    {
        return Err(UsageError(crate::args::in_lang(
            format!("--from {from} is after --to {to}; expected the first year, then the last"),
            format!("--from {from} sau --to {to}; cần năm đầu trước, năm cuối sau"),
        ))
        .into());
    }
    let (history, origin) = crate::args::load_history(&args.history)?;
    let options = CalibrateOptions {
        region: args.region.clone(),
        components: args.components.clone(),
        from: args.from,
        to: args.to,
        exclude: args.exclude.clone(),
        scale_to: args.scale_to.clone(),
    };
    let study = calibrate(&history, &options).map_err(|e| match e {
        StudyError::UnknownRegion { id, known } => {
            let flag = if id == args.region {
                "--region"
            } else {
                "--scale-to"
            };
            UsageError(crate::args::in_lang(
                format!(
                    "{flag} {id}: no such region in {origin}; expected one of: {}",
                    known.join(", ")
                ),
                format!(
                    "{flag} {id}: không có địa phương này trong {}; cần một trong: {}",
                    crate::args::history_name_vi(&origin),
                    known.join(", ")
                ),
            ))
            .into()
        }
        other => crate::errors::in_flags(other),
    })?;
    let text = match args.format {
        CalibrateFormat::Json => documents::to_json(&documents::calibrate(&study, &origin))?,
        CalibrateFormat::Toml => documents::uncertainty_block(&study, &command_line(args), &origin),
    };
    emit(
        &Output::Text(text),
        args.output.as_deref(),
        &args.history.as_deref().into_iter().collect::<Vec<_>>(),
    )
}

/// The command that reproduces the calibration: the block's source.
fn command_line(args: &CalibrateArgs) -> String {
    let mut c = String::from("grdp calibrate");
    if let Some(h) = &args.history {
        let _ = write!(c, " {}", h.display());
    }
    let _ = write!(c, " --region {}", args.region);
    if let Some(f) = args.from {
        let _ = write!(c, " --from {f}");
    }
    if let Some(t) = args.to {
        let _ = write!(c, " --to {t}");
    }
    if !args.exclude.is_empty() {
        let years: Vec<String> = args.exclude.iter().map(i32::to_string).collect();
        let _ = write!(c, " --exclude {}", years.join(","));
    }
    if let Some(s) = &args.scale_to {
        let _ = write!(c, " --scale-to {s}");
    }
    c
}
