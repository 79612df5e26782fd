//! KPIs: how a goal is measured. Each has a baseline and a target, both dated, and a direction
//! (higher or lower is better), so progress and status can be worked out from the
//! measurements alone.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::goals::values::{format_value, number_style, parse_date, parse_value, with_unit};
use crate::text::{optional_line, paragraph, required_line};
use crate::words::word_enum;
use crate::Invalid;

word_enum! {
    pub enum KpiCategory {
        Growth => "growth", "Growth";
        Engagement => "engagement", "Engagement";
        Reach => "reach", "Reach";
        Conversion => "conversion", "Conversion";
        Satisfaction => "satisfaction", "Satisfaction";
        Retention => "retention", "Retention";
        SupportCostReduction => "support_cost_reduction", "Support cost reduction";
        Advocacy => "advocacy", "Advocacy";
        ProductFeedback => "product_feedback", "Product feedback";
        Custom => "custom", "Custom";
    }
}

word_enum! {
    pub enum Direction {
        Higher => "higher", "Higher is better";
        Lower => "lower", "Lower is better";
    }
}

word_enum! {
    pub enum Cadence {
        Weekly => "weekly", "Weekly";
        Monthly => "monthly", "Monthly";
        Quarterly => "quarterly", "Quarterly";
        Yearly => "yearly", "Yearly";
    }
}

impl Cadence {
    /// The day the next measurement is due after one taken on `last`; `None` past the
    /// calendar's end.
    pub fn next_after(self, last: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
        use chrono::{Days, Months};
        match self {
            Cadence::Weekly => last.checked_add_days(Days::new(7)),
            Cadence::Monthly => last.checked_add_months(Months::new(1)),
            Cadence::Quarterly => last.checked_add_months(Months::new(3)),
            Cadence::Yearly => last.checked_add_months(Months::new(12)),
        }
    }
}

/// Who reports the KPI: a stakeholder from the register, or a name typed by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct KpiOwner {
    pub stakeholder_id: Option<Uuid>,
    /// The typed name, or the stakeholder's name when one is linked.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct Kpi {
    pub id: Uuid,
    pub goal_id: Uuid,
    pub name: String,
    pub category: KpiCategory,
    /// The category's name when `category` is custom.
    pub custom_category: String,
    pub definition: String,
    pub unit: String,
    pub direction: Direction,
    pub baseline_value: f64,
    pub baseline_date: NaiveDate,
    pub target_value: f64,
    pub target_date: NaiveDate,
    pub data_source: String,
    pub owner: KpiOwner,
    pub cadence: Cadence,
    /// Its share in the community health figure, relative to the other KPIs' weights.
    pub weight: f64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Kpi {
    pub fn category_label(&self) -> String {
        if self.category == KpiCategory::Custom && !self.custom_category.trim().is_empty() {
            self.custom_category.clone()
        } else {
            self.category.label().to_owned()
        }
    }

    pub fn to_edit(&self) -> KpiEdit {
        KpiEdit {
            goal_id: self.goal_id,
            name: self.name.clone(),
            category: self.category,
            custom_category: self.custom_category.clone(),
            definition: self.definition.clone(),
            unit: self.unit.clone(),
            direction: self.direction,
            baseline_value: format_value(self.baseline_value).replace(',', ""),
            baseline_date: self.baseline_date.to_string(),
            target_value: format_value(self.target_value).replace(',', ""),
            target_date: self.target_date.to_string(),
            data_source: self.data_source.clone(),
            owner: self.owner.clone(),
            cadence: self.cadence,
            weight: format_value(self.weight).replace(',', ""),
        }
    }
}

/// The KPI form as typed: figures and dates arrive as text and are read here, so a refusal
/// lands at its field and the text stays in the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct KpiEdit {
    pub goal_id: Uuid,
    pub name: String,
    pub category: KpiCategory,
    pub custom_category: String,
    pub definition: String,
    pub unit: String,
    pub direction: Direction,
    pub baseline_value: String,
    pub baseline_date: String,
    pub target_value: String,
    pub target_date: String,
    pub data_source: String,
    pub owner: KpiOwner,
    pub cadence: Cadence,
    /// Empty means 1.
    pub weight: String,
}

