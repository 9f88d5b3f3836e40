//! One module per screen of the flow: start → questions → review → report, and the team
//! summary a lead reaches from the start page.

pub mod question;
mod report;
mod review;
mod start;
mod team;
pub mod widgets;

pub use question::QuestionScreen;
pub use report::{BadLinkScreen, ReportScreen};
pub use review::ReviewScreen;
pub use start::StartScreen;
pub use team::{TeamDesk, TeamScreen};
