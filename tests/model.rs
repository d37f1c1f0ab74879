//! The program model: queries on small graphs, semantic checks, exports.

mod common;

use common::*;
use fairpath::report::graph;
use fairpath::report::Words;

const JOURNEYS: &str = r#"program "J" {
  statuses {
    entry employed
    employed employed
    job_seeking job_seeking
    irregular irregular
    removed removed
    returned returned
    employed -> job_seeking on job_loss
    employed -> employed on employer_change after 2 years consent [worker]
    job_seeking -> employed on new_employer within 3 months
    job_seeking -> irregular on deadline
    irregular -> removed on decision
    employed -> returned on contract_end
  }
  recruitment {
    worker pays visa 85 CAD deducted
    employer pays travel
  }
  documents { passport employer }
}"#;

#[test]
fn path_queries_respect_first_trigger_and_avoidance() {
    let (m, _) = model(JOURNEYS);
    let w = m
        .find_path(&["employed"], &["removed"], Some(&["job_loss"]), &[])
        .expect("job loss leads to removal");
    let steps: Vec<&str> = w
        .transitions
        .iter()
        .map(|&i| m.terms().transitions[i].trigger)
        .collect();
    assert_eq!(steps, ["job_loss", "deadline", "decision"]);
    assert!(m
        .find_path(
            &["employed"],
            &["removed"],
            Some(&["job_loss"]),
            &["job_seeking"]
        )
        .is_none());
    assert!(m
        .find_path(&["employed"], &["removed"], Some(&["contract_end"]), &[])
        .is_none());
    assert!(m
        .find_path(&["job_seeking"], &["employed"], None, &[])
        .is_some());
}

#[test]
fn reachability_with_filtered_edges() {
    let (m, _) = model(JOURNEYS);
    let entry = m.entry().expect("entry");
    let all = m.reachable(entry, |_| true);
    assert_eq!(all.iter().filter(|r| **r).count(), 5);
    let no_deadline = m.reachable(entry, |t| t.trigger != "deadline");
    let irregular = m.statuses_in(&["irregular"])[0];
    assert!(all[irregular.index()] && !no_deadline[irregular.index()]);
}

#[test]
fn earliest_open_and_money_flows() {
    let (m, _) = model(JOURNEYS);
    assert_eq!(
        m.earliest_open(&["employed"], &["employer_change"]),
        Some(2.0 * 365.25)
    );
    assert_eq!(m.earliest_open(&["employed"], &["job_loss"]), Some(0.0));
    assert_eq!(m.earliest_open(&["returned"], &["job_loss"]), None);
    let from_worker: Vec<&str> = m.flows_from("worker").map(|(_, f)| f.cost).collect();
    assert_eq!(from_worker, ["visa"]);
}

fn codes(text: &str) -> Vec<String> {
    model(text)
        .1
        .iter()
        .map(|d| d.code_name().to_string())
        .collect()
}

#[test]
fn unreachable_and_trap_statuses() {
    let bad = program("complete [transitions]\nstatuses {\n entry employed\n employed employed\n irregular irregular\n removed removed\n detained detained\n employed -> irregular on overstay\n detained -> removed on decision\n}");
    assert!(
        codes(&bad.replace("complete [transitions]\n", "")).is_empty(),
        "a partial graph may leave out ways in and out"
    );
    assert_eq!(
        codes(&bad),
        [
            "fairpath::trap-status",
            "fairpath::unreachable-status",
            "fairpath::unreachable-status"
        ]
    );
    assert!(codes(JOURNEYS).is_empty());
}

#[test]
fn missing_entry() {
    assert_eq!(
        codes(&program(
            "complete [transitions]\nstatuses {\n employed employed\n}"
        )),
        ["fairpath::no-entry"]
    );
    assert!(
        codes(&program(
            "statuses {\n employed -> irregular on absconding_report\n}"
        ))
        .is_empty(),
        "one documented transition needs no entry and no declarations"
    );
}

#[test]
fn conflicting_transitions() {
    let bad = program("statuses {\n entry employed\n employed employed\n removed removed\n job_seeking job_seeking\n employed -> removed on job_loss\n employed -> job_seeking on job_loss\n job_seeking -> removed on deadline\n}");
    assert_eq!(codes(&bad), ["fairpath::conflicting-transitions"]);
    let ok = bad.replace(
        "employed -> removed on job_loss",
        "employed -> removed on job_loss if \"misconduct\"",
    );
    assert!(codes(&ok).is_empty());
}

#[test]
fn contradictory_terms() {
    let bad = program("permit {\n tied_to none\n employer_change { consent [employer] }\n}");
    assert_eq!(codes(&bad), ["fairpath::contradiction"]);
    assert!(codes(&program(
        "permit {\n tied_to employer\n employer_change { consent [employer] }\n}"
    ))
    .is_empty());
}

#[test]
fn unstated_terms_stay_absent() {
    let (m, _) = model(&program("permit { tied_to employer }"));
    assert!(m.fact("permit.tied_to").is_some());
    assert!(m.fact("permit.grace_period").is_none());
    assert!(!m.has_statuses());
}

