mod action_pane;
mod assign_dialog;
mod debounce;
mod location_picker;
mod modal;
mod number_picker;
mod release_dialog;
mod remove_dialog;
mod state;
mod users_grid;

pub use action_pane::ActionPane;
pub use assign_dialog::AssignDialog;
pub use debounce::on_typing_pause;
pub use release_dialog::ReleaseDialog;
pub use remove_dialog::RemoveDialog;
pub use state::{Dialog, VoiceUsersState};
pub use users_grid::UsersGrid;
