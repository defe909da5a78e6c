//! What Check and Apply of an imported file answer: every line with an
//! action, as read, and every reason it can't be saved.

use serde::{Deserialize, Serialize};

use super::ChangeSetId;

/// The downloadable template of an import file: the columns in the order
/// the exports write them, then one line of each action. CRLF and the
/// number in international form with spaces and brackets, which
/// spreadsheets keep as text.
pub const IMPORT_TEMPLATE: &str = "Username,Phone number,Emergency location,Action\r\n\
meganb@contoso.com,+1 (425) 555-0150,Redmond HQ,assign\r\n\
alexw@contoso.com,,Seattle Office,change\r\n\
pattif@contoso.com,,,remove\r\n";

/// One line of the file as Check judged it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ImportLineReport {
    /// The file's line number, as a text editor counts.
    pub line: usize,
    pub username: String,
    pub number: String,
    pub location: String,
    pub action: String,
    /// Every reason the line can't be saved; empty when it can.
    pub problems: Vec<String>,
}

/// The whole file as Check judged it: Apply writes only a file without
/// problems, all of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ImportReport {
    /// Lines with an action or a problem, in file order.
    pub lines: Vec<ImportLineReport>,
    /// Lines without an action: left as they are.
    pub unchanged: usize,
}

impl ImportReport {
    /// How many lines have problems.
    pub fn refused(&self) -> usize {
        self.lines.iter().filter(|l| !l.problems.is_empty()).count()
    }
}

/// What Apply did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ImportApplied {
    /// Users whose number or location changed.
    pub changed: usize,
    /// The change set to undo it by; `None` when the file changed nothing.
    pub change_set: Option<ChangeSetId>,
}
