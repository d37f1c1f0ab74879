//! The table of program terms. Adding a term is one line here.

use super::{Better, Better::*, Clause, Kind, Kind::*, Modifier, Term};

const fn t(
    path: &'static str,
    kind: Kind,
    better: Better,
    doc: &'static str,
    example: &'static str,
) -> Term {
    Term {
        path,
        kind,
        better,
        doc,
        example,
    }
}

/// Worker status categories; a program names its own statuses and gives each a category.
pub const STATUS_CATEGORIES: &[&str] = &[
    "employed",
    "job_seeking",
    "claim_pending",
    "training",
    "irregular",
    "detained",
    "returned",
    "removed",
    "permanent_resident",
];

/// Status categories a worker loses standing by moving into: a move into one of them works
/// against the worker, which sets the protective direction of its modifiers.
pub const ADVERSE_STATUSES: &[&str] = &["irregular", "detained", "returned", "removed"];

/// Events that move a worker from one status to another.
pub const TRIGGERS: &[&str] = &[
    "job_loss",
    "dismissal",
    "resignation",
    "contract_end",
    "closure",
    "employer_change",
    "new_employer",
    "abuse",
    "unpaid_wages",
    "complaint",
    "claim_end",
    "pregnancy",
    "illness",
    "injury",
    "union_activity",
    "strike",
    "absconding_report",
    "overstay",
    "deadline",
    "renewal",
    "expiry",
    "regularisation",
    "qualifying_residence",
    "decision",
    "release",
    "departure",
];

/// Roles a declared party can take.
pub const PARTY_ROLES: &[&str] = &[
    "employer",
    "state",
    "ministry",
    "public_agency",
    "private_agency",
    "union",
    "joint_committee",
    "liaison",
    "embassy",
    "monitoring_body",
    "ngo",
    "family",
];

/// The lists a program can declare complete with `complete […]`: its money flows, its
/// transitions, and its list terms. A list not declared complete is partial: what it leaves out
/// is unknown, not absent.
pub const LISTS: &[&str] = &[
    "flows",
    "transitions",
    "sectors",
    "origin",
    "destination",
    "grounds",
    "consent",
    "contract_items",
    "excluded_sectors",
];

/// The term a word of [`LISTS`] declares complete (`flows` and `transitions` name no term).
pub fn list_term(word: &str) -> &str {
    match word {
        "grounds" => "permit.employer_change.grounds",
        "consent" => "permit.employer_change.consent",
        "contract_items" => "contract.states",
        "excluded_sectors" => "labour_law.excluded",
        other => other,
    }
}

/// Words a duration can be instead of a length of time: the rest of the permit's term, or until
/// the contract ends.
pub const DURATION_WORDS: &[&str] = &["rest_of_permit", "contract_end"];

/// Costs and fees a money flow can be for.
pub const COSTS: &[&str] = &[
    "recruitment_fee",
    "placement_fee",
    "service_fee",
    "registration_fee",
    "travel",
    "return_travel",
    "visa",
    "work_permit",
    "medical",
    "training",
    "insurance",
    "language_test",
    "skills_test",
    "documentation",
    "deposit",
    "bond",
    "levy",
    "accommodation",
    "food",
    "utilities",
    "equipment",
    "administrative",
    "expulsion",
    "wages",
    "forced_savings",
    "kickback",
    "exit_permit",
    "reentry_visa",
    "loan_interest",
];

/// Costs that are fees charged for recruiting or placing a worker. A percentage written for one
/// of them is read as a share of the fee, though drafters often mean a share of wages.
pub const FEES: &[&str] = &[
    "recruitment_fee",
    "placement_fee",
    "service_fee",
    "registration_fee",
];

const fn m(
    clause: Clause,
    word: &'static str,
    takes: Option<Kind>,
    (for_worker, against_worker): (Better, Better),
    doc: &'static str,
    example: &'static str,
) -> Modifier {
    Modifier {
        clause,
        word,
        takes,
        for_worker,
        against_worker,
        doc,
        example,
    }
}

