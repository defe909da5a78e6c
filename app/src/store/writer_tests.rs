use sqlx::Executor;

async fn writer() -> super::Writer {
    let pool = super::super::connect("sqlite::memory:").await.unwrap();
    let writer = super::Writer::open(&pool).await.unwrap();
    let mut tx = writer.begin().await.unwrap();
    tx.execute("CREATE TABLE t (x INTEGER NOT NULL)")
        .await
        .unwrap();
    tx.commit().await.unwrap();
    writer
}

async fn count(writer: &super::Writer) -> i64 {
    let mut tx = writer.begin().await.unwrap();
    let n = sqlx::query_scalar("SELECT COUNT(*) FROM t")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    n
}

#[tokio::test]
async fn a_writer_waits_for_the_one_before_to_finish() {
    let writer = writer().await;
    let first = writer.begin().await.unwrap();
    let second = tokio::spawn({
        let writer = writer.clone();
        async move { writer.begin().await.map(drop) }
    });
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    assert!(
        !second.is_finished(),
        "the second writer began during the first"
    );
    assert_eq!(writer.in_line(), 2, "one writing, one waiting");
    first.commit().await.unwrap();
    second.await.unwrap().unwrap();
    assert_eq!(writer.in_line(), 0);
}

#[tokio::test]
async fn a_write_dropped_or_failed_leaves_nothing() {
    let writer = writer().await;
    let mut dropped = writer.begin().await.unwrap();
    dropped.execute("INSERT INTO t VALUES (1)").await.unwrap();
    drop(dropped);
    assert_eq!(count(&writer).await, 0, "a dropped write was kept");

    let mut tx = writer.begin().await.unwrap();
    let mut writes = super::Batch::new();
    writes.push(|sql| {
        sql.push("INSERT INTO t VALUES (2)");
    });
    writes.push(|sql| {
        sql.push("INSERT INTO t VALUES (NULL)");
    });
    assert!(tx.commit_with(writes).await.is_err());
    drop(tx);
    assert_eq!(count(&writer).await, 0, "half a failed batch was kept");

    let mut tx = writer.begin().await.unwrap();
    let mut writes = super::Batch::new();
    let step = writes.push(|sql| {
        sql.push("INSERT INTO t VALUES (3), (4)");
    });
    assert_eq!(tx.commit_with(writes).await.unwrap().rows(step), 2);
    drop(tx);
    assert_eq!(count(&writer).await, 2, "a committed batch was lost");
}
