//! The rule `unclosed-apposition`: see `META` for what it finds and why.
//!
//! ## What it does
//! At the start of a sentence, a noun phrase that names a person by role ("The US president",
//! "Its spokeswoman"; its head in `rules/person-nouns.txt`), a comma, and a name right before the clause's verb: the comma opened an
//! apposition that nothing closes ("The US president, Donald Trump has spoken …"). Suggests the
//! closing comma after the name.
//!
//! ## Silent on
//! A phrase of time or place before the comma ("The next day, Smith left"), a description
//! fronted with "a" ("A national holiday, Mnarja is …"), a name that a coordinator,
//! a comma or anything but the verb follows ("The winners, Smith and Jones, left"), a verb of
//! saying between commas ("The result, Smith said, was good"), and a role with no determiner.

use super::edit::{Edit, apply, diagnosis};
use super::{Detector, Diagnosis, Example, RuleMeta, SentenceView};
use crate::finding::{Category, Severity};
use crate::segment::SegmentKind;
use crate::tag::Tag;

pub struct UnclosedApposition;

static META: RuleMeta = RuleMeta {
    id: "unclosed-apposition",
    category: Category::Punctuation,
    severity: Severity::Minor,
    summary: "A name set off by a comma after its role has no comma closing it before the verb.",
    why: "A name after its role (\"the US president, Donald Trump\") is an aside, set off by \
          commas on both sides; translations often drop the second, and the sentence then reads \
          as if the role were addressed.",
    fix: "Close the aside with a comma after the name.",
    examples: &[
        Example::Bad {
            text: "The US president, Donald Trump has spoken by telephone with General Haftar.",
            fix: Some(
                "The US president, Donald Trump, has spoken by telephone with General Haftar.",
            ),
        },
        Example::Bad {
            text: "Its spokeswoman, Maria Lopez announced the results on Monday.",
            fix: Some("Its spokeswoman, Maria Lopez, announced the results on Monday."),
        },
        Example::Good("The US president, Donald Trump, has spoken by telephone with Haftar."),
        Example::Good("The next day, Smith left the city."),
        Example::Good("The winners, Smith and Jones, left early."),
        Example::Good("The result, Smith said, was good."),
        Example::Good("In the capital, Paris remains calm."),
        Example::Good("A national holiday since 1990, Mnarja is a festival of food and music."),
        Example::Good("The weeks after the vote, Smith stayed at home."),
    ],
};

impl Detector for UnclosedApposition {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, v: &SentenceView, out: &mut Vec<Diagnosis>) {
        if v.kind() != SegmentKind::Sentence {
            return;
        }
        if let Some(d) = unclosed(v) {
            out.push(d);
        }
    }
}

fn unclosed(v: &SentenceView) -> Option<Diagnosis> {
    // The role: "the" or a possessive, modifiers, a common noun, maybe an "of"-phrase. ("A
    // national holiday, Mnarja is …" fronts a description: "a" opens no apposition.)
    if !(v.lower(0) == "the" || v.tag(0) == Some(Tag::PRPS)) {
        return None;
    }
    let comma = v.words.iter().position(|w| *w == ",")?;
    let role = 1..comma;
    if role.is_empty()
        || !role
            .clone()
            .any(|k| matches!(v.tag(k), Some(Tag::NN | Tag::NNS)))
        || role.clone().any(|k| {
            v.tag(k).is_some_and(|t| t.is_verb() || t == Tag::MD)
                || (matches!(v.tag(k), Some(Tag::IN | Tag::WDT | Tag::DT)) && v.lower(k) != "of")
                || super::words::names_time(v.lower(k))
        })
    {
        return None;
    }
    // The role's head names a person (`rules/person-nouns.txt`): "The first issue of the
    // journal, Huxley wrote" has lost its preposition, not a comma.
    let head_end = (1..comma).find(|&k| v.lower(k) == "of").unwrap_or(comma);
    let head = (1..head_end)
        .rev()
        .find(|&k| v.tag(k).is_some_and(Tag::is_noun))?;
    if !super::words::is_person_noun(v.lower(head)) {
        return None;
    }
    // The name: capitalised proper nouns, then the clause's finite verb (not a verb of saying
    // that a comma closes).
    let mut end = comma + 1;
    while v.tag(end).is_some_and(Tag::is_proper_noun)
        && v.words[end].starts_with(char::is_uppercase)
    {
        end += 1;
    }
    if end == comma + 1 {
        return None;
    }
    let verb = v.tag(end)?;
    if !(verb == Tag::MD || verb.is_finite_verb()) || v.words.get(end + 1) == Some(&",") {
        return None;
    }
    let (_, at) = v.span(end - 1, end);
    let edit = Edit {
        start: at,
        end: at,
        with: ",".into(),
    };
    let name = v.slice(comma + 1, end);
    Some(diagnosis(
        v,
        comma + 1,
        end,
        format!(
            "'{name}' is set off by a comma before it but not after: close it with a comma ('{name}, {}')",
            v.words[end]
        ),
        Some(apply(v, &[edit])),
        0.7,
    ))
}
