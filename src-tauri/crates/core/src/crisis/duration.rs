//! Response times as a strategist types them ("30 min", "4 h", "1 day", "1 h 30 min"), stored
//! as whole minutes and printed back the same way.

use crate::Invalid;

/// The longest response time a plan can ask for: thirty days.
pub const MAX_MINUTES: u32 = 30 * 24 * 60;

/// Reads a duration such as "45 min", "2 h", "1 day" or "1 h 30 min" into minutes.
pub fn parse_minutes(field: &str, label: &str, text: &str) -> Result<u32, Invalid> {
    let trimmed = text.trim();
    let example = "for example 30 min, 4 h or 1 day";
    if trimmed.is_empty() {
        return Err(Invalid::field(
            field,
            format!("The {label} is empty. Type how long, {example}."),
        ));
    }
    let lower = trimmed.to_lowercase();
    let mut total: u64 = 0;
    let mut rest = lower.as_str();
    let mut parts = 0;
    while !rest.trim_start().is_empty() {
        rest = rest.trim_start().trim_start_matches(',').trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() {
            return Err(Invalid::field(
                field,
                format!("“{trimmed}” is not a time Groundwork understands. Use minutes, hours or days, {example}."),
            ));
        }
        rest = rest[digits.len()..].trim_start();
        let unit: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        rest = &rest[unit.len()..];
        let per = match unit.as_str() {
            "m" | "min" | "mins" | "minute" | "minutes" => 1,
            "h" | "hr" | "hrs" | "hour" | "hours" => 60,
            "d" | "day" | "days" => 24 * 60,
            "" => {
                return Err(Invalid::field(
                    field,
                    format!("“{trimmed}” has no unit. Add one, {example}."),
                ))
            }
            other => {
                return Err(Invalid::field(
                    field,
                    format!("“{other}” is not a unit of time Groundwork knows. Use min, h or day, {example}."),
                ))
            }
        };
        let n: u64 = digits.parse().unwrap_or(u64::MAX);
        total = total.saturating_add(n.saturating_mul(per));
        parts += 1;
    }
    if parts == 0 || total == 0 {
        return Err(Invalid::field(
            field,
            format!("The {label} must be longer than zero, {example}."),
        ));
    }
    if total > u64::from(MAX_MINUTES) {
        return Err(Invalid::field(
            field,
            format!("“{trimmed}” is longer than 30 days; a crisis plan needs a response sooner than that."),
        ));
    }
    Ok(u32::try_from(total).unwrap_or(MAX_MINUTES))
}

/// 90 -> "1 h 30 min", 1440 -> "1 day", 15 -> "15 min": readable, and read back by
/// [`parse_minutes`] to the same value.
pub fn format_minutes(minutes: u32) -> String {
    let days = minutes / (24 * 60);
    let hours = (minutes % (24 * 60)) / 60;
    let mins = minutes % 60;
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(format!("{days} {}", if days == 1 { "day" } else { "days" }));
    }
    if hours > 0 {
        parts.push(format!("{hours} h"));
    }
    if mins > 0 || parts.is_empty() {
        parts.push(format!("{mins} min"));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_spellings_are_read() {
        for (text, minutes) in [
            ("30 min", 30),
            ("30m", 30),
            ("4 h", 240),
            ("4 hours", 240),
            ("1 day", 1440),
            ("2 Days", 2880),
            ("1 h 30 min", 90),
            ("1h, 15m", 75),
        ] {
            assert_eq!(parse_minutes("t", "time", text).unwrap(), minutes, "{text}");
        }
    }

    #[test]
    fn formatting_reads_back_to_the_same_minutes() {
        for m in [1, 15, 60, 90, 240, 1440, 1530, MAX_MINUTES] {
            let label = format_minutes(m);
            assert_eq!(parse_minutes("t", "time", &label).unwrap(), m, "{label}");
        }
        assert_eq!(format_minutes(90), "1 h 30 min");
        assert_eq!(format_minutes(2880), "2 days");
    }

    #[test]
    fn unclear_times_are_refused_with_a_sentence_at_the_field() {
        for text in ["", "soon", "45", "3 weeks", "0 min", "31 days"] {
            let err = parse_minutes("responseTime", "response time", text).unwrap_err();
            assert_eq!(err.field.as_deref(), Some("responseTime"), "{text}");
            assert!(err.message.ends_with('.'), "{}", err.message);
        }
        let err = parse_minutes("t", "time", "45").unwrap_err();
        assert!(err.message.contains("no unit"), "{}", err.message);
        let err = parse_minutes("t", "time", "99999999999999999999 d").unwrap_err();
        assert!(err.message.contains("30 days"), "{}", err.message);
    }
}