/// The words that qualify a transition or a money flow. A transition works against the worker
/// when it moves into an [`ADVERSE_STATUSES`] category, a flow when the worker pays; each
/// modifier's protective direction depends on which.
pub const MODIFIERS: &[Modifier] = &[
    m(Clause::Transition, "within", Some(Duration), (Higher, Higher), "the time the worker has before the move is made, or must be made", "job_seeking -> employed on new_employer within 6 months"),
    m(Clause::Transition, "after", Some(Duration), (Lower, Higher), "the earliest time the move can be made", "employed -> job_seeking on employer_change after 1 years"),
    m(Clause::Transition, "decided_by", Some(Party), (Worker, Worker), "who decides whether the move is made", "employed -> returned on contract_end decided_by worker"),
    m(Clause::Transition, "consent", Some(PartyList), (Fewer, More), "whose consent the move needs", "employed -> job_seeking on employer_change consent [worker]"),
    m(Clause::Transition, "if", Some(Text), (Neutral, Neutral), "when the move applies, in words", "employed -> returned on illness if \"the illness lasts over a year\""),
    m(Clause::Flow, "no", None, (No, Yes), "the payer does not pay the cost (written before the cost)", "worker pays no recruitment_fee"),
    m(Clause::Flow, "amount", Some(Money), (Higher, Lower), "how much, written after the cost: money (`85 CAD`, `1 months_of_wages`) or a share of the cost (`50 %`)", "worker pays visa 85 CAD"),
    m(Clause::Flow, "to", Some(Party), (Neutral, Neutral), "who receives the payment", "worker pays placement_fee 0.5 months_of_wages to agency"),
    m(Clause::Flow, "deducted", None, (Neutral, No), "the payment is taken from the worker's wages", "worker pays travel 50 % deducted"),
];

const SECTORS: &[&str] = &[
    "domestic_work",
    "care",
    "agriculture",
    "horticulture",
    "livestock",
    "poultry",
    "fishing",
    "construction",
    "manufacturing",
    "hospitality",
    "meat_processing",
    "services",
    "transport",
    "health",
    "any",
];
const LEVEL: &[&str] = &["none", "limited", "equal"];
const CONTRACT_ITEMS: &[&str] = &[
    "parties",
    "workplace",
    "start_and_duration",
    "type_of_work",
    "remuneration",
    "hours",
    "leave_and_rest",
    "food_and_accommodation",
    "probation",
    "repatriation",
    "termination",
];
const GROUNDS: &[&str] = &[
    "abuse",
    "unpaid_wages",
    "contract_breach",
    "closure",
    "termination",
    "injury",
    "any",
];

