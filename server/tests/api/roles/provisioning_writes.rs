//! The matrix's provisioning writes: Retry now, Check now and Repair. The
//! matrix's server has no phone system, so none has anything to send.

use serde_json::json;

use super::{Needs, Write};

pub const PROVISIONING_WRITES: [Write; 3] = [
    Write {
        path: "/api/provisioning/retry",
        needs: Needs::ManageVoice,
        // With no phone system every change is confirmed as saved: none
        // waits to be retried.
        changes: &[],
        body: |_, _| json!({ "request": { "job": null } }),
        check: |_, _, role, answer| {
            Box::pin(async move {
                assert_eq!(answer["jobs"], 0, "{role}: {answer}");
            })
        },
    },
    Write {
        path: "/api/drift/check",
        needs: Needs::ManageVoice,
        // No phone system, no routes to compare: nothing is asked for.
        changes: &[],
        body: |_, _| json!({}),
        check: |_, _, role, answer| {
            Box::pin(async move {
                assert_eq!(answer["comparable"], false, "{role}: {answer}");
                assert_eq!(answer["checking"], false, "{role}: {answer}");
            })
        },
    },
    Write {
        path: "/api/drift/repair",
        needs: Needs::ManageVoice,
        // The fixture's check found nothing to repair.
        changes: &[],
        body: |f, _| json!({ "request": { "check": f.drift_check } }),
        check: |_, _, role, answer| {
            Box::pin(async move {
                assert_eq!(answer["numbers"], 0, "{role}: {answer}");
            })
        },
    },
];
