//! The page's words: its title, the verdict, the proposal, the tables.

use super::Words;

impl Words<'_> {
    /// The page's title.
    pub fn page_title(&self) -> String {
        self.pick(
            format!(
                "{}: can the targets be met?",
                self.lang.scenario_name(self.input.loaded)
            ),
            format!(
                "{}: các chỉ tiêu có đạt được không?",
                self.lang.scenario_name(self.input.loaded)
            ),
        )
    }

    /// Section and table words of the page.
    pub fn page(&self) -> PageWords {
        PageWords {
            summary: self.pick("In short", "Tóm tắt"),
            charts: self.pick("Charts", "Biểu đồ"),
            audit: self.pick("Do the targets hang together?", "Các chỉ tiêu có nhất quán không?"),
            tables: self.pick("Tables", "Bảng số liệu"),
            views: self.pick("Probability of the growth target, by view", "Xác suất đạt chỉ tiêu tăng trưởng, theo góc nhìn"),
            view: self.pick("View", "Góc nhìn"),
            probability: self.pick("P", "Xác suất"),
            interval: self.pick("95% interval", "KTC 95%"),
            with_optimism: self.pick("P with the record of past shortfalls", "Xác suất khi tính các mức hụt trong quá khứ"),
            targets: self.pick("Targets", "Chỉ tiêu"),
            target: self.pick("Target", "Chỉ tiêu"),
            bound: self.pick("Bound", "Mức chỉ tiêu"),
            projected: self.pick("Projected", "Dự báo"),
            p_met: self.pick("P(met)", "Xác suất đạt"),
            files: self.pick("Files", "Tệp"),
            files_note: self.pick(
                "summary.json holds every number; the CSV files hold the tables. Everything here reproduces with the same seed.",
                "summary.json chứa mọi con số; các tệp CSV chứa các bảng. Mọi kết quả tái lập được với cùng hạt giống.",
            ),
            status_pass: self.pick("pass", "đạt"),
            status_warn: self.pick("warning", "cảnh báo"),
            status_fail: self.pick("fail", "không đạt"),
            status_understated: self.pick("understated", "đặt thấp"),
        }
    }

    /// The page's opening paragraph.
    pub fn headline(&self) -> String {
        let m = self.main();
        let g = self
            .input
            .projection
            .years
            .first()
            .map_or(f64::NAN, |y| y.growth_pct);
        let ps: Vec<String> = self
            .input
            .views
            .iter()
            .map(|v| {
                format!(
                    "{} ({})",
                    self.num(v.result.probability, 2),
                    v.name.to_lowercase()
                )
            })
            .collect();
        self.pick(
            format!(
                "The sector targets add up to {}% growth in {}, not the {}% the draft states (which weights them by current-price shares). The probability of reaching {}% is {}. The structure targets cannot all hold, and the per-capita and productivity targets do not follow from the growth target at recent inflation: see the audit below.",
                self.num(g, 2),
                m.target_year,
                self.num(m.target_pct, 2),
                self.num(m.target_pct, 2),
                ps.join(", ")
            ),
            format!(
                "Các chỉ tiêu khu vực cộng lại cho tăng trưởng {}% năm {}, chưa phải {}% như dự thảo nêu (dự thảo dùng cơ cấu giá hiện hành làm quyền số). Xác suất đạt {}%: {}. Các chỉ tiêu cơ cấu không thể cùng đạt, còn chỉ tiêu bình quân đầu người và năng suất lao động không khớp với chỉ tiêu tăng trưởng ở mức lạm phát gần đây: xem phần kiểm tra dưới đây.",
                self.num(g, 2),
                m.target_year,
                self.num(m.target_pct, 2),
                self.num(m.target_pct, 2),
                ps.join(", ")
            ),
        )
    }
}

/// Fixed words of the page.
#[allow(missing_docs)]
pub struct PageWords {
    pub summary: String,
    pub charts: String,
    pub audit: String,
    pub tables: String,
    pub views: String,
    pub view: String,
    pub probability: String,
    pub interval: String,
    pub with_optimism: String,
    pub targets: String,
    pub target: String,
    pub bound: String,
    pub projected: String,
    pub p_met: String,
    pub files: String,
    pub files_note: String,
    pub status_pass: String,
    pub status_warn: String,
    pub status_fail: String,
    pub status_understated: String,
}
