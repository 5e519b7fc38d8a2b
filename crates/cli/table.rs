//! Aligned plain-text tables: text left, numbers right.

/// A table under construction.
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Which columns hold numbers (right-aligned).
    numeric: Vec<bool>,
}

impl Table {
    /// A table with these headers; the first column is text, the rest numbers,
    /// unless changed with [`Table::text_column`].
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Self {
        let headers: Vec<String> = headers.into_iter().map(Into::into).collect();
        let numeric = (0..headers.len()).map(|i| i > 0).collect();
        Self {
            headers,
            rows: Vec::new(),
            numeric,
        }
    }

    /// Marks a column as text (left-aligned).
    pub fn text_column(mut self, index: usize) -> Self {
        if let Some(n) = self.numeric.get_mut(index) {
            *n = false;
        }
        self
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Renders with two spaces between columns and a rule under the header.
    pub fn render(&self) -> String {
        let width = |s: &str| s.chars().count();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(i) {
                    *w = (*w).max(width(cell));
                }
            }
        }
        let line = |cells: &[String]| -> String {
            let mut out = String::new();
            for (i, cell) in cells.iter().enumerate() {
                let w = widths.get(i).copied().unwrap_or(0);
                let pad = " ".repeat(w.saturating_sub(width(cell)));
                if i > 0 {
                    out.push_str("  ");
                }
                if self.numeric.get(i).copied().unwrap_or(false) {
                    out.push_str(&pad);
                    out.push_str(cell);
                } else {
                    out.push_str(cell);
                    out.push_str(&pad);
                }
            }
            out.trim_end().to_string()
        };
        let mut out = line(&self.headers);
        out.push('\n');
        let total: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
        out.push_str(&"─".repeat(total));
        out.push('\n');
        for row in &self.rows {
            out.push_str(&line(row));
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_text_left_and_numbers_right_counting_characters() {
        let mut t = Table::new(["Khu vực", "Tăng trưởng (%)"]);
        t.row(vec!["Dịch vụ".into(), "10,01".into()]);
        t.row(vec!["Công nghiệp và xây dựng".into(), "11,42".into()]);
        let text = t.render();
        let lines: Vec<&str> = text.lines().collect();
        // "Công nghiệp và xây dựng" is 23 characters, "Tăng trưởng (%)" 15:
        // "Dịch vụ" (7) pads 16 to the column, 2 between columns, then the
        // number right-aligned in 15 (10 spaces): 28 spaces in all.
        assert_eq!(lines[2], format!("Dịch vụ{}10,01", " ".repeat(28)));
        assert_eq!(lines[3].chars().count(), lines[2].chars().count());
    }
}
