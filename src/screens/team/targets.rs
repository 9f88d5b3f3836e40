//! The target profiles shipped for common roles, offered on the team page. The same files are
//! the CLI's examples in `surveys/targets/`.

/// File name and JSON of each profile, in the order the page offers them; their names are in
/// `TeamStrings::target_names`, in the same order.
pub const PROFILES: [(&str, &str); 4] = [
    (
        "data-annotator.json",
        include_str!("../../../surveys/targets/data-annotator.json"),
    ),
    (
        "ai-enabled-marketer.json",
        include_str!("../../../surveys/targets/ai-enabled-marketer.json"),
    ),
    (
        "ml-engineer.json",
        include_str!("../../../surveys/targets/ml-engineer.json"),
    ),
    (
        "learning-lead.json",
        include_str!("../../../surveys/targets/learning-lead.json"),
    ),
];
