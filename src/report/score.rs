//! The quality score of a document, MQM-style: error points by severity per 1,000 words, and
//! the verdict of the gate (`--fail-on`, `--max-score`).

use super::{DocumentReport, ReportOptions};
use crate::finding::Severity;
use std::fmt;
use std::str::FromStr;

/// Error points per severity (MQM's usual weights by default: minor 1, major 5, critical 25).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeverityPoints {
    pub minor: f64,
    pub major: f64,
    pub critical: f64,
}

impl Default for SeverityPoints {
    fn default() -> Self {
        SeverityPoints {
            minor: 1.0,
            major: 5.0,
            critical: 25.0,
        }
    }
}

impl SeverityPoints {
    pub fn of(&self, severity: Severity) -> f64 {
        match severity {
            Severity::Minor => self.minor,
            Severity::Major => self.major,
            Severity::Critical => self.critical,
        }
    }
}

impl TryFrom<[f64; 3]> for SeverityPoints {
    type Error = String;

    /// Minor, major and critical points; none may be negative.
    fn try_from([minor, major, critical]: [f64; 3]) -> Result<Self, Self::Error> {
        if [minor, major, critical]
            .iter()
            .all(|n| n.is_finite() && *n >= 0.0)
        {
            Ok(SeverityPoints {
                minor,
                major,
                critical,
            })
        } else {
            Err(format!(
                "severity points [{minor}, {major}, {critical}]: each must be a number, 0 or more"
            ))
        }
    }
}

impl FromStr for SeverityPoints {
    type Err = String;

    /// `MINOR,MAJOR,CRITICAL`, e.g. `1,5,25`: three numbers, none negative.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parts: Vec<&str> = s.split(',').map(str::trim).collect();
        let [minor, major, critical] = parts.as_slice() else {
            return Err(format!(
                "'{s}': expected three numbers MINOR,MAJOR,CRITICAL, e.g. 1,5,25"
            ));
        };
        let number = |p: &str| -> Result<f64, String> {
            match p.parse::<f64>() {
                Ok(n) if n.is_finite() && n >= 0.0 => Ok(n),
                _ => Err(format!(
                    "'{p}' in '{s}' is not a number of points (0 or more)"
                )),
            }
        };
        Ok(SeverityPoints {
            minor: number(minor)?,
            major: number(major)?,
            critical: number(critical)?,
        })
    }
}

impl fmt::Display for SeverityPoints {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},{},{}", self.minor, self.major, self.critical)
    }
}

/// Words of a text: whitespace-separated pieces with at least one letter or digit, so
/// punctuation and dashes standing alone do not count.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// How a document fares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    pub words: usize,
    /// Error points of its findings.
    pub points: f64,
    /// Points per 1,000 words, rounded to two decimals; None when it could not be read.
    pub score: Option<f64>,
    /// Readable, no finding at or above `fail_on`, score not above `max_score`.
    pub passed: bool,
}

/// Points per 1,000 words. A document without words has as many words as one word, so its
/// findings still weigh.
pub fn score(points: f64, words: usize) -> f64 {
    let raw = points * 1000.0 / words.max(1) as f64;
    (raw * 100.0).round() / 100.0
}

pub fn verdict(doc: &DocumentReport, options: &ReportOptions) -> Verdict {
    let Ok(findings) = &doc.outcome else {
        return Verdict {
            words: doc.words,
            points: 0.0,
            score: None,
            passed: false,
        };
    };
    // Not `sum()`: a float sum of nothing is -0.0.
    let points = findings
        .iter()
        .fold(0.0, |acc, f| acc + options.severity_points.of(f.severity));
    let score = score(points, doc.words);
    let too_severe = options
        .fail_on
        .is_some_and(|t| findings.iter().any(|f| f.severity >= t));
    let too_high = options.max_score.is_some_and(|max| score > max);
    Verdict {
        words: doc.words,
        points,
        score: Some(score),
        passed: !too_severe && !too_high,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_skip_standalone_punctuation() {
        assert_eq!(count_words("The US president — Donald Trump, 2020."), 6);
        assert_eq!(count_words("  \n "), 0);
    }

    #[test]
    fn points_parse_and_reject() {
        let p: SeverityPoints = "1, 10,100".parse().unwrap();
        assert_eq!((p.minor, p.major, p.critical), (1.0, 10.0, 100.0));
        assert!("1,5".parse::<SeverityPoints>().is_err());
        assert!("1,-5,25".parse::<SeverityPoints>().is_err());
        assert!("1,x,25".parse::<SeverityPoints>().is_err());
        assert_eq!(SeverityPoints::default().to_string(), "1,5,25");
        assert!(SeverityPoints::try_from([1.0, -1.0, 2.0]).is_err());
        assert_eq!(
            SeverityPoints::try_from([1.0, 5.0, 25.0]),
            Ok(SeverityPoints::default())
        );
    }

    #[test]
    fn score_is_points_per_thousand_words() {
        assert_eq!(score(30.0, 600), 50.0);
        assert_eq!(score(1.0, 3), 333.33);
        assert_eq!(score(0.0, 0), 0.0);
        assert_eq!(score(5.0, 0), 5000.0);
    }
}
