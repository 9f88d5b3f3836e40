//! Build, borrow or hold: what a lead can do about each dimension, from who in the team holds
//! it and who could teach it. The rule is documented in `docs/methodology.md` ("Team
//! summary"); keep the two in step.

use serde::{Deserialize, Serialize};

/// How many people hold a dimension: at the survey's strength level (Proficient on the default
/// five levels) or above.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Risk {
    /// One person: the team depends on them.
    SingleExpert,
    /// Nobody.
    NoneCovered,
    /// Two or more.
    Covered,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Advice {
    /// Grow it inside, taught by someone in the team.
    Build,
    /// Bring in a freelance specialist, for the work now and to pass the knowledge on.
    Borrow,
    /// Covered: keep it.
    Hold,
}

/// Why the advice is what it is. The app and the CLI word each one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdviceReason {
    /// Borrow: nobody holds it.
    NobodyHoldsIt,
    /// Build: one person holds it and can teach it, so a second person learns from them.
    OneCanTeach,
    /// Build: one person holds it, nobody can teach it yet, but the team learns quickly.
    OneQuickLearners,
    /// Borrow: one person holds it, nobody can teach it, and the team does not learn quickly.
    OneNoTeacher,
    /// Build: covered, but people are below the target, and someone can teach it.
    BelowTargetCanTeach,
    /// Build: covered, but people are below the target; those who hold it share it.
    BelowTargetPeers,
    /// Hold: two or more hold it, and nobody is below the target.
    Covered,
}

impl Risk {
    /// The id the JSON export uses.
    pub fn id(self) -> &'static str {
        match self {
            Risk::SingleExpert => "single-expert",
            Risk::NoneCovered => "none-covered",
            Risk::Covered => "covered",
        }
    }
}

impl Advice {
    /// The id the JSON export uses.
    pub fn id(self) -> &'static str {
        match self {
            Advice::Build => "build",
            Advice::Borrow => "borrow",
            Advice::Hold => "hold",
        }
    }
}

impl AdviceReason {
    /// The id the JSON export uses.
    pub fn id(self) -> &'static str {
        match self {
            AdviceReason::NobodyHoldsIt => "nobody-holds-it",
            AdviceReason::OneCanTeach => "one-can-teach",
            AdviceReason::OneQuickLearners => "one-quick-learners",
            AdviceReason::OneNoTeacher => "one-no-teacher",
            AdviceReason::BelowTargetCanTeach => "below-target-can-teach",
            AdviceReason::BelowTargetPeers => "below-target-peers",
            AdviceReason::Covered => "covered",
        }
    }

    pub fn advice(self) -> Advice {
        match self {
            AdviceReason::NobodyHoldsIt | AdviceReason::OneNoTeacher => Advice::Borrow,
            AdviceReason::OneCanTeach
            | AdviceReason::OneQuickLearners
            | AdviceReason::BelowTargetCanTeach
            | AdviceReason::BelowTargetPeers => Advice::Build,
            AdviceReason::Covered => Advice::Hold,
        }
    }
}

/// What is known of one dimension across the team.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Holding {
    /// People at the strength level or above.
    pub experts: usize,
    /// People who could teach it: at the top level, or at the strength level here and in a
    /// coaching or training dimension.
    pub teachers: usize,
    /// People below the target level, when a target is set for this dimension.
    pub below_target: Option<usize>,
    /// Whether the team's median learning agility is at the strength level or above.
    pub quick_learners: bool,
}

pub(crate) fn risk(experts: usize) -> Risk {
    match experts {
        0 => Risk::NoneCovered,
        1 => Risk::SingleExpert,
        _ => Risk::Covered,
    }
}

pub(crate) fn reason(h: Holding) -> AdviceReason {
    let below = h.below_target.unwrap_or(0) > 0;
    match risk(h.experts) {
        Risk::NoneCovered => AdviceReason::NobodyHoldsIt,
        Risk::SingleExpert if h.teachers > 0 => AdviceReason::OneCanTeach,
        Risk::SingleExpert if h.quick_learners => AdviceReason::OneQuickLearners,
        Risk::SingleExpert => AdviceReason::OneNoTeacher,
        Risk::Covered if below && h.teachers > 0 => AdviceReason::BelowTargetCanTeach,
        Risk::Covered if below => AdviceReason::BelowTargetPeers,
        Risk::Covered => AdviceReason::Covered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holding(experts: usize, teachers: usize) -> Holding {
        Holding {
            experts,
            teachers,
            below_target: None,
            quick_learners: false,
        }
    }

    #[test]
    fn ids_are_what_the_json_says() {
        for r in [Risk::SingleExpert, Risk::NoneCovered, Risk::Covered] {
            assert_eq!(serde_json::to_value(r).unwrap(), r.id());
        }
        for a in [Advice::Build, Advice::Borrow, Advice::Hold] {
            assert_eq!(serde_json::to_value(a).unwrap(), a.id());
        }
        for r in [
            AdviceReason::NobodyHoldsIt,
            AdviceReason::OneCanTeach,
            AdviceReason::OneQuickLearners,
            AdviceReason::OneNoTeacher,
            AdviceReason::BelowTargetCanTeach,
            AdviceReason::BelowTargetPeers,
            AdviceReason::Covered,
        ] {
            assert_eq!(serde_json::to_value(r).unwrap(), r.id());
        }
    }

    #[test]
    fn nobody_means_borrow_whatever_else_is_known() {
        for quick_learners in [false, true] {
            let h = Holding {
                quick_learners,
                below_target: Some(4),
                ..holding(0, 0)
            };
            assert_eq!(reason(h), AdviceReason::NobodyHoldsIt);
            assert_eq!(reason(h).advice(), Advice::Borrow);
        }
    }

    #[test]
    fn one_person_is_built_on_when_they_can_teach_or_the_team_learns_fast() {
        assert_eq!(reason(holding(1, 1)), AdviceReason::OneCanTeach);
        let quick = Holding {
            quick_learners: true,
            ..holding(1, 0)
        };
        assert_eq!(reason(quick), AdviceReason::OneQuickLearners);
        assert_eq!(reason(holding(1, 0)), AdviceReason::OneNoTeacher);
        assert_eq!(reason(holding(1, 0)).advice(), Advice::Borrow);
        assert_eq!(risk(1), Risk::SingleExpert);
    }

    #[test]
    fn covered_is_held_unless_people_are_below_the_target() {
        assert_eq!(reason(holding(2, 0)), AdviceReason::Covered);
        assert_eq!(reason(holding(5, 3)).advice(), Advice::Hold);
        let on_target = Holding {
            below_target: Some(0),
            ..holding(2, 1)
        };
        assert_eq!(reason(on_target), AdviceReason::Covered);
        let below = Holding {
            below_target: Some(3),
            ..holding(2, 1)
        };
        assert_eq!(reason(below), AdviceReason::BelowTargetCanTeach);
        let below_no_teacher = Holding {
            below_target: Some(3),
            ..holding(2, 0)
        };
        assert_eq!(reason(below_no_teacher), AdviceReason::BelowTargetPeers);
        assert_eq!(reason(below_no_teacher).advice(), Advice::Build);
    }
}
