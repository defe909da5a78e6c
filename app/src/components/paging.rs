//! The state of a keyset-paged grid, written once for every grid: the first
//! page follows the query; "Load more" appends the pages after it; a page
//! that arrives for a query the admin has since changed is dropped.

use std::future::Future;
use std::ops::Range;
use std::sync::Arc;

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::api::ApiError;
use crate::domain::Paged;

/// The rows loaded after the first page, for the query they belong to.
struct More<Q, P: Paged> {
    query: Option<Q>,
    rows: Vec<P::Row>,
    next: Option<P::Cursor>,
}

impl<Q, P: Paged> Default for More<Q, P> {
    fn default() -> Self {
        Self {
            query: None,
            rows: Vec::new(),
            next: None,
        }
    }
}

pub struct Paging<Q, P>
where
    Q: Clone + PartialEq + Send + Sync + 'static,
    P: Paged + Send + Sync + 'static,
{
    /// The first page for the current query.
    pub first: Resource<Result<P, ApiError>>,
    query: Memo<Q>,
    more: RwSignal<More<Q, P>>,
    load: Action<(Q, P::Cursor), Result<P, ApiError>>,
}

impl<Q, P> Clone for Paging<Q, P>
where
    Q: Clone + PartialEq + Send + Sync + 'static,
    P: Paged + Send + Sync + 'static,
{
    fn clone(&self) -> Self {
        *self
    }
}

impl<Q, P> Copy for Paging<Q, P>
where
    Q: Clone + PartialEq + Send + Sync + 'static,
    P: Paged + Send + Sync + 'static,
{
}

/// Pages of `fetch(query, after)` for the query `query` reads (tracked).
pub fn use_paging<Q, P, Fut>(
    query: impl Fn() -> Q + Send + Sync + 'static,
    fetch: impl Fn(Q, Option<P::Cursor>) -> Fut + Copy + Send + Sync + 'static,
) -> Paging<Q, P>
where
    Q: Clone + PartialEq + Send + Sync + 'static,
    P: Paged + Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = Result<P, ApiError>> + Send + 'static,
{
    let query = Memo::new(move |_| query());
    let first = Resource::new(move || query.get(), move |q| fetch(q, None));
    let more = RwSignal::new(More::<Q, P>::default());
    // Rows loaded for an earlier query never join a later one's.
    Effect::new(move |seen: Option<()>| {
        query.track();
        if seen.is_some() {
            more.set(More::default());
        }
    });
    let load = Action::new(move |(asked, after): &(Q, P::Cursor)| {
        let (asked, after) = (asked.clone(), after.clone());
        async move {
            let page = fetch(asked.clone(), Some(after)).await;
            if let Ok(page) = &page {
                if query.with_untracked(|now| *now == asked) {
                    more.update(|m| {
                        if m.query.as_ref() != Some(&asked) {
                            *m = More::default();
                            m.query = Some(asked);
                        }
                        m.rows.extend(page.rows().iter().cloned());
                        m.next = page.next();
                    });
                }
            }
            page
        }
    });
    Paging {
        first,
        query,
        more,
        load,
    }
}

impl<Q, P> Paging<Q, P>
where
    Q: Clone + PartialEq + Send + Sync + 'static,
    P: Paged + Send + Sync + 'static,
{
    fn loaded_more(&self) -> bool {
        let query = self.query;
        self.more
            .with(|m| m.query.as_ref().is_some_and(|q| query.with(|now| q == now)))
    }

    /// Every row shown: `first`'s, then those loaded after it.
    pub fn rows(&self, first: &P) -> impl Fn() -> Vec<P::Row> + Clone + Send + Sync + 'static {
        let rows_in = self.rows_in(first);
        let shown = self.shown(first);
        move || rows_in(0..shown())
    }

    /// The rows at `range` of those shown (fewer where it runs past them),
    /// without copying the others: a grid scrolled far down holds thousands.
    pub fn rows_in(
        &self,
        first: &P,
    ) -> impl Fn(Range<usize>) -> Vec<P::Row> + Clone + Send + Sync + 'static {
        let (this, first_rows) = (*self, Arc::new(first.rows().to_vec()));
        move |range: Range<usize>| {
            let head = first_rows.len();
            let mut rows: Vec<P::Row> = first_rows
                .get(range.start.min(head)..range.end.min(head))
                .unwrap_or_default()
                .to_vec();
            if range.end > head && this.loaded_more() {
                let (start, end) = (range.start.max(head) - head, range.end - head);
                this.more.with(|m| {
                    rows.extend_from_slice(
                        m.rows
                            .get(start.min(m.rows.len())..end.min(m.rows.len()))
                            .unwrap_or_default(),
                    )
                });
            }
            rows
        }
    }

    /// How many rows are shown.
    pub fn shown(&self, first: &P) -> impl Fn() -> usize + Copy + Send + Sync + 'static {
        let (this, first_len) = (*self, first.rows().len());
        move || {
            first_len
                + if this.loaded_more() {
                    this.more.with(|m| m.rows.len())
                } else {
                    0
                }
        }
    }

    /// Where the next page starts, if one follows what is shown.
    pub fn next(
        &self,
        first: &P,
    ) -> impl Fn() -> Option<P::Cursor> + Clone + Send + Sync + 'static {
        let (this, first_next) = (*self, first.next());
        move || {
            if this.loaded_more() {
                this.more.with(|m| m.next.clone())
            } else {
                first_next.clone()
            }
        }
    }

    /// Fetches the page after `after` for the current query.
    pub fn load_more(&self, after: P::Cursor) {
        self.load.dispatch((self.query.get_untracked(), after));
    }

    pub fn loading_more(&self) -> Signal<bool> {
        self.load.pending().into()
    }

    /// Why the last "Load more" failed, if it did.
    pub fn load_error(&self) -> Option<String> {
        self.load.value().with(|v| {
            v.as_ref()
                .and_then(|r| r.as_ref().err().map(ToString::to_string))
        })
    }
}

impl<Q, P> Paging<Q, P>
where
    Q: Clone + PartialEq + Send + Sync + 'static,
    P: Paged + Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    /// Starts again from the first page, e.g. after a change to the data.
    pub fn refresh(&self) {
        self.more.set(More::default());
        self.first.refetch();
    }
}
