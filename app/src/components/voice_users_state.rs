use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::{ChangeSetId, Date, UserId, VoiceUser};

/// Which dialog is open over the Voice users page, and for whom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialog {
    Assign(UserId),
    Change(UserId),
    /// "Remove selected assigned number?" for the selected users who have one.
    RemoveSelected,
    /// "Assign numbers" for the selected users who have none.
    AssignSelected,
    /// "Change location" for the selected users who have a number.
    MoveSelected,
}

/// What the last action did, and the change set that undoes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub message: String,
    pub undo: Option<ChangeSetId>,
}

/// The Voice users page's shared state, provided as context to the grid, the
/// action pane and the dialogs.
#[derive(Clone, Copy)]
pub struct VoiceUsersState {
    /// The users ticked in the grid, in the order they were ticked.
    pub selected: RwSignal<Vec<VoiceUser>>,
    /// Users saved since the grid page was loaded; they win over the page's rows.
    pub fresh: RwSignal<HashMap<UserId, VoiceUser>>,
    /// The last outcome, announced in the page's status region.
    pub status: RwSignal<Option<Outcome>>,
    pub dialog: RwSignal<Option<Dialog>>,
    /// The server's date, from the grid's last page: the rules the Assign
    /// number dialog runs before Save need it for re-use blocks.
    pub today: RwSignal<Option<Date>>,
}

impl VoiceUsersState {
    pub fn new() -> Self {
        Self {
            selected: RwSignal::new(Vec::new()),
            fresh: RwSignal::new(HashMap::new()),
            status: RwSignal::new(None),
            dialog: RwSignal::new(None),
            today: RwSignal::new(None),
        }
    }

    /// The newest copy of `user` this page knows.
    pub fn latest(&self, user: &VoiceUser) -> VoiceUser {
        self.fresh
            .with(|f| f.get(&user.id).cloned())
            .unwrap_or_else(|| user.clone())
    }

    /// Says what happened, in the page's status region.
    pub fn announce(&self, message: String) {
        self.status.set(Some(Outcome {
            message,
            undo: None,
        }));
    }

    /// Says what a Save did, offering Undo for its change set.
    pub fn announce_saved(&self, message: String, change_set: Option<ChangeSetId>) {
        self.status.set(Some(Outcome {
            message,
            undo: change_set,
        }));
    }

    /// Takes in a user as the server now has it.
    pub fn record(&self, user: VoiceUser) {
        self.record_all(vec![user]);
    }

    /// Takes in many users as the server now has them (a bulk save's ten
    /// thousand), touching the selection and the fresh copies once each.
    pub fn record_all(&self, users: Vec<VoiceUser>) {
        let by_id: HashMap<UserId, VoiceUser> = users.into_iter().map(|u| (u.id, u)).collect();
        self.selected.update(|s| {
            for u in s.iter_mut() {
                if let Some(fresh) = by_id.get(&u.id) {
                    *u = fresh.clone();
                }
            }
        });
        self.fresh.update(|f| f.extend(by_id));
    }

    pub fn is_selected(&self, id: UserId) -> bool {
        self.selected.with(|s| s.iter().any(|u| u.id == id))
    }

    pub fn toggle(&self, user: &VoiceUser) {
        self.selected.update(|s| {
            if let Some(at) = s.iter().position(|u| u.id == user.id) {
                s.remove(at);
            } else {
                s.push(user.clone());
            }
        });
    }

    /// Ticks every one of `users`, keeping the users ticked already.
    pub fn select_all(&self, users: Vec<VoiceUser>) {
        self.selected.update(|s| {
            let ticked: std::collections::HashSet<UserId> = s.iter().map(|u| u.id).collect();
            s.extend(users.into_iter().filter(|u| !ticked.contains(&u.id)));
        });
    }

    /// Ticks every one of `users`, or unticks them all when they all are.
    pub fn toggle_all(&self, users: &[VoiceUser]) {
        let all = !users.is_empty() && users.iter().all(|u| self.is_selected(u.id));
        self.selected.update(|s| {
            if all {
                s.retain(|sel| !users.iter().any(|u| u.id == sel.id));
            } else {
                for u in users {
                    if !s.iter().any(|sel| sel.id == u.id) {
                        s.push(u.clone());
                    }
                }
            }
        });
    }

    pub fn select_only(&self, user: &VoiceUser) {
        self.selected.set(vec![user.clone()]);
    }

    /// The one user the action pane shows, with any fresher copy applied.
    pub fn focused(&self) -> Option<VoiceUser> {
        self.selected.with(|s| match s.as_slice() {
            [one] => Some(self.latest(one)),
            _ => None,
        })
    }

    /// The selected users who hold a number, as fresh as this page knows them.
    pub fn selected_with_numbers(&self) -> Vec<VoiceUser> {
        self.selected.with(|s| {
            s.iter()
                .map(|u| self.latest(u))
                .filter(|u| u.assigned_number.is_some())
                .collect()
        })
    }

    /// The selected users who hold no number.
    pub fn selected_without_numbers(&self) -> Vec<VoiceUser> {
        self.selected.with(|s| {
            s.iter()
                .map(|u| self.latest(u))
                .filter(|u| u.assigned_number.is_none())
                .collect()
        })
    }

    pub fn user(&self, id: UserId) -> Option<VoiceUser> {
        self.selected
            .with(|s| s.iter().find(|u| u.id == id).cloned())
            .map(|u| self.latest(&u))
    }
}

impl Default for VoiceUsersState {
    fn default() -> Self {
        Self::new()
    }
}
