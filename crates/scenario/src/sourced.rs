//! Numbers that carry their provenance: `9.96` or
//! `{ value = 9.96, status = "estimate", source = "https://…", note = "…" }`.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// What kind of figure a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Final figure of the statistics office.
    Official,
    /// Preliminary (sơ bộ) figure.
    Preliminary,
    /// Estimate (ước tính), such as a year-end first estimate.
    Estimate,
    /// Reported by an official without a statistical release behind it.
    Reported,
    /// A target set by a resolution or plan.
    Target,
    /// A plan figure.
    Plan,
    /// A scenario figure of a planning office.
    Scenario,
    /// Computed from published figures in a documented, reproducible way.
    Derived,
    /// A judgement, written down so that it can be changed.
    Assumption,
    /// From a secondary source (a thesis, a third-party site).
    Secondary,
}

impl Status {
    /// Every status word, in the order the docs list them.
    pub const ALL: [Status; 10] = [
        Status::Official,
        Status::Preliminary,
        Status::Estimate,
        Status::Reported,
        Status::Target,
        Status::Plan,
        Status::Scenario,
        Status::Derived,
        Status::Assumption,
        Status::Secondary,
    ];

    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Official => "official",
            Status::Preliminary => "preliminary",
            Status::Estimate => "estimate",
            Status::Reported => "reported",
            Status::Target => "target",
            Status::Plan => "plan",
            Status::Scenario => "scenario",
            Status::Derived => "derived",
            Status::Assumption => "assumption",
            Status::Secondary => "secondary",
        }
    }

    /// Parses a status word.
    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == word)
    }

    /// The status words, comma separated (for messages).
    pub fn list() -> String {
        Self::ALL.map(Status::as_str).join(", ")
    }
}

/// A number with optional provenance, as written in a scenario file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sourced {
    pub value: f64,
    pub status: Option<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    /// `note` in Vietnamese, where given.
    pub note_vi: Option<String>,
}

impl<'de> Deserialize<'de> for Sourced {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SourcedVisitor)
    }
}

struct SourcedVisitor;

const FIELDS: &[&str] = &["value", "status", "source", "note", "note_vi"];

impl<'de> Visitor<'de> for SourcedVisitor {
    type Value = Sourced;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(crate::error::SOURCED_EXPECTING)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Sourced, E> {
        Ok(bare(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Sourced, E> {
        Ok(bare(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Sourced, E> {
        Ok(bare(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Sourced, E> {
        let hint = if v.contains(',') && v.replace(',', ".").parse::<f64>().is_ok() {
            format!(
                " (write {} with a decimal point, unquoted)",
                v.replace(',', ".")
            )
        } else {
            " (write the number unquoted)".to_string()
        };
        Err(E::custom(format!(
            "found the text \"{v}\"; expected a number{hint}"
        )))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Sourced, A::Error> {
        let mut value: Option<f64> = None;
        let mut status = None;
        let mut source = None;
        let mut note = None;
        let mut note_vi = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "value" => {
                    if value.is_some() {
                        return Err(de::Error::duplicate_field("value"));
                    }
                    value = Some(map.next_value::<NumberOnly>()?.0);
                }
                "status" => status = Some(map.next_value::<String>()?),
                "source" => source = Some(map.next_value::<String>()?),
                "note" => note = Some(map.next_value::<String>()?),
                "note_vi" => note_vi = Some(map.next_value::<String>()?),
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        let value = value.ok_or_else(|| de::Error::missing_field("value"))?;
        Ok(Sourced {
            value,
            status,
            source,
            note,
            note_vi,
        })
    }
}

fn bare(value: f64) -> Sourced {
    Sourced {
        value,
        status: None,
        source: None,
        note: None,
        note_vi: None,
    }
}

/// A number, accepting TOML integers and floats.
struct NumberOnly(f64);

impl<'de> Deserialize<'de> for NumberOnly {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = NumberOnly;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<NumberOnly, E> {
                Ok(NumberOnly(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<NumberOnly, E> {
                Ok(NumberOnly(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<NumberOnly, E> {
                Ok(NumberOnly(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<NumberOnly, E> {
                SourcedVisitor.visit_str(v).map(|s| NumberOnly(s.value))
            }
        }
        deserializer.deserialize_any(V)
    }
}
