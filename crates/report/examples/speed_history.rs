//! Redraws `benches/history.png` from `benches/history.csv`: grdp's model
//! speed across commits, drawn with the report's own charts.
//!
//! ```sh
//! cargo run --release -p grdp-report --example speed_history
//! ```

use std::path::Path;

use grdp_report::charts::{SpeedRow, speed_history};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let csv_path = root.join("benches/history.csv");
    let mut reader =
        csv::Reader::from_path(&csv_path).map_err(|e| format!("{}: {e}", csv_path.display()))?;
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec?;
        let line = i + 2;
        let field = |name: &str, k: usize| {
            rec.get(k)
                .map(str::to_string)
                .ok_or_else(|| format!("{}:{line}: no {name}", csv_path.display()))
        };
        let number = |name: &str, text: &str| {
            text.parse::<f64>().map_err(|_| {
                format!(
                    "{}:{line}: {name} is `{text}`; expected a number with a decimal point",
                    csv_path.display()
                )
            })
        };
        let ratio = field("peer_ratio", 7)?;
        rows.push(SpeedRow {
            date: field("date", 0)?,
            commit: field("commit", 1)?,
            benchmark: field("benchmark", 3)?,
            value: number("value", &field("value", 4)?)?,
            unit: field("unit", 5)?,
            peer: field("peer", 6)?,
            peer_ratio: if ratio.is_empty() {
                None
            } else {
                Some(number("peer_ratio", &ratio)?)
            },
        });
    }
    let png = speed_history(&rows)?;
    let out = root.join("benches/history.png");
    grdp_report::write::write_file(&out, &png, &[&csv_path])?;
    eprintln!("wrote {}", out.display());
    Ok(())
}
