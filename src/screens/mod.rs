//! One module per screen of the flow: start → questions → review → report.

pub mod question;
mod report;
mod review;
mod start;
pub mod widgets;

pub use question::QuestionScreen;
pub use report::{BadLinkScreen, ReportScreen};
pub use review::ReviewScreen;
pub use start::StartScreen;
