//! The demo's results entry: the real count of every polling station of Assen 2026 (from the
//! municipality's published EML 510b) typed twice, by two typists, through the same service the
//! web application uses; one typing slip is caught and resolved by the coordinator.

use std::sync::Arc;

use anyhow::{Context, bail};
use model::count::{CountForm, NlCount, Submitted};
use model::entry::{Acknowledgements, DifferenceResolution, Status, Which};
use model::{ElectionId, PollingStationNumber};
use office::entry::Resolution;
use office::{Office, Operator};
use store::{Actor, NewUser, Role, Store};

use messages::{Language, t};

/// The demo's users and their passwords, to log in with `urna serve` afterwards.
pub const DEMO_USERS: [(&str, Role, &str); 3] = [
    ("invoerder1", Role::Typist, "demo-wachtwoord-1"),
    ("invoerder2", Role::Typist, "demo-wachtwoord-2"),
    ("coordinator", Role::Coordinator, "demo-wachtwoord-3"),
];

fn typed(
    office: &Office,
    user: &Operator,
    election: &ElectionId,
    station: PollingStationNumber,
    fields: &Submitted,
) -> anyhow::Result<Status> {
    let claimed = office.claim(user, election, station)?;
    let (version, _) = office.save(user, election, station, claimed.stored.version, fields)?;
    let (status, _) = office.finalise(
        user,
        election,
        station,
        version,
        None,
        Acknowledgements {
            warnings: true,
            errors: false,
        },
    )?;
    Ok(status)
}

/// The count the demo's first session types for a polling station whose ballots the real
/// committee recounted in part: ten ballots of the largest list put on the pile of the next one
/// (every total stays consistent, so only a recount finds it). Composed by the demo; the
/// corrected count of its second session is the published one.
pub fn miscounted(count: &NlCount) -> NlCount {
    let mut wrong = count.clone();
    let Some(largest) = (0..wrong.votes.per_list.len()).max_by_key(|i| wrong.votes.per_list[*i])
    else {
        return wrong;
    };
    let next = (largest + 1) % wrong.votes.per_list.len();
    let moved = wrong.lists[largest]
        .candidates
        .first()
        .copied()
        .unwrap_or(0)
        .min(10);
    if next == largest || moved == 0 || wrong.lists[next].candidates.is_empty() {
        return wrong;
    }
    wrong.lists[largest].candidates[0] -= moved;
    wrong.lists[largest].total -= moved;
    wrong.votes.per_list[largest] -= moved;
    wrong.lists[next].candidates[0] += moved;
    wrong.lists[next].total += moved;
    wrong.votes.per_list[next] += moved;
    wrong
}

/// Types `fields` twice, by the two typists; the two entries agree.
pub fn typed_twice(
    office: &Office,
    (first, second): (&Operator, &Operator),
    election: &ElectionId,
    station: PollingStationNumber,
    fields: &Submitted,
) -> anyhow::Result<()> {
    typed(office, first, election, station, fields)?;
    let status = typed(office, second, election, station, fields)?;
    if status != Status::Definitive {
        bail!("polling station {station}: the equal entries gave {status:?}");
    }
    Ok(())
}