#[test]
fn graph_json_is_pinned() {
    let (m, _) = model(JOURNEYS);
    insta::assert_json_snapshot!("journeys_graph", graph::json(&m));
}

#[test]
fn mermaid_and_dot_name_every_transition() {
    let (m, _) = model(JOURNEYS);
    let dot = graph::dot(&Words::english(), &m);
    let mermaid = graph::mermaid(&Words::english(), &m);
    for label in [
        "job loss",
        "new employer, within 3 months",
        "employer change, after 2 years, consent of worker",
    ] {
        assert!(dot.contains(label) && mermaid.contains(label), "{label}");
    }
}

#[test]
fn every_example_renders_with_graphviz() {
    let Ok(dot) = which("dot") else {
        eprintln!("graphviz not installed: skipped (CI installs it)");
        return;
    };
    for entry in std::fs::read_dir("policies/examples").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let (m, _) = model(&text);
        let mut child = std::process::Command::new(&dot)
            .arg("-Tsvg")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(graph::dot(&Words::english(), &m).as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", path.display());
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("<svg"),
            "{}",
            path.display()
        );
    }
}

fn which(cmd: &str) -> Result<std::path::PathBuf, ()> {
    std::env::var_os("PATH")
        .and_then(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join(cmd))
                .find(|c| c.is_file())
        })
        .ok_or(())
}

#[test]
fn permits_are_tied_to_what_the_program_says() {
    use fairpath::model::{Edge, Node};
    use petgraph::visit::EdgeRef;
    let tied = |text: &str| {
        let (m, _) = model(text);
        m.graph()
            .edge_references()
            .filter(|e| matches!(e.weight(), Edge::Tied))
            .map(|e| (m.graph()[e.source()].clone(), m.graph()[e.target()].clone()))
            .collect::<Vec<_>>()
    };
    let employer = tied(&program("permit { tied_to employer }"));
    assert_eq!(employer.len(), 1);
    assert_eq!(employer[0].0, Node::Permit);
    assert!(matches!(&employer[0].1, Node::Party { name, .. } if name == "employer"));
    let sector = tied(&program("permit { tied_to sector }"));
    assert_eq!(
        sector[0].1,
        Node::Tie {
            to: "sector".into()
        }
    );
    assert!(tied(&program("permit { tied_to none }")).is_empty());
    assert!(
        tied(&program("kind seasonal")).is_empty(),
        "silence adds no tie"
    );
}

/// The boxes of the transition labels of a drawn graph: the width is estimated at 0.6 em a
/// character (wider than Helvetica's average), the height at one em.
fn label_boxes(svg: &str) -> Vec<(f64, f64, f64, f64, String)> {
    let mut out = Vec::new();
    for g in svg.split("<g class=\"transition").skip(1) {
        let text = g.split("<text ").nth(1).unwrap();
        let attr = |name: &str| -> f64 {
            let at = text.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            text[at..].split('"').next().unwrap().parse().unwrap()
        };
        let label = text.split('>').nth(1).unwrap().split('<').next().unwrap();
        let (x, y, size) = (attr("x"), attr("y"), attr("font-size"));
        let width = label.chars().count() as f64 * size * 0.6;
        out.push((
            x - width / 2.0,
            y - size,
            x + width / 2.0,
            y + size * 0.25,
            label.to_string(),
        ));
    }
    out
}

/// Two transitions between each pair of four statuses, both ways: labels drawn at the same spot
/// unless moved apart.
const CROWDED: &str = r#"program "C" {
  statuses {
    entry employed
    employed employed
    job_seeking job_seeking
    irregular irregular
    returned returned
    employed -> job_seeking on job_loss within 1 months
    employed -> job_seeking on dismissal within 2 months
    employed -> irregular on absconding_report
    employed -> irregular on deadline
    employed -> returned on contract_end
    employed -> returned on pregnancy
    job_seeking -> employed on new_employer
    job_seeking -> employed on employer_change
    job_seeking -> irregular on deadline
    irregular -> employed on regularisation
    irregular -> returned on decision
  }
}"#;

#[test]
fn graph_labels_do_not_overlap_in_any_program() {
    let mut texts = vec![("crowded".to_string(), CROWDED.to_string())];
    for dir in ["policies/programs", "policies/examples"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "fair") {
                texts.push((
                    path.display().to_string(),
                    std::fs::read_to_string(&path).unwrap(),
                ));
            }
        }
    }
    let mut checked = 0;
    for (name, text) in texts {
        let (m, _) = model(&text);
        let Some(svg) = fairpath::report::svg::status_graph(
            &fairpath::report::Words::english(),
            &m,
            &Default::default(),
        ) else {
            continue;
        };
        let boxes = label_boxes(&svg);
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
                assert!(apart, "{name}: `{}` overlaps `{}`", a.4, b.4);
            }
        }
        checked += boxes.len();
    }
    assert!(checked > 50, "{checked} labels checked");
}
