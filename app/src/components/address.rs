//! A grid's search, filters and sort kept in the page's address, so a view
//! can be bookmarked or shared and Back returns to the one before.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The query the address holds now, and the way to change it.
pub struct AddressQuery<Q: Send + Sync + 'static> {
    pub query: Memo<Q>,
    go: Callback<(String, bool)>,
    address: fn(&Q) -> String,
}

impl<Q: Send + Sync + 'static> Clone for AddressQuery<Q> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Q: Send + Sync + 'static> Copy for AddressQuery<Q> {}

/// A parameter of the address by its name, decoded.
pub type Param<'a> = &'a dyn Fn(&str) -> Option<String>;

/// `read` turns the address's parameters into the grid's query; `address`
/// the query into the page's address (see `links`).
pub fn use_address_query<Q>(read: fn(Param) -> Q, address: fn(&Q) -> String) -> AddressQuery<Q>
where
    Q: Clone + PartialEq + Send + Sync + 'static,
{
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| read(&|key| p.get(key))));
    let navigate = use_navigate();
    let go = Callback::new(move |(to, replace): (String, bool)| {
        navigate(
            &to,
            NavigateOptions {
                replace,
                // The grid keeps its place on the page.
                scroll: false,
                ..NavigateOptions::default()
            },
        )
    });
    AddressQuery { query, go, address }
}

impl<Q> AddressQuery<Q>
where
    Q: Clone + PartialEq + Send + Sync + 'static,
{
    /// A new entry in the history: Back returns to the view before.
    pub fn change(&self, edit: impl FnOnce(&mut Q)) {
        self.apply(edit, false);
    }

    /// The same history entry, rewritten: for each keystroke in a search
    /// box, which would otherwise leave one entry per letter.
    pub fn revise(&self, edit: impl FnOnce(&mut Q)) {
        self.apply(edit, true);
    }

    fn apply(&self, edit: impl FnOnce(&mut Q), replace: bool) {
        let mut query = self.query.get_untracked();
        edit(&mut query);
        if self.query.with_untracked(|now| *now != query) {
            self.go.run(((self.address)(&query), replace));
        }
    }
}
