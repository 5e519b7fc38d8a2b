//! Words of the batch chart (`grdp batch --chart`), in English and
//! Vietnamese.

use grdp_study::batch::{Batch, SpreadSource};

use crate::Lang;

/// Words for one batch, in one language.
pub(crate) struct BatchWords<'a> {
    b: &'a Batch,
    lang: Lang,
}

impl<'a> BatchWords<'a> {
    pub(crate) fn new(b: &'a Batch, lang: Lang) -> Self {
        Self { b, lang }
    }

    fn pick(&self, en: impl Into<String>, vi: impl Into<String>) -> String {
        if self.lang == Lang::Vi {
            vi.into()
        } else {
            en.into()
        }
    }

    /// The finding: how many targets had an even chance, how many under
    /// one in ten.
    pub(crate) fn title(&self) -> String {
        let n = self.b.rows.len();
        let even = self.b.rows.iter().filter(|r| r.probability >= 0.5).count();
        let long = self.b.rows.iter().filter(|r| r.probability < 0.1).count();
        let long_national = self
            .b
            .rows
            .iter()
            .filter(|r| {
                r.probability < 0.1
                    && matches!(
                        r.input.recent,
                        grdp_study::batch::RecentSource::National { .. }
                    )
            })
            .count();
        if self.b.spread.is_none() {
            return self.pick(
                format!(
                    "Growth targets of {n} scenario files: {even} at least an even chance, {long} less than 1 in 10"
                ),
                format!(
                    "Chỉ tiêu tăng trưởng của {n} tệp kịch bản: {even} có xác suất đạt từ 50% trở lên, {long} dưới 10%"
                ),
            );
        }
        self.pick(
            format!(
                "{} growth targets: {even} of {n} regions had at least an even chance at last year's pace; {long} had less than 1 in 10{}",
                self.b.year,
                if long_national > 0 {
                    format!(" ({long_national} of them centred on the nation's growth)")
                } else {
                    String::new()
                }
            ),
            format!(
                "Chỉ tiêu tăng trưởng {}: {even}/{n} địa phương có xác suất đạt từ 50% trở lên theo đà năm trước; {long} địa phương dưới 10%{}",
                self.b.year,
                if long_national > 0 {
                    format!(" ({long_national} lấy tâm là tốc độ cả nước)")
                } else {
                    String::new()
                }
            ),
        )
    }

    /// What the chart shows and the model behind P.
    pub(crate) fn subtitle(&self) -> String {
        let Some(spread) = &self.b.spread else {
            return self.pick(
                "Each row: last year's growth, the target; P(target) from each scenario file's own model, its preferred view.",
                "Mỗi dòng: tốc độ năm trước, chỉ tiêu; xác suất đạt theo mô hình của từng tệp kịch bản, kịch bản được chọn.",
            );
        };
        let sd = self.lang.text_num(spread.sd_pp, 2);
        self.pick(
            format!(
                "Each row: last year's growth, the target and (where published) the outcome; P(target) with growth normal around last year's, SD {sd} pp ({}).",
                self.spread_source()
            ),
            format!(
                "Tốc độ năm trước, chỉ tiêu, thực hiện (nếu có); xác suất đạt: phân phối chuẩn quanh tốc độ năm trước, độ lệch chuẩn {sd} điểm % ({}).",
                self.spread_source()
            ),
        )
    }

    fn spread_source(&self) -> String {
        match self
            .b
            .spread
            .as_ref()
            .map_or(&SpreadSource::Stated, |s| &s.source)
        {
            SpreadSource::National => self.pick("the nation's record", "sai số quá khứ cả nước"),
            SpreadSource::CanTho => self.pick("Cần Thơ's record", "sai số quá khứ Cần Thơ"),
            SpreadSource::Stated => self.pick("stated", "nêu bằng tay"),
        }
    }

    pub(crate) fn source(&self) -> String {
        let v = env!("CARGO_PKG_VERSION");
        if self.b.spread.is_none() {
            return self.pick(
                format!(
                    "Source: grdp {v}; the scenario files (each number's source is in its file); {} draws a file, seed {}.",
                    self.lang.num(self.b.draws as f64, 0),
                    self.b.seed
                ),
                format!(
                    "Nguồn: grdp {v}; các tệp kịch bản (nguồn của từng số ghi trong tệp); {} lần mô phỏng mỗi tệp, số khởi tạo ngẫu nhiên {}.",
                    self.lang.num(self.b.draws as f64, 0),
                    self.b.seed
                ),
            );
        }
        self.pick(
            format!(
                "Source: grdp {v}; targets, growth and outcomes from the provincial table (each row names its source; almost all are estimates); {} draws a region, seed {}.",
                self.lang.num(self.b.draws as f64, 0),
                self.b.seed
            ),
            format!(
                "Nguồn: grdp {v}; chỉ tiêu, tốc độ và kết quả theo bảng số liệu địa phương (mỗi dòng ghi nguồn; hầu hết là số ước tính); {} lần mô phỏng mỗi địa phương, số khởi tạo ngẫu nhiên {}.",
                self.lang.num(self.b.draws as f64, 0),
                self.b.seed
            ),
        )
    }

    pub(crate) fn axis_growth(&self) -> String {
        self.pick(
            "GRDP growth, % (constant 2010 prices)",
            "Tốc độ tăng GRDP, % (giá so sánh 2010)",
        )
    }

    pub(crate) fn axis_probability(&self) -> String {
        self.pick("P(target met)", "Xác suất đạt chỉ tiêu")
    }

    pub(crate) fn probability(&self, p: f64) -> String {
        self.lang.probability(p)
    }

    pub(crate) fn key_recent(&self) -> String {
        self.pick("last year", "năm trước")
    }

    pub(crate) fn key_national(&self) -> String {
        self.pick(
            "last year: the nation's (no provincial figure; lighter bar)",
            "năm trước: của cả nước (thiếu số tỉnh; cột nhạt)",
        )
    }

    pub(crate) fn key_target(&self) -> String {
        self.pick("target", "chỉ tiêu")
    }

    pub(crate) fn key_outcome(&self) -> String {
        self.pick("outcome", "thực hiện")
    }

    pub(crate) fn key_outcome_merged(&self) -> String {
        self.pick("outcome, merged region", "thực hiện, sau hợp nhất")
    }
}
