//! One module per screen of the flow: start → questions → review → report, and the team
//! summary and the survey studio a lead reaches from the start page.
//!
//! The report, the team summary and the studio are chunks loaded on demand (see
//! `on_demand.rs`); each is reached only through its `area()`.

pub mod question;
pub(crate) mod report;
mod review;
mod start;
pub(crate) mod studio;
pub(crate) mod team;
pub mod widgets;

pub use question::QuestionScreen;
pub use review::ReviewScreen;
pub use start::StartScreen;
pub use team::TeamDesk;