/// A KPI edit once read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiValues {
    pub goal_id: Uuid,
    pub name: String,
    pub category: KpiCategory,
    pub custom_category: String,
    pub definition: String,
    pub unit: String,
    pub direction: Direction,
    pub baseline_value: f64,
    pub baseline_date: NaiveDate,
    pub target_value: f64,
    pub target_date: NaiveDate,
    pub data_source: String,
    pub owner: KpiOwner,
    pub cadence: Cadence,
    pub weight: f64,
}

/// The largest weight; weights are relative, so this only keeps typing slips out.
pub const MAX_WEIGHT: f64 = 1_000.0;

impl KpiEdit {
    /// Reads and checks the form. `stakeholders` are the ids that can own a KPI.
    pub fn validated(&self, stakeholders: &[Uuid]) -> Result<KpiValues, Invalid> {
        let name = required_line("name", "KPI's name", &self.name)?;
        let custom_category = optional_line("customCategory", "category", &self.custom_category)?;
        if self.category == KpiCategory::Custom && custom_category.is_empty() {
            return Err(Invalid::field(
                "customCategory",
                "Name the custom category, or choose one of the listed categories.",
            ));
        }
        let unit = optional_line("unit", "unit", &self.unit)?;
        let value = |field: &str, label: &str, text: &str| {
            parse_value(field, label, text, &unit, number_style([text]))
        };
        let baseline_value = value("baselineValue", "baseline", &self.baseline_value)?;
        let baseline_date = parse_date("baselineDate", "baseline date", &self.baseline_date)?;
        let target_value = value("targetValue", "target", &self.target_value)?;
        let target_date = parse_date("targetDate", "target date", &self.target_date)?;
        if target_date <= baseline_date {
            let day = crate::text::date;
            let message = if target_date == baseline_date {
                format!(
                    "The target date is the same day as the baseline date ({}). Choose a later target date.",
                    day(baseline_date)
                )
            } else {
                format!(
                    "The target date ({}) is before the baseline date ({}). Choose a later target date.",
                    day(target_date),
                    day(baseline_date)
                )
            };
            return Err(Invalid::field("targetDate", message));
        }
        let (b, t) = (
            with_unit(baseline_value, &unit),
            with_unit(target_value, &unit),
        );
        if target_value == baseline_value {
            return Err(Invalid::field(
                "targetValue",
                format!("The target equals the baseline ({b}), so there is nothing to reach. Set the value you aim for by the target date."),
            ));
        }
        match self.direction {
            Direction::Higher if target_value < baseline_value => {
                return Err(Invalid::field(
                    "targetValue",
                    format!("The target ({t}) is below the baseline ({b}), but higher is better for this KPI. Raise the target, or choose “Lower is better”."),
                ));
            }
            Direction::Lower if target_value > baseline_value => {
                return Err(Invalid::field(
                    "targetValue",
                    format!("The target ({t}) is above the baseline ({b}), but lower is better for this KPI. Lower the target, or choose “Higher is better”."),
                ));
            }
            _ => {}
        }
        let weight = if self.weight.trim().is_empty() {
            1.0
        } else {
            parse_value(
                "weight",
                "weight",
                &self.weight,
                "",
                number_style([self.weight.as_str()]),
            )?
        };
        if !(0.0..=MAX_WEIGHT).contains(&weight) {
            return Err(Invalid::field(
                "weight",
                format!("The weight is {}; it must be between 0 (left out of the health figure) and {}.", format_value(weight), format_value(MAX_WEIGHT)),
            ));
        }
        let owner_name = optional_line("owner", "owner's name", &self.owner.name)?;
        if let Some(id) = self.owner.stakeholder_id {
            if !stakeholders.contains(&id) {
                return Err(Invalid::field(
                    "owner",
                    "The chosen owner is no longer in the stakeholder register. Choose another owner or type a name.",
                ));
            }
        }
        Ok(KpiValues {
            goal_id: self.goal_id,
            name,
            category: self.category,
            custom_category: if self.category == KpiCategory::Custom {
                custom_category
            } else {
                String::new()
            },
            definition: paragraph("definition", "definition", &self.definition)?,
            unit,
            direction: self.direction,
            baseline_value,
            baseline_date,
            target_value,
            target_date,
            data_source: optional_line("dataSource", "data source", &self.data_source)?,
            owner: KpiOwner {
                stakeholder_id: self.owner.stakeholder_id,
                name: owner_name,
            },
            cadence: self.cadence,
            weight,
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn edit() -> KpiEdit {
        KpiEdit {
            goal_id: Uuid::nil(),
            name: " Monthly active members ".into(),
            category: KpiCategory::Engagement,
            custom_category: String::new(),
            definition: "Members who posted or replied in the month.".into(),
            unit: "members".into(),
            direction: Direction::Higher,
            baseline_value: "1,200".into(),
            baseline_date: "2026-01-01".into(),
            target_value: "2000".into(),
            target_date: "2026-12-31".into(),
            data_source: "Forum analytics".into(),
            owner: KpiOwner {
                stakeholder_id: None,
                name: "Ana".into(),
            },
            cadence: Cadence::Monthly,
            weight: String::new(),
        }
    }

    #[test]
    fn a_sound_kpi_is_read() {
        let v = edit().validated(&[]).unwrap();
        assert_eq!(v.name, "Monthly active members");
        assert_eq!(v.baseline_value, 1200.0);
        assert_eq!(v.weight, 1.0, "an empty weight counts once");
    }

    #[test]
    fn bad_figures_and_dates_are_refused_at_their_field_with_a_sentence() {
        let field = |e: KpiEdit| e.validated(&[]).unwrap_err();
        let err = field(KpiEdit {
            baseline_value: "lots".into(),
            ..edit()
        });
        assert_eq!(err.field.as_deref(), Some("baselineValue"));
        let err = field(KpiEdit {
            target_date: "2025-12-01".into(),
            ..edit()
        });
        assert_eq!(err.field.as_deref(), Some("targetDate"));
        assert_eq!(
            err.message.replace('\u{a0}', " "),
            "The target date (1 Dec 2025) is before the baseline date (1 Jan 2026). Choose a later target date."
        );
        let err = field(KpiEdit {
            target_value: "1200".into(),
            ..edit()
        });
        assert_eq!(err.field.as_deref(), Some("targetValue"));
        assert!(
            err.message.contains("equals the baseline (1,200 members)"),
            "{}",
            err.message
        );
        let err = field(KpiEdit {
            target_value: "900".into(),
            ..edit()
        });
        assert!(err.message.contains("higher is better"), "{}", err.message);
        let ok = KpiEdit {
            target_value: "900".into(),
            direction: Direction::Lower,
            ..edit()
        };
        assert!(
            ok.validated(&[]).is_ok(),
            "a decreasing target is fine when lower is better"
        );
        let err = field(KpiEdit {
            target_value: "2000 h".into(),
            ..edit()
        });
        assert!(
            err.message.contains("measured in members"),
            "{}",
            err.message
        );
        let err = field(KpiEdit {
            weight: "-1".into(),
            ..edit()
        });
        assert_eq!(err.field.as_deref(), Some("weight"));
        let err = field(KpiEdit {
            category: KpiCategory::Custom,
            ..edit()
        });
        assert_eq!(err.field.as_deref(), Some("customCategory"));
        let err = field(KpiEdit {
            owner: KpiOwner {
                stakeholder_id: Some(Uuid::now_v7()),
                name: String::new(),
            },
            ..edit()
        });
        assert_eq!(err.field.as_deref(), Some("owner"));
    }

    #[test]
    fn a_zero_baseline_is_a_baseline() {
        let v = KpiEdit {
            baseline_value: "0".into(),
            ..edit()
        }
        .validated(&[])
        .unwrap();
        assert_eq!(v.baseline_value, 0.0);
    }
}
