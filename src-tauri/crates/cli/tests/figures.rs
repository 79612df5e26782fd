//! `import-figures` as a user runs it: a dry run that writes nothing, an import into a KPI's
//! measurements and into a channel's snapshots with the columns mapped by flags, and files
//! that can't be read refused with a sentence and exit status 1.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::process::{Command, Output};

use groundwork_store::Store;

fn groundwork(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_groundwork"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn figures_are_imported_into_a_kpi_and_a_channel_with_every_row_accounted_for() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    assert!(groundwork(&["example", &p("plan.groundwork")])
        .status
        .success());
    let (kpi, channel, measured, snapshots) = {
        let store = Store::open(&dir.path().join("plan.groundwork")).unwrap();
        let kpi = store.kpis().unwrap()[0].clone();
        let channel = store.channels().unwrap()[0].name.clone();
        let measured = store.measurements().unwrap().len();
        let snapshots = store.snapshots().unwrap().len();
        store.close().unwrap();
        (kpi, channel, measured, snapshots)
    };

    fs::write(
        p("weekly.csv"),
        "Week;Result\n05.01.2026;12,5\n12.01.2026;abc\n19.01.2026;14\n",
    )
    .unwrap();
    let args = |dry: bool| {
        let mut a = vec![
            "import-figures".to_owned(),
            p("plan.groundwork"),
            p("weekly.csv"),
        ];
        a.extend([
            "--kpi".into(),
            kpi.name.to_uppercase(),
            "--value-column".into(),
            "Result".into(),
        ]);
        if dry {
            a.push("--dry-run".into());
        }
        a
    };
    let dry: Vec<String> = args(true);
    let out = groundwork(&dry.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.starts_with("Dry run, nothing written. 2 rows to add"),
        "{said}"
    );
    assert!(
        said.contains("line 3: not imported: “abc” is not a number"),
        "{said}"
    );
    assert!(said.contains("line 2: added 2026-01-05"), "{said}");
    let count = |f: &dyn Fn(&Store) -> usize| {
        let store = Store::open(&dir.path().join("plan.groundwork")).unwrap();
        let n = f(&store);
        store.close().unwrap();
        n
    };
    assert_eq!(count(&|s| s.measurements().unwrap().len()), measured);

    let real: Vec<String> = args(false);
    let out = groundwork(&real.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("2 rows added"), "{}", stdout(&out));
    assert_eq!(count(&|s| s.measurements().unwrap().len()), measured + 2);
    let values: Vec<f64> = {
        let store = Store::open(&dir.path().join("plan.groundwork")).unwrap();
        let v = store
            .measurements()
            .unwrap()
            .iter()
            .filter(|m| m.kpi_id == kpi.id && m.measured_on.to_string().starts_with("2026-01"))
            .map(|m| m.value)
            .collect();
        store.close().unwrap();
        v
    };
    assert!(
        values.contains(&12.5) && values.contains(&14.0),
        "decimal commas read: {values:?}"
    );

    fs::write(
        p("forum.tsv"),
        "Day\tTotal members\tNPS\n2026-02-01\t2,040\t31\n2026-02-02\t-4\t30\n",
    )
    .unwrap();
    let out = groundwork(&[
        "import-figures",
        &p("plan.groundwork"),
        &p("forum.tsv"),
        "--channel",
        &channel,
        "--map",
        "Total members=members",
        "--map",
        "NPS=custom:Net promoter score",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("Members 2,040") && said.contains("Net promoter score 31"),
        "{said}"
    );
    assert!(
        said.contains("line 3: not imported: Members can’t be negative"),
        "{said}"
    );
    assert_eq!(count(&|s| s.snapshots().unwrap().len()), snapshots + 1);

    // Files that hold no figures: a sentence, exit 1, nothing written.
    fs::write(
        p("picture.csv"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2],
    )
    .unwrap();
    fs::write(p("header.csv"), "Date,Members\n").unwrap();
    fs::write(p("words.csv"), "Date,Members\nyesterday,many\n").unwrap();
    for (file, says) in [
        ("picture.csv", "binary data"),
        ("header.csv", "no rows of figures"),
        ("words.csv", "no row of"),
    ] {
        let out = groundwork(&[
            "import-figures",
            &p("plan.groundwork"),
            &p(file),
            "--channel",
            &channel,
        ]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert!(stderr(&out).contains(says), "{file}: {}", stderr(&out));
    }
    assert_eq!(count(&|s| s.snapshots().unwrap().len()), snapshots + 1);
}
