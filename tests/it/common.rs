//! What the test modules share.

use assert_cmd::Command;

/// The `mtlint` binary of this build, ready for arguments.
pub fn mtlint() -> Command {
    Command::cargo_bin("mtlint").expect("binary builds")
}