/// Every program term, grouped by block, in the order `init` writes them.
pub static TERMS: &[Term] = &[
    // identity
    t("kind", Enum(&["temporary", "seasonal", "circular", "permanent"]), Neutral, "what kind of program this is", "seasonal"),
    t("instrument", Enum(&["bilateral_agreement", "memorandum", "national_scheme", "regional_agreement"]), Neutral, "the legal instrument that sets the program's terms", "bilateral_agreement"),
    t("version", Text, Neutral, "the version or draft of the text encoded", "\"signed text\""),
    t("as_of", Date, Neutral, "the date on which the encoded terms were in force", "2024-06-01"),
    t("source", Text, Neutral, "the document the terms come from", "\"Agreement, signed text\""),
    t("complete", EnumList(LISTS), Neutral, "the lists the program states in full, so that what they leave out does not happen", "[flows, transitions, sectors, origin, destination, grounds, consent, contract_items, excluded_sectors]"),
    t("origin", Countries, Neutral, "origin states, by ISO 3166-1 alpha-3 code", "[PHL]"),
    t("destination", Countries, Neutral, "destination state, by ISO 3166-1 alpha-3 code", "[DEU]"),
    t("territory", Text, Neutral, "the part of the destination state the program covers, where not all of it", "\"Sabah\""),
    t("sectors", EnumList(SECTORS), Neutral, "sectors in which program workers are employed", "[domestic_work, agriculture]"),
    t("admission", Enum(&["temporary", "permanent"]), Neutral, "whether workers are admitted temporarily or on a permanent basis", "temporary"),
    t("worker_category", Enum(&["migrant_worker", "trainee", "posted_worker", "frontier_worker", "seafarer", "artiste"]), Neutral, "how the program classifies its workers", "migrant_worker"),
    t("training_purpose", Bool, Neutral, "workers come specifically for training or education", "no"),
    t("quota", Count, Neutral, "the number of workers admitted per year", "10000"),
    t("labour_law.covered", Bool, Yes, "the general labour law covers program workers", "yes"),
    t("labour_law.excluded", EnumList(SECTORS), Fewer, "sectors the general labour law leaves out, such as domestic work", "[]"),
    t("eligibility.minimum_age", Count, Higher, "the youngest age at which a worker may be recruited, in years", "18"),
    t("eligibility.maximum_age", Count, Higher, "the oldest age at which a worker may be recruited, in years", "60"),
    t("eligibility.family_situation", Bool, No, "workers are selected by family situation (married, with children left behind)", "no"),
    // permit
    t("permit.duration", Duration, Higher, "how long one permit lasts", "2 years"),
    t("permit.renewable", Bool, Yes, "whether the permit can be renewed", "yes"),
    t("permit.renewals", Count, Higher, "how many times the permit can be renewed", "3"),
    t("permit.max_stay", Duration, Higher, "maximum cumulative stay across permits", "10 years"),
    t("permit.reentry", Bool, Yes, "whether a worker may come back for a further cycle", "yes"),
    t("permit.cooling_off", Duration, Lower, "time a worker must spend outside before re-entry", "0 days"),
    t("permit.tied_to", Enum(&["employer", "sector", "region", "none"]), Ordered, "what the permit ties the worker to", "none"),
    t("permit.grace_period", Duration, Higher, "time to find new work after losing a job, with the permit kept", "6 months"),
    t("permit.labour_market_test", Bool, Neutral, "the authority checks that no available worker can do the job before admission", "yes"),
    t("permit.employer_change.allowed", Bool, Yes, "whether a worker may change employer at all", "yes"),
    t("permit.employer_change.after", Duration, Lower, "time after arrival before a change of employer is allowed", "0 days"),
    t("permit.employer_change.max_changes", Count, Higher, "how many changes of employer are allowed", "10"),
    t("permit.employer_change.consent", PartyList, Fewer, "parties whose consent a change of employer needs", "[worker]"),
    t("permit.employer_change.grounds", EnumList(GROUNDS), More, "grounds on which a change of employer is allowed", "[any]"),
    t("permit.permanent_residence", Bool, Yes, "whether the program leads to permanent residence", "yes"),
    t("permit.permanent_residence_after", Duration, Lower, "lawful residence needed before permanent residence", "5 years"),
    t("permit.regularisation", Bool, Yes, "a route for workers who became irregular to regain status", "yes"),
    t("permit.restrictions_end_after", Duration, Lower, "after how long restrictions on employment stop applying", "2 years"),
    t("permit.excluded_occupations", Enum(&["broad", "limited", "none"]), Ordered, "occupations closed to program workers", "limited"),
    t("permit.revocation_open_ended", Bool, No, "the permit can be revoked on open-ended grounds (public interest, an employer's report)", "no"),
    // recruitment
    t("recruitment.channel", Enum(&["government_to_government", "public_agency", "private_agency", "employer_direct", "mixed"]), Neutral, "who recruits: a government-sponsored group transfer, public or private agencies, or employers", "public_agency"),
    t("recruitment.agencies_licensed", Bool, Yes, "private recruiters need prior authorisation (a licence)", "yes"),
    t("recruitment.agencies_supervised", Bool, Yes, "the authority supervises recruiters", "yes"),
    t("recruitment.agency_penalties", Bool, Yes, "penalties, up to a ban, for fraudulent or abusive agencies", "yes"),
    t("recruitment.agency_obligations_defined", Bool, Yes, "the law sets out what the agency and the employer each owe the worker", "yes"),
    t("recruitment.public_service_free", Bool, Yes, "the public employment service charges workers nothing", "yes"),
    t("recruitment.information_service", Bool, Yes, "a free service gives workers accurate information and assistance", "yes"),
    t("recruitment.information_free", Bool, Yes, "the information service is free of charge", "yes"),
    t("recruitment.pre_departure_information", Bool, Yes, "written information on living and working conditions before departure", "yes"),
    t("recruitment.advertising_regulated", Bool, Yes, "misleading recruitment advertising is prohibited", "yes"),
    t("recruitment.fees_reimbursed", Bool, Yes, "any fee a worker paid is reimbursed", "yes"),
    t("recruitment.kickbacks_prohibited", Bool, Yes, "payments by workers to employers or their agents for a job are forbidden", "yes"),
    t("recruitment.debt_financed", Bool, No, "workers borrow, or take advances repaid from wages, to pay recruitment costs", "no"),
    // contract
    t("contract.written", Bool, Yes, "the worker gets a written contract", "yes"),
    t("contract.before_departure", Bool, Yes, "the contract is given before the worker leaves the origin country", "yes"),
    t("contract.understood_language", Bool, Yes, "the contract is in a language the worker understands", "yes"),
    t("contract.enforceable_in_destination", Bool, Yes, "the contract can be enforced in the destination country", "yes"),
    t("contract.substitution_forbidden", Bool, Yes, "replacing the contract on arrival is forbidden", "yes"),
    t("contract.states", EnumList(CONTRACT_ITEMS), More, "the terms the contract states (C189 Art 7 items)", "[parties, workplace, start_and_duration, type_of_work, remuneration, hours, leave_and_rest, food_and_accommodation, probation, repatriation, termination]"),
    t("contract.termination_notice", Duration, Higher, "notice either party must give to end the contract", "1 month"),
    t("contract.repatriation_on_breach", Bool, No, "the employer may send the worker home for breach of contract", "no"),
    t("contract.resignation", Enum(&["forbidden", "employer_consent", "notice", "free"]), Ordered, "whether and how a worker may resign", "notice"),
    t("contract.verified_by_origin", Bool, Yes, "the origin state checks the contract before departure", "yes"),
    // wages
    t("wages.minimum_wage", Bool, Yes, "the minimum wage that covers other workers covers program workers", "yes"),
    t("wages.equal_pay", Bool, Yes, "pay is no less than nationals get for the same work", "yes"),
    t("wages.equal_among_migrants", Bool, Yes, "migrants doing the same work get the same conditions whatever their visa or program", "yes"),
    t("wages.equal_pay_sex", Bool, Yes, "pay is set without discrimination based on sex", "yes"),
    t("wages.pay_interval", Enum(&["end_of_contract", "quarterly", "monthly", "fortnightly", "weekly"]), Ordered, "how often wages are paid", "monthly"),
    t("wages.paid_to", Enum(&["agency", "family", "worker"]), Ordered, "who receives the wages", "worker"),
    t("wages.payment_method", Enum(&["cash", "bank_transfer", "cheque", "in_kind"]), Neutral, "how wages are paid", "bank_transfer"),
    t("wages.in_kind_share", Percent, Lower, "share of pay given in kind (board, lodging)", "0 %"),
    t("wages.in_kind_consent", Bool, Yes, "payment in kind needs the worker's agreement", "yes"),
    t("wages.deduction_max", Percent, Lower, "the most that may be deducted from one pay", "10 %"),
    t("wages.withheld", Bool, No, "part of the wages is held back until the contract ends", "no"),
    t("wages.taxes_equal", Bool, Yes, "employment taxes and contributions are no higher than nationals pay", "yes"),
    t("wages.agreed_amount", Money, Higher, "the wage the program itself sets, per `wages.agreed_period`", "2000 EUR"),
    t("wages.agreed_period", Enum(&["hour", "day", "week", "month", "year"]), Neutral, "the period the agreed wage is for", "month"),
    t("wages.national_minimum_exists", Bool, Neutral, "the destination has a national minimum wage at all", "yes"),
    t("wages.end_of_service_pay", Bool, Yes, "the worker gets end-of-service pay", "yes"),
    t("wages.guarantee_fund", Bool, Yes, "a wage-guarantee or insurance fund pays wages an employer fails to pay", "yes"),
    // working time
    t("working_time.normal_hours", Hours, Lower, "normal hours of work per week", "40 hours"),
    t("working_time.daily_hours", Hours, Lower, "the most hours of work in a day", "8 hours"),
    t("working_time.overtime_max", Hours, Lower, "the most overtime in a week", "10 hours"),
    t("working_time.equal_with_nationals", Bool, Yes, "hours, overtime, rest and leave match workers generally", "yes"),
    t("working_time.overtime_pay", Bool, Yes, "overtime is paid at a premium", "yes"),
    t("working_time.overtime_compulsory", Bool, No, "overtime can be imposed without limit", "no"),
    t("working_time.daily_rest", Hours, Higher, "daily rest", "12 hours"),
    t("working_time.weekly_rest", Hours, Higher, "weekly rest, in consecutive hours", "24 hours"),
    t("working_time.annual_leave", Duration, Higher, "paid annual leave", "20 days"),
    t("working_time.standby_counted", Bool, Yes, "time on call at the household's disposal counts as working time", "yes"),
    // accommodation
    t("accommodation.provided", Bool, Neutral, "the employer provides accommodation", "yes"),
    t("accommodation.live_in_required", Bool, No, "the worker must live in the employer's household", "no"),
    t("accommodation.private_room", Bool, Yes, "the worker has a private room", "yes"),
    t("accommodation.lockable", Bool, Yes, "the room can be locked from inside", "yes"),
    t("accommodation.standards_equal", Bool, Yes, "housing standards and protections match those for nationals", "yes"),
    t("accommodation.rent_max", Percent, Lower, "the most rent may take from pay", "10 %"),
    // documents and movement
    t("documents.passport", Party, Worker, "who holds the worker's passport", "worker"),
    t("documents.permit", Party, Worker, "who holds the worker's residence and work permit", "worker"),
    t("movement.leave_workplace", Bool, Yes, "the worker may leave the workplace outside working time", "yes"),
    t("movement.rest_outside_household", Bool, Yes, "the worker need not stay in the household during rest and leave", "yes"),
    t("movement.leave_country", Bool, Yes, "the worker may leave the country at will", "yes"),
    t("movement.exit_permit_required", Bool, No, "the worker needs an exit permit, or the employer's consent, to leave the country", "no"),
    t("movement.communication", Bool, Yes, "the worker may keep a phone and communicate freely", "yes"),
    // association
    t("association.join_union", Bool, Yes, "the worker may join a trade union", "yes"),
    t("association.form_union", Bool, Yes, "the worker may form a union or association", "yes"),
    t("association.hold_office", Bool, Yes, "the worker may hold union office", "yes"),
    t("association.union_activities", Bool, Yes, "the worker may take part in union meetings and activities", "yes"),
    t("association.collective_bargaining", Bool, Yes, "collective agreements cover program workers", "yes"),
    t("association.retaliation_protection", Bool, Yes, "dismissal or removal for union activity is forbidden", "yes"),
    t("association.strike", Bool, Yes, "the worker may take part in a strike", "yes"),
    // family
    t("family.accompaniment", Bool, Yes, "family members may come with the worker", "yes"),
    t("family.reunification", Bool, Yes, "family members may join the worker later", "yes"),
    t("family.reunification_after", Duration, Lower, "how long before family may join", "0 days"),
    t("family.visits", Bool, Yes, "family members may visit", "yes"),
    t("family.members_work", Bool, Yes, "family members may work", "yes"),
    // social security
    t("social_security.health", Enum(LEVEL), Ordered, "health-care insurance compared with nationals", "equal"),
    t("social_security.employment_injury", Enum(LEVEL), Ordered, "employment-injury cover compared with nationals", "equal"),
    t("social_security.maternity", Enum(LEVEL), Ordered, "maternity protection compared with nationals", "equal"),
    t("social_security.sickness", Enum(LEVEL), Ordered, "sickness benefits compared with nationals", "equal"),
    t("social_security.pension", Enum(LEVEL), Ordered, "old-age pension compared with nationals", "equal"),
    t("social_security.unemployment", Enum(LEVEL), Ordered, "unemployment benefits compared with nationals", "equal"),
    t("social_security.portability", Bool, Yes, "earned benefits can be taken home or refunded", "yes"),
    t("social_security.injury_benefits_abroad", Bool, Yes, "employment-injury benefits are paid after departure", "yes"),
    // health
    t("health.care_access", Enum(&["none", "emergency_only", "equal"]), Ordered, "access to health care", "equal"),
    t("health.medical_services", Bool, Yes, "medical attention at departure, during the journey and on arrival", "yes"),
    t("health.family_medical", Bool, Yes, "medical services cover accompanying family", "yes"),
    t("health.pregnancy_testing", Bool, No, "workers are tested for pregnancy", "no"),
    t("health.pregnancy_protected", Bool, Yes, "pregnancy is no ground for dismissal or removal", "yes"),
    t("health.occupational_safety", Bool, Yes, "occupational safety and health law covers program workers", "yes"),
    t("health.illness_removal", Bool, No, "a worker who falls ill or is injured after entry may be sent home", "no"),
    t("health.illness_protection_after", Duration, Lower, "how long after admission protection against removal for illness begins", "0 days"),
    t("health.insurance", Bool, Yes, "workers have health insurance", "yes"),
    t("health.insurance_paid_by", Party, NotWorker, "who pays for the health insurance", "employer"),
    // transfers
    t("transfers.earnings", Enum(&["prohibited", "employer_consent", "capped", "free"]), Ordered, "whether workers may send earnings and savings home", "free"),
    t("transfers.forced_savings", Bool, No, "a share of wages is saved compulsorily", "no"),
    // justice
    t("justice.complaint_mechanism", Bool, Yes, "an accessible complaint mechanism exists", "yes"),
    t("justice.courts_access", Enum(LEVEL), Ordered, "access to courts and tribunals compared with nationals", "equal"),
    t("justice.labour_inspection", Bool, Yes, "labour inspection covers the program's workplaces", "yes"),
    t("justice.household_inspection", Bool, Yes, "labour inspection reaches private households", "yes"),
    t("justice.stay_during_claim", Bool, Yes, "the worker may stay while a claim is heard", "yes"),
    t("justice.legal_aid", Bool, Yes, "free legal aid", "yes"),
    t("justice.interpreters", Bool, Yes, "interpreters in proceedings", "yes"),
    t("justice.firewall", Bool, Yes, "services and courts do not report workers to immigration enforcement", "yes"),
    t("justice.claims_after_departure", Bool, Yes, "claims can be brought from abroad after return", "yes"),
    t("justice.irregular_claims", Bool, Yes, "workers keep claims from past employment even when irregular", "yes"),
    t("justice.abuse_protection", Bool, Yes, "protection, shelter and complaint routes against abuse, harassment and violence", "yes"),
    t("justice.agency_complaints", Bool, Yes, "machinery to investigate complaints against agencies", "yes"),
    t("justice.information_on_rights", Bool, Yes, "workers are told their rights in a language they understand", "yes"),
    // reception
    t("reception.assistance", Bool, Yes, "help during an initial settlement period", "yes"),
    t("reception.interpretation", Bool, Yes, "interpretation services on arrival", "yes"),
    t("reception.simplified_formalities", Bool, Yes, "simplified administrative formalities", "yes"),
    t("reception.customs_exempt", Bool, Yes, "personal effects and tools enter free of customs duty", "yes"),
    // return
    t("return.paid_by", Party, NotWorker, "who pays the journey home at the end of the contract", "employer"),
    t("return.failed_placement_paid_by", Party, NotWorker, "who pays the journey home when the job falls through through no fault of the worker", "employer"),
    t("return.conditions_specified", Bool, Yes, "the conditions of repatriation are set out", "yes"),
    t("return.reassignment", Bool, Yes, "help to find other suitable work when the job proves unsuitable", "yes"),
    // penalties
    t("penalties.irregular_stay", Enum(&["criminal", "administrative", "none"]), Ordered, "how irregular stay is treated", "administrative"),
    t("penalties.detention", Bool, No, "workers may be detained for their migration status", "no"),
    t("penalties.expulsion_paid_by", Party, NotWorker, "who bears the cost of an expulsion", "destination_state"),
    t("penalties.collective_expulsion", Bool, No, "workers may be expelled as a group", "no"),
    t("penalties.contract_breach_removal", Bool, No, "failing a contractual obligation can cost the worker the permit", "no"),
    t("penalties.absconding_report", Bool, No, "an employer can report a worker who leaves, making the worker irregular", "no"),
    t("penalties.leaving_employer", Enum(&["criminal", "fine", "permit_loss", "none"]), Ordered, "what a worker faces for resigning or leaving the employer", "none"),
    t("penalties.rights_lost_on_status_change", Bool, No, "earned wages, benefits or claims are lost when the worker's status changes", "no"),
    // skills
    t("skills.recognition", Bool, Yes, "qualifications gained abroad are recognised", "yes"),
    t("skills.training", Bool, Yes, "training and skills development are offered", "yes"),
    // equality
    t("equality.sex_restrictions", Bool, No, "restrictions by sex (women-only bans, marital status)", "no"),
    t("equality.religion_restrictions", Bool, No, "restrictions by religion", "no"),
    t("equality.marriage_restrictions", Bool, No, "workers may not marry, or need permission to, apart from any rule on pregnancy", "no"),
    t("equality.minimum_age_equal", Bool, Yes, "the minimum age for program work is no lower than for work generally", "yes"),
    t("equality.gender_responsive", Bool, Yes, "the program has gender-specific protections", "yes"),
    t("equality.information_on_policy", Bool, Yes, "workers are informed of the equality policy and their rights", "yes"),
    // governance
    t("governance.intergovernmental_agreement", Bool, Yes, "an agreement between the governments governs the program", "yes"),
    t("governance.standard_terms", Bool, Yes, "the agreement fixes standard terms of employment", "yes"),
    t("governance.employer_obligations_enforced", Bool, Yes, "the agreement says how employers' contractual obligations are enforced", "yes"),
    t("governance.monitoring_body", Bool, Yes, "a joint body monitors the program", "yes"),
    t("governance.published", Bool, Yes, "the agreement is published", "yes"),
    t("governance.union_participation", Bool, Yes, "unions take part in governing the program", "yes"),
    t("governance.social_partner_consultation", Bool, Yes, "employers' and workers' organisations were consulted", "yes"),
    t("governance.clandestine_penalties", Bool, Yes, "promoting clandestine migration is penalised", "yes"),
    t("enforcement.sanctions", Enum(&["none", "administrative", "fines", "criminal"]), Ordered, "the penalty an employer or recruiter faces for breaching the program's protective rules", "fines"),
    t("enforcement.employer_reports_departure", Bool, No, "the employer must report to the authorities a worker who leaves", "no"),
];
