//! Every rule's examples run as tests: bad examples are flagged with their fix, good ones are not.

use mtlint::detect::{Linter, test_examples};
use mtlint::tag::Tagger;

#[test]
fn every_rule_example_holds() {
    let linter = Linter::new(Tagger::embedded());
    let failures = test_examples(&linter);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_is_documented() {
    let linter = Linter::new(Tagger::embedded());
    let mut ids = std::collections::HashSet::new();
    for d in &linter.detectors {
        let m = d.meta();
        assert!(ids.insert(m.id), "duplicate rule id {}", m.id);
        assert!(
            !m.summary.is_empty() && !m.why.is_empty() && !m.fix.is_empty(),
            "{}",
            m.id
        );
        let bad = m
            .examples
            .iter()
            .filter(|e| matches!(e, mtlint::detect::Example::Bad { .. }));
        let good = m
            .examples
            .iter()
            .filter(|e| matches!(e, mtlint::detect::Example::Good(_)));
        assert!(
            bad.count() > 0 && good.count() > 0,
            "{} needs bad and good examples",
            m.id
        );
    }
}