/// Enters the counts of `count_file` (a 510b of `election_id`) twice; prints what happened. At
/// the polling stations in `recounted` the demo's first session types [`miscounted`] counts.
pub fn enter_counts(
    lang: Language,
    store: &Arc<Store>,
    actor: &Actor,
    election_id: &ElectionId,
    count_file: (&str, &[u8]),
    recounted: &[PollingStationNumber],
) -> anyhow::Result<Vec<Operator>> {
    let service = Office::new(store.clone());
    let election = service.election(election_id)?;
    let mut counts = eml::read_polling_station_counts(
        eml::SourceFile::new(count_file.0, count_file.1),
        &election,
    )?;
    for station in recounted {
        if let Some(count) = counts.get_mut(station) {
            *count = miscounted(count);
        }
    }
    let contest = election
        .contests
        .first()
        .context("the election has no lists")?;

    let mut users = Vec::new();
    for (username, role, password) in DEMO_USERS {
        let user = store.create_user(
            actor,
            NewUser {
                username: username.into(),
                full_name: username.into(),
                role,
                password_hash: web::auth::hash_password(password)?,
                must_change_password: false,
            },
        )?;
        users.push(Operator {
            actor: Actor::new("web", &user.username),
            typist: model::entry::Typist {
                id: user.id,
                username: user.username,
            },
        });
    }
    let (first, second, coordinator) = (&users[0], &users[1], &users[2]);
    println!(
        "   {}",
        t!(
            lang,
            "cli-demo-users",
            users = DEMO_USERS
                .iter()
                .map(|(name, role, password)| format!(
                    "{name} ({}, {password})",
                    role.name().text(lang)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        )
    );

    let mut slip_station = None;
    for (number, count) in &counts {
        let station = *number;
        let form = CountForm::Netherlands(count.clone());
        let fields = form.submitted(contest);
        typed(&service, first, election_id, station, &fields)?;
        // At the first station with two candidates with votes, the second typist slips: one
        // vote typed at the wrong candidate, which keeps every total consistent.
        let slip = slip_station.is_none()
            && count.lists[0].candidates.len() > 1
            && count.lists[0].candidates[0] > 0;
        if slip {
            let mut wrong = count.clone();
            wrong.lists[0].candidates[0] -= 1;
            wrong.lists[0].candidates[1] += 1;
            let wrong_fields = CountForm::Netherlands(wrong).submitted(contest);
            let status = typed(&service, second, election_id, station, &wrong_fields)?;
            if status != Status::EntriesDifferent {
                bail!("the demo's typing slip was not caught (status {status:?})");
            }
            let view = service.entry(election_id, station)?;
            println!(
                "   {}",
                t!(
                    lang,
                    "cli-demo-entries-differ",
                    station = station.get(),
                    fields = view
                        .differences
                        .iter()
                        .map(|d| format!(
                            "{} ({} / {})",
                            d.field.label(lang),
                            d.first.display(),
                            d.second.display()
                        ))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            );
            service.resolve(
                coordinator,
                election_id,
                station,
                view.stored.version,
                Resolution::Differences {
                    resolution: DifferenceResolution::SendBack(Which::Second),
                },
            )?;
            println!("   {}", t!(lang, "cli-demo-sent-back"));
            slip_station = Some(station);
            let view = service.entry(election_id, station)?;
            let (version, _) =
                service.save(second, election_id, station, view.stored.version, &fields)?;
            let (status, _) = service.finalise(
                second,
                election_id,
                station,
                version,
                None,
                Acknowledgements {
                    warnings: true,
                    errors: false,
                },
            )?;
            if status != Status::Definitive {
                bail!("the corrected entry did not become definitive ({status:?})");
            }
        } else {
            let status = typed(&service, second, election_id, station, &fields)?;
            if status != Status::Definitive {
                bail!("polling station {station}: the equal entries gave {status:?}");
            }
        }
    }

    let overview = service.overview(election_id)?;
    println!(
        "   {}",
        t!(
            lang,
            "cli-demo-definitive",
            definitive = overview.totals.definitive,
            stations = overview.totals.stations
        )
    );
    // The running totals equal the sums of what was typed.
    for (index, list) in contest.lists.iter().enumerate() {
        let published: u64 = counts
            .values()
            .map(|c| u64::from(c.votes.per_list[index]))
            .sum();
        let entered = overview.totals.per_list.get(index).copied().unwrap_or(0);
        if entered != published {
            bail!(
                "list {}: entered {entered}, published {published}",
                list.number
            );
        }
    }
    println!(
        "   {}",
        t!(
            lang,
            "cli-demo-running-totals",
            admitted = overview.totals.admitted_voters,
            candidates = overview.totals.votes_on_candidates,
            blank = overview.totals.blank,
            invalid = overview.totals.invalid
        )
    );
    println!(
        "   {}",
        t!(
            lang,
            "cli-demo-list-equal",
            number = contest.lists[0].number.get(),
            name = &contest.lists[0].name,
            votes = overview.totals.per_list.first().copied().unwrap_or(0)
        )
    );
    Ok(users)
}
