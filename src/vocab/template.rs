//! The `init` template: every vocabulary term with a protective example value and its doc line.

use super::{children, is_block, term};

/// A program that states no term: every vocabulary term is there, commented out, with its doc
/// line and an example value, so that nothing is asserted until the writer states it.
pub fn blank() -> String {
    let filled = template();
    let mut out = String::from(
        "// A fairpath program. Every term of the vocabulary is below, commented out, with an example\n\
         // value. Uncomment and set each term the program's text states; leave the rest: silence is\n\
         // reported as silence. `@ \"…\"` tags a clause with the article it encodes.\n\
         program \"Name of the program\" {\n",
    );
    let body = filled
        .lines()
        .skip_while(|l| !l.starts_with("program "))
        .skip(1);
    for line in body {
        let indent = line.len() - line.trim_start().len();
        match line.trim_start() {
            "" | "}" if indent == 0 => out.push_str(&format!("{line}\n")),
            t if t.starts_with("//") => out.push_str(&format!("{line}\n")),
            t => out.push_str(&format!("{}// {t}\n", " ".repeat(indent))),
        }
    }
    out
}

/// A program that states every vocabulary term at an example value and parses as it stands.
pub fn template() -> String {
    let mut out = String::from(
        "// A fairpath program. Every term of the vocabulary is stated below with an example value.\n\
         // Change each value to what your program's text says, and delete the terms the text does not\n\
         // state: silence is reported as silence. `@ \"…\"` tags a clause with the article it encodes.\n\
         program \"Name of the program\" {\n",
    );
    block(&mut out, "", 1);
    out.push_str("}\n");
    out
}

fn block(out: &mut String, path: &str, depth: usize) {
    let pad = "  ".repeat(depth);
    for child in children(path) {
        let full = if path.is_empty() {
            child.to_string()
        } else {
            format!("{path}.{child}")
        };
        if let Some(t) = term(&full) {
            out.push_str(&format!("{pad}// {}\n{pad}{child} {}\n", t.doc, t.example));
        } else if is_block(&full) {
            out.push_str(&format!("\n{pad}{child} {{\n"));
            block(out, &full, depth + 1);
            out.push_str(&format!("{pad}}}\n"));
        }
        if path.is_empty() && child == "quota" {
            out.push_str(PARTIES_AND_STATUSES);
        }
        if full == "recruitment.fees_reimbursed" {
            out.push_str(&format!(
                "{pad}// money flows: `payer pays cost [amount] [to payee] [deducted]`\n\
                 {pad}employer pays recruitment_fee\n{pad}employer pays travel\n{pad}employer pays visa\n"
            ));
        }
    }
}

const PARTIES_AND_STATUSES: &str = "
  // parties besides the built-in worker, employer, origin_state, destination_state, agency, family
  parties {
    joint_body joint_committee
  }

  // the worker's statuses (`name category`) and the transitions between them
  statuses {
    entry       employed
    employed    employed
    job_seeking job_seeking
    returned    returned
    resident    permanent_resident

    employed    -> job_seeking on job_loss
    job_seeking -> employed on new_employer within 6 months
    job_seeking -> returned on deadline decided_by worker
    employed    -> employed on employer_change consent [worker]
    employed    -> returned on contract_end
    employed    -> resident on qualifying_residence after 5 years
  }
";
