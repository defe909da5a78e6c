//! GET /api/events: the console's one stream of server-sent events. Each
//! `changes` message carries the changes committed since the last one (any
//! admin's, through any server sharing the database) that the session may
//! read, with the users they changed as they are now; its `id` is the audit
//! log entry it reaches, so a reconnecting browser's `Last-Event-ID` resumes
//! there. The session is checked again before each message and every half
//! minute; once it has ended the stream says `signed-out` and closes.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use tokio::sync::watch;
use tokio::time::Instant;

use super::access::{caller_from, required};
use super::csv_stream::refused;
use super::ApiError;
use crate::auth::session::{caller_unrenewed, Caller};
use crate::domain::{Listener, LiveBatch, Permission, UserId, MAX_LIVE_CHANGES};
use crate::state::AppState;
use crate::store;

/// How often an idle stream checks that its session still stands.
const RECHECK: Duration = Duration::from_secs(30);
/// How long a stream waits before reading again after the database failed.
const AFTER_FAILURE: Duration = Duration::from_secs(2);

pub async fn events(State(state): State<AppState>, parts: Parts) -> Response {
    match Feed::open(state, &parts).await {
        Ok(feed) => {
            let messages = stream::unfold(feed, |mut feed| async move {
                let event = feed.next().await?;
                Some((Ok::<_, Infallible>(event), feed))
            });
            let mut response = Sse::new(messages)
                .keep_alive(KeepAlive::default())
                .into_response();
            // A proxy must pass each message on as it comes.
            response
                .headers_mut()
                .insert("x-accel-buffering", "no".parse().expect("a valid header"));
            response
        }
        Err(e) => refused(e),
    }
}

/// One console's stream: where it is in the log, and who listens.
struct Feed {
    state: AppState,
    headers: HeaderMap,
    listener: Listener,
    /// The last audit entry this stream has told of (or skipped).
    last: i64,
    commits: watch::Receiver<store::Heard>,
    recheck_at: Instant,
    ended: bool,
}

impl Feed {
    async fn open(state: AppState, parts: &Parts) -> Result<Self, ApiError> {
        let caller = required(caller_from(&state, parts).await?)?;
        // Subscribed before the log is read, so no commit falls between.
        let commits = state.writer.commits().watch();
        let mut conn = state.pool.acquire().await?;
        let newest = store::live::newest(&mut conn).await?;
        let last = resume_from(&parts.headers).map_or(newest, |id| id.min(newest));
        let listener = listener(&mut conn, &caller).await?;
        Ok(Self {
            state,
            headers: parts.headers.clone(),
            listener,
            last,
            commits,
            recheck_at: Instant::now() + RECHECK,
            ended: false,
        })
    }

    /// The next message, once there is one to send; `None` ends the stream.
    async fn next(&mut self) -> Option<Event> {
        loop {
            if self.ended || self.commits.borrow().closing {
                return None;
            }
            match self.read().await {
                Ok(Some(event)) => return Some(event),
                Ok(None) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "reading changes for a live stream");
                    tokio::time::sleep(AFTER_FAILURE).await;
                    continue;
                }
            }
            tokio::select! {
                changed = self.commits.changed() => {
                    if changed.is_err() || self.commits.borrow().closing {
                        return None;
                    }
                }
                () = tokio::time::sleep_until(self.recheck_at) => {
                    if let Some(goodbye) = self.recheck().await {
                        return Some(goodbye);
                    }
                }
            }
        }
    }

    /// The changes since the last message that this listener may read, as
    /// a message; `None` when there are none.
    async fn read(&mut self) -> Result<Option<Event>, ApiError> {
        let mut conn = self.state.pool.acquire().await?;
        let newest = store::live::newest(&mut conn).await?;
        // The log was emptied (archived) since: its ids start again.
        self.last = self.last.min(newest);
        if newest == self.last {
            return Ok(None);
        }
        let found =
            store::live::between(&mut conn, self.last, newest, MAX_LIVE_CHANGES + 1).await?;
        drop(conn);
        // Whatever was committed (a sign-out, a role change) may have ended
        // or narrowed this session: check it before telling anything.
        if let Some(goodbye) = self.recheck().await {
            return Ok(Some(goodbye));
        }
        let reload = found.len() > MAX_LIVE_CHANGES;
        let changes: Vec<_> = found
            .iter()
            .take(MAX_LIVE_CHANGES)
            .filter_map(|c| self.listener.sees(c))
            .collect();
        self.last = newest;
        if changes.is_empty() && !reload {
            return Ok(None);
        }
        let users = self.users(&changes).await?;
        let batch = LiveBatch {
            changes,
            users,
            reload,
        };
        let event = Event::default()
            .event("changes")
            .id(newest.to_string())
            .json_data(&batch)
            .map_err(|e| ApiError::internal(format!("writing a live message: {e}")))?;
        Ok(Some(event))
    }

    /// The users `changes` name, as they are now, where the listener may
    /// see them.
    async fn users(
        &self,
        changes: &[crate::domain::LiveChange],
    ) -> Result<Vec<crate::domain::VoiceUser>, ApiError> {
        let l = self.listener;
        let sees_voice = l.role.may(Permission::ViewVoice) && l.voice_open;
        let mut ids: Vec<UserId> = changes
            .iter()
            .filter_map(|c| c.user)
            .filter(|id| sees_voice || Some(*id) == l.own)
            .collect();
        ids.sort();
        ids.dedup();
        let mut conn = self.state.pool.acquire().await?;
        Ok(store::users::many(&mut conn, &ids).await?)
    }

    /// Reads the session again, without counting as activity. `Some` is
    /// the stream's last message: the session has ended.
    async fn recheck(&mut self) -> Option<Event> {
        self.recheck_at = Instant::now() + RECHECK;
        let now = self.state.clock.now();
        let found = match self.state.pool.acquire().await {
            Ok(mut conn) => {
                match caller_unrenewed(&mut conn, &self.headers, &self.state.auth, now).await {
                    Ok(Some(caller)) => listener(&mut conn, &caller).await.map(Some),
                    Ok(None) => Ok(None),
                    Err(e) => Err(ApiError::from(e)),
                }
            }
            Err(e) => Err(ApiError::from(e)),
        };
        match found {
            Ok(Some(listener)) => {
                self.listener = listener;
                None
            }
            Ok(None) => {
                self.ended = true;
                Some(
                    Event::default()
                        .event("signed-out")
                        .data(super::access::SIGNED_OUT),
                )
            }
            Err(e) => {
                // The database is down for a moment: keep the stream; the
                // next check decides.
                tracing::warn!(error = %e, "checking a live stream's session");
                None
            }
        }
    }
}

/// Who listens: the caller's role (a User's is only their own changes).
async fn listener(conn: &mut sqlx::AnyConnection, caller: &Caller) -> Result<Listener, ApiError> {
    let role = caller.account.role;
    let own = store::users::by_username(conn, &caller.account.username)
        .await?
        .map(|u| u.id);
    // Until the password is chosen and two-step set up, nothing to read.
    let settled = super::access::settled(caller).is_ok();
    Ok(Listener {
        role: if settled {
            role
        } else {
            crate::domain::Role::User
        },
        voice_open: caller.voice_open,
        own: own.filter(|_| settled),
    })
}

/// The entry a reconnecting browser last heard of (`Last-Event-ID`).
fn resume_from(headers: &HeaderMap) -> Option<i64> {
    headers
        .get("last-event-id")?
        .to_str()
        .ok()?
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id >= 0)
}
