//! `grdp simulate`: how likely is the target, under each view of the centre?

use std::io::Write as _;

use anyhow::Context;
use grdp_report::{documents, tables, terminal};
use grdp_study::simulation::simulate_views;

use crate::UsageError;
use crate::args::{Format, SimulateArgs};
use crate::output::emit;

/// The largest draws file `--save-draws` writes, bytes (estimated).
const MAX_DRAWS_BYTES: f64 = 2e9;

pub fn run(args: &SimulateArgs) -> anyhow::Result<()> {
    let loaded = crate::args::load(&args.common.scenario)?;
    let options = args.simulation_options()?;
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
    let progress = crate::progress::Progress::new(args.quiet);
    let report = |done, planned| progress.update(done, planned);
    let mut sink = draws_file
        .as_mut()
        .map(|d| move |rows: &[f64]| d.write(rows));
    let control = grdp_study::Control {
        progress: Some(&report),
        cancel: Some(&crate::INTERRUPTED),
        draws: sink
            .as_mut()
            .map(|s| s as &mut (dyn FnMut(&[f64]) -> std::io::Result<()> + Send)),
    };
    let sim = simulate_views(&loaded, &options, control).map_err(crate::errors::in_flags)?;
    progress.clear();
    if let (Some(file), Some(path)) = (draws_file, &args.save_draws) {
        file.persist(path)?;
    }
    let lang = args.common.lang();
    let text = match args.common.format {
        Format::Json => documents::to_json(&documents::simulate(&loaded, &sim, lang))?,
        Format::Csv => tables::simulation(&sim)?,
        Format::Table => terminal::simulation(&loaded, &sim, lang),
    };
    emit(&text, args.common.output.as_deref())
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
