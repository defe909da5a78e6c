//! What the process keeps of the memory it frees. glibc's allocator holds
//! on to freed heap for re-use, and after the first large block is freed it
//! serves blocks of that size from the heap too: each sign-in's 19 MiB of
//! Argon2 memory, on whichever of the blocking threads ran it, and the
//! building of a large demo organisation would stay resident for good.

/// Blocks of 1 MiB and more come straight from the operating system and go
/// back to it when freed. Call once, first thing.
pub fn return_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes a tuning parameter of the allocator;
    // called before the runtime starts its threads.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

/// Hands the heap's free memory back to the operating system, after a
/// one-off burst of allocations (seeding a demo organisation).
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages; it is thread-safe.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// After a bulk save, an import or an undo (up to 10,000 users read, judged
/// and written in one request, on whichever threads ran it), the freed
/// memory goes back to the operating system instead of staying resident.
pub async fn trim_after_bulk(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let path = request.uri().path();
    let bulk = crate::body_limits::limit_for(path) > crate::body_limits::MAX_REQUEST_BYTES
        || path == "/api/change-sets/undo";
    let response = next.run(request).await;
    if bulk {
        tokio::task::spawn_blocking(release_free_memory);
    }
    response
}
