//! Where output goes: standard output, or a file written atomically.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

/// Writes `text` to standard output, or to `path` atomically: the text goes
/// to a temporary file beside the target, which is renamed over it only when
/// complete, so a failure never leaves a half-written file.
pub fn emit(text: &str, path: Option<&Path>) -> anyhow::Result<()> {
    let Some(path) = path else {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        return Ok(());
    };
    if path.is_dir() {
        anyhow::bail!(
            "cannot write {}: it is a folder; expected a file name such as {}",
            path.display(),
            path.join("out.txt").display()
        );
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let write = || -> std::io::Result<()> {
        let mut tmp = tempfile::Builder::new()
            .prefix(".grdp-")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        tmp.write_all(text.as_bytes())?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    };
    write().with_context(|| format!("cannot write {}", path.display()))
}
