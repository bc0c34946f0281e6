//! `mtlint rules`: list, explain and test the rules.

use super::*;

/// The options of `rules`.
#[derive(clap::Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    command: RulesCommand,
    #[command(flatten)]
    rules: RuleArgs,
}

#[derive(Subcommand)]
enum RulesCommand {
    /// One line per rule: id, category, severity, summary.
    List,
    /// A rule's documentation and examples.
    Explain { id: String },
    /// Run every rule's examples: bad ones must be flagged with their fix, good ones not.
    Test,
}

/// Runs `rules` with its rule selection over the project configuration's.
pub fn run(args: RulesArgs, config: &Config) -> ExitCode {
    // Every rule, on or off by default: the list shows them all and the tests run them all.
    let linter = match linter_for(&args.rules.over(config), true) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    match args.command {
        RulesCommand::List => list(&linter),
        RulesCommand::Explain { id } => match linter.detectors.iter().find(|d| d.meta().id == id) {
            Some(d) => {
                out!("{}", mtlint::detect::explain(d.meta()));
                ExitCode::SUCCESS
            }
            None => fail(format!("no rule with id '{id}' (see `mtlint rules list`)")),
        },
        RulesCommand::Test => test(&linter),
    }
}

/// `rules list`: a line per rule (id, category, severity, where it comes from, summary), then a
/// line per check of a rule that holds several.
fn list(linter: &Linter) -> ExitCode {
    for d in &linter.detectors {
        let m = d.meta();
        out!(
            "{}\t{}\t{}\t{}\t{}\n",
            m.id,
            m.category,
            m.severity,
            d.source().unwrap_or("built-in"),
            m.summary
        );
        for c in d.checks() {
            out!("{}/{c}\t{}\t{}\tcheck\t\n", m.id, m.category, m.severity);
        }
    }
    ExitCode::SUCCESS
}

/// `rules test`: every rule's examples; exit 1 when one fails.
fn test(linter: &Linter) -> ExitCode {
    let failures = mtlint::detect::test_examples(linter);
    for f in &failures {
        out!("FAIL {f}\n");
    }
    let total: usize = linter
        .detectors
        .iter()
        .map(|d| d.meta().examples.len())
        .sum();
    out!(
        "{} passed, {} failed\n",
        total - failures.len(),
        failures.len()
    );
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
